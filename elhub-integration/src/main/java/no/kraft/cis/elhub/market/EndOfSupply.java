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
 * Asks Elhub to end our supply of a metering point (BRS-NO-201 move-out, 202 termination). Checked before anything is
 * sent: the end user is complete, we supply the point the day before the end, and the request can still reach Elhub in
 * its send window (which closes before the end date: an end goes forward in time only) ({@link SendWindows}) — too late is refused naming the earliest end date still
 * possible; a termination asked before its window opens is stored and held in the outbox until the window's first day.
 * Elhub's ConfirmEndOfSupply ends our delivery on the date ({@link Deliveries}); RejectEndOfSupply closes it with the
 * reason and a work item.
 */
public class EndOfSupply {

    private final SupplyProcesses processes;
    private final Outbox outbox;
    private final EmifSoap soap;
    private final String ourGln;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SendWindows windows;
    private final Deliveries deliveries;

    public EndOfSupply(SupplyProcesses processes, Outbox outbox, EmifSoap soap, String ourGln, Clock clock,
            PlatformTransactionManager transactions, SendWindows windows, Deliveries deliveries) {
        this.processes = processes;
        this.outbox = outbox;
        this.soap = soap;
        this.ourGln = ourGln;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.windows = windows;
        this.deliveries = deliveries;
    }

    public SupplyProcesses.Process request(SupplyEnd e, String by) {
        LocalDate today = NorwegianTime.today(clock);
        FieldValidation check = new FieldValidation();
        check.optional("meteringPointId", e.meteringPointId(), () -> new MeteringPointId(e.meteringPointId()));
        if (e.kind() == null || !e.kind().ending()) {
            check.reject("kind", "supplyEnd.kind", "an end of supply is MOVE_OUT (BRS-NO-201) or TERMINATION (202), not " + e.kind());
        }
        if (e.endDate() == null) {
            check.reject("endDate", "endDate.required", "the end date (the first day no longer ours) is required");
        }
        StartOfSupply.checkEndUser(check, e.endUserId(), e.name(), e.givenName(), e.familyName(), e.address());
        check.throwIfInvalid();
        // a profiled point (its settlement method on the last day of ours, from Elhub's master data) counts working days,
        // a time-metered one calendar days. The window closes before the end date, so an end goes forward only.
        boolean profiled = deliveries.profiled(e.meteringPointId(), e.endDate().minusDays(1));
        SendWindows.Window window = windows.forEnd(e.kind(), profiled, e.endDate());
        if (today.isAfter(window.latest())) {
            throw no.kraft.cis.rule.ValidationFailedException.of("endDate", "supplyEnd.sendWindow", e.kind().brs() + " for "
                    + e.endDate() + " had to reach Elhub by " + window.latest() + "; the earliest end date possible now is "
                    + windows.earliestEnd(e.kind(), profiled, today));
        }
        if (!deliveries.supplied(e.meteringPointId(), e.endDate().minusDays(1))) {
            throw new ConflictException("meteringPointId", "supplyEnd.notOurs", "we do not supply " + e.meteringPointId() + " on "
                    + e.endDate().minusDays(1) + ", the day before the end: there is no supply of ours to end");
        }
        LocalDate sendFrom = window.earliest() != null && today.isBefore(window.earliest()) ? window.earliest() : null;
        String requestId = EmifSoap.newId();
        String message = MarketMessages.requestEndOfSupply(soap, requestId, ourGln, e);
        try {
            long id = transaction.execute(tx -> {
                long process = processes.insert(e.kind(), e.meteringPointId(), e.endDate(), requestId, message, sendFrom, by);
                outbox.enqueueMessage(Command.Kind.REQUEST_END_OF_SUPPLY, e.meteringPointId(), e.endDate(), process, null,
                        sendFrom == null ? null : sendFrom.atStartOfDay(NorwegianTime.ZONE).toInstant(), by);
                return process;
            });
            return processes.get(id);
        } catch (DuplicateKeyException inProgress) {
            throw new ConflictException("meteringPointId", "supplyProcess.inProgress",
                    "a supply process for " + e.meteringPointId() + " is already in progress in Elhub");
        }
    }
}
