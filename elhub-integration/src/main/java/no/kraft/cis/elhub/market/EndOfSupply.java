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
 * possible (also as the violation's params {@code endDate}, {@code sendBy}, {@code earliest}); a termination asked before its window opens is stored and held in the outbox until the window's first day.
 * Elhub's ConfirmEndOfSupply ends our delivery on the date ({@link Deliveries}); RejectEndOfSupply closes it with the
 * reason and a work item. Before Elhub's cancellation deadline an end can be cancelled (the request again as E02), after
 * it rolled back to correct an error (BRS-NO-221); Elhub decides which it still takes, and a confirmed one takes the end
 * back: the deliveries it ended run on as before.
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
    private final SupplyReversal reversal;
    private final SupplyReversal.Way cancellation;
    private final SupplyReversal.Way rollback;

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
        this.reversal = new SupplyReversal(processes, outbox, transactions);
        // An end is cancelled while requested, sent or confirmed, and rolled back once confirmed. A confirmed end is
        // closed at once, so either reopens it: another process (our next start) may hold the point by then, and the
        // end is not taken back while that runs (SupplyReversal). Only an end can be held for its send window: see cancel.
        this.cancellation = new SupplyReversal.Way(true, Command.Kind.CANCEL_END_OF_SUPPLY,
                (request, requestId, cancelId) -> MarketMessages.cancelEndOfSupply(soap, request, requestId, cancelId),
                processes::cancelling, "supplyEnd.notCancellable",
                p -> "supply process " + p.id() + " is a start of supply (" + p.brs() + "): cancel it as a start",
                p -> "end of supply " + p.id() + " is " + p.status() + ": only one requested, sent or confirmed can be cancelled",
                "cancelled");
        java.util.function.Function<SupplyProcesses.Process, String> notRollbackable = p -> "supply process " + p.id() + " is " + p.kind()
                + " " + p.status() + ": only an end Elhub has confirmed can be rolled back";
        this.rollback = new SupplyReversal.Way(true, Command.Kind.ROLLBACK_END_OF_SUPPLY,
                (request, requestId, rollbackId) -> MarketMessages.rollbackEndOfSupply(soap, request, requestId, rollbackId),
                processes::rollingBackEnd, "supplyEnd.notRollbackable", notRollbackable, notRollbackable, "rolled back");
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
            LocalDate earliest = windows.earliestEnd(e.kind(), profiled, today);
            // the dates also by name, so a client says the refusal in its own language without reading this English
            throw no.kraft.cis.rule.ValidationFailedException.of("endDate", "supplyEnd.sendWindow", e.kind().brs() + " for "
                    + e.endDate() + " had to reach Elhub by " + window.latest() + "; the earliest end date possible now is " + earliest,
                    java.util.Map.of("endDate", e.endDate().toString(), "sendBy", window.latest().toString(), "earliest", earliest.toString()));
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

    /**
     * Cancels an end of ours before Elhub's cancellation deadline (the customer stays after all). One still held for its
     * send window was never sent: it is taken back here and nothing goes to Elhub. Otherwise the cancellation (the
     * request as E02, referring to it) is stored with its own Identification and sent by the outbox; Elhub confirms it
     * (→ CANCELLED: the deliveries the end had ended run on) or refuses it after the deadline (E47: the end stands, with
     * the reason, and a work item — a correction is then a rollback).
     */
    public SupplyProcesses.Process cancel(long id, String by) {
        SupplyProcesses.Process p = reversal.process(id, cancellation);
        // what only an end has: a termination held for its send window can be taken back before it ever leaves
        boolean unsent = Boolean.TRUE.equals(transaction.execute(tx -> {
            if (!outbox.withdrawUnsent(id, Command.Kind.REQUEST_END_OF_SUPPLY, "cancelled by " + by + " before it was sent")) {
                return false;
            }
            if (!processes.cancelledUnsent(id)) {
                tx.setRollbackOnly();
                return false;
            }
            return true;
        }));
        if (unsent) {
            return processes.get(id);
        }
        return reversal.send(p, cancellation, SupplyReversal.audit(by, null));
    }

    /**
     * Rolls a confirmed end back after Elhub's cancellation deadline (BRS-NO-221): only to correct an error (the wrong
     * metering point ended, a move-out that never was). Stored with its own Identification and sent by the outbox;
     * Elhub confirms it (→ ROLLED_BACK: the deliveries the end had ended run on, any final invoice recalculated) or
     * refuses it (E47 before the deadline — then cancel — or for an end it no longer holds: back to CONFIRMED with the
     * reason, and a work item).
     */
    public SupplyProcesses.Process rollback(long id, String reason, String by) {
        String why = SupplyReversal.rollbackReason(reason);
        return reversal.send(reversal.process(id, rollback), rollback, SupplyReversal.audit(by, why));
    }
}
