package no.kraft.cis.elhub.market;

import java.time.Clock;
import java.time.LocalDate;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks Elhub to start our supply of a metering point: checks what we can before anything is sent, then stores the
 * process with its {@code RequestStartOfSupply} (its Identification made now) and the outbox command that sends it, in
 * one transaction. Elhub's answers arrive on the PollMarketProcesses queue ({@link SupplyAnswers}).
 */
public class StartOfSupply {

    /** BRS-NO-103 and 104 go back in time at most this far (Elhub: 30 working days; calendar days here, the stricter). */
    static final int BACK_IN_TIME_DAYS = 30;

    private final SupplyProcesses processes;
    private final Outbox outbox;
    private final EmifSoap soap;
    private final String ourGln;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SupplyReversal reversal;
    private final SupplyReversal.Way cancellation;
    private final SupplyReversal.Way rollback;

    public StartOfSupply(SupplyProcesses processes, Outbox outbox, EmifSoap soap, String ourGln, Clock clock,
            PlatformTransactionManager transactions) {
        this.processes = processes;
        this.outbox = outbox;
        this.soap = soap;
        this.ourGln = ourGln;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.reversal = new SupplyReversal(processes, outbox, transactions);
        // A start is cancelled while requested, sent or confirmed: still open, so it never meets another process on the
        // point. It is rolled back once notified — closed then, so another process may hold the point by then, and the
        // rollback is refused while it runs (SupplyReversal).
        this.cancellation = new SupplyReversal.Way(false, Command.Kind.CANCEL_START_OF_SUPPLY,
                (request, requestId, cancelId) -> MarketMessages.cancelStartOfSupply(soap, request, requestId, cancelId),
                processes::cancelling, "supplyStart.notCancellable",
                p -> "supply process " + p.id() + " is an end of supply (" + p.brs() + "): cancel it as an end",
                p -> "start of supply " + p.id() + " is " + p.status()
                        + ": only one in progress can be cancelled (after Elhub's notification, a correction is a rollback)",
                "cancelled");
        java.util.function.Function<SupplyProcesses.Process, String> notRollbackable = p -> "supply process " + p.id() + " is " + p.kind()
                + " " + p.status() + ": only a start Elhub has notified can be rolled back (before that, cancel it)";
        this.rollback = new SupplyReversal.Way(false, Command.Kind.ROLLBACK_START_OF_SUPPLY,
                (request, requestId, rollbackId) -> MarketMessages.rollbackStartOfSupply(soap, request, requestId, rollbackId),
                processes::rollingBack, "supplyStart.notRollbackable", notRollbackable, notRollbackable, "rolled back");
    }

    public SupplyProcesses.Process request(SupplyStart s, String by) {
        check(s, NorwegianTime.today(clock));
        String requestId = EmifSoap.newId();
        String message = MarketMessages.requestStartOfSupply(soap, requestId, ourGln, s);
        try {
            long id = transaction.execute(tx -> {
                long process = processes.insert(s.kind(), s.meteringPointId(), s.startDate(), requestId, message, null, by);
                outbox.enqueueSupplyProcess(s.meteringPointId(), s.startDate(), process, by);
                return process;
            });
            return processes.get(id);
        } catch (DuplicateKeyException inProgress) {
            throw new ConflictException("meteringPointId", "supplyStart.inProgress",
                    "a start of supply for " + s.meteringPointId() + " is already in progress in Elhub");
        }
    }

    /**
     * Cancels a start still in progress (before Elhub's cancellation deadline — Elhub decides, and refuses after it):
     * the cancellation is stored with its own Identification and sent by the outbox after the request.
     */
    public SupplyProcesses.Process cancel(long id, String by) {
        return reversal.send(reversal.process(id, cancellation), cancellation, SupplyReversal.audit(by, null));
    }

    /**
     * Rolls a notified start back (BRS-NO-111): only after the cancellation deadline and only to correct an error (a
     * switch made by mistake, the wrong metering point). Stored with its own Identification and sent by the outbox;
     * Elhub confirms it (→ ROLLED_BACK: the delivery that began on the start date is withdrawn, any invoiced day of it
     * recalculated) or refuses it (the start stands, with the reason, and a work item).
     */
    public SupplyProcesses.Process rollback(long id, String reason, String by) {
        String why = SupplyReversal.rollbackReason(reason);
        return reversal.send(reversal.process(id, rollback), rollback, SupplyReversal.audit(by, why));
    }

    /**
     * The rules we know before asking: a valid metering point, a date the process allows (refused with the dates allowed as
     * the violation's params), an end user Elhub can match.
     */
    static void check(SupplyStart s, LocalDate today) {
        FieldValidation check = new FieldValidation();
        check.optional("meteringPointId", s.meteringPointId(), () -> new MeteringPointId(s.meteringPointId()));
        if (s.kind() == null || s.kind().ending()) {
            check.reject("kind", "supplyStart.kind", "a start of supply is BRS-NO-101, 102, 103 or 104, not " + s.kind());
        } else if (s.startDate() == null) {
            check.reject("startDate", "startDate.required", "the start date is required");
        } else if ((s.kind() == ProcessKind.CHANGE_OF_SUPPLIER || s.kind() == ProcessKind.MOVE_IN) && s.startDate().isBefore(today)) {
            check.reject("startDate", "supplyStart.inThePast", s.kind().brs() + " starts today or later, not " + s.startDate()
                    + " (a move-in already past is BRS-NO-103)", java.util.Map.of("startDate", s.startDate().toString(), "earliest",
                    today.toString()));
        } else if ((s.kind() == ProcessKind.MOVE_IN_BACK_IN_TIME || s.kind() == ProcessKind.FROM_SUPPLIER_OF_LAST_RESORT)
                && (s.startDate().isAfter(today) || s.startDate().isBefore(today.minusDays(BACK_IN_TIME_DAYS)))) {
            check.reject("startDate", "supplyStart.backInTimeWindow", s.kind().brs() + " goes back at most " + BACK_IN_TIME_DAYS
                    + " days and not ahead: " + today.minusDays(BACK_IN_TIME_DAYS) + " to " + today, java.util.Map.of("startDate",
                    s.startDate().toString(), "earliest", today.minusDays(BACK_IN_TIME_DAYS).toString(), "latest", today.toString()));
        }
        checkEndUser(check, s.endUserId(), s.name(), s.givenName(), s.familyName(), s.address());
        check.throwIfInvalid();
    }

    /** The end user as Elhub matches them: an ID of the right kind, the names that kind needs, a postal address. */
    static void checkEndUser(FieldValidation check, String endUserId, String name, String givenName, String familyName,
            SupplyStart.Address address) {
        if (endUserId == null || !endUserId.matches("\\d{9}|\\d{11}")) {
            check.reject("endUserId", "supplyStart.endUser", "the end user is an 11-digit national ID or a 9-digit organisation number");
        } else if (endUserId.length() == 9 ? blank(name) : blank(givenName) || blank(familyName)) {
            // Elhub's EH031: name fields must fit the end-user type
            check.reject("name", "supplyStart.name", endUserId.length() == 9 ? "an organisation needs its name"
                    : "a person needs given and family name");
        }
        if (address == null || blank(address.postcode()) || blank(address.city())) {
            check.reject("address", "supplyStart.address", "the end user's postal address needs a postcode and a city");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
