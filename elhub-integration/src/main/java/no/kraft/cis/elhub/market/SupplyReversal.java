package no.kraft.cis.elhub.market;

import java.util.function.Function;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taking back a supply process of ours in Elhub, a start or an end alike: a <b>cancellation</b> (annullering) before
 * Elhub's cancellation deadline, or a <b>rollback</b> (tilbakerulling) after it, only to correct an error, which must be
 * said. Either is the stored request again as E02 with its own Identification and the original's as reference; it is
 * stored with the process's move into CANCELLING or ROLLING_BACK and the outbox command that sends it, in one
 * transaction, and Elhub's answer closes it ({@link SupplyAnswers}). Which of the two Elhub still takes is Elhub's to
 * decide (E47 otherwise): the deadlines are not published.
 *
 * <p>What differs between the processes is each one's {@link Way}: the state it can be taken back from, its message,
 * its outbox command, its rule and text when refused. The rest is here: a rollback without its reason is a 400 naming
 * {@code reason}, every other refusal a 409 naming the field {@code id} and the rule, and nothing is stored when one
 * is refused.
 */
final class SupplyReversal {

    /**
     * The process's move into CANCELLING or ROLLING_BACK, storing the reversal's Identification and message. The state
     * it may come from is checked in the update itself, so of two asked at the same time one wins and the other is
     * refused. Whether the process was in such a state.
     */
    @FunctionalInterface
    interface Transition {
        boolean store(long id, String reversalId, String message);
    }

    /** The reversal's message, from the stored request, its Identification and the reversal's own. */
    @FunctionalInterface
    interface Message {
        String of(String request, String requestId, String reversalId);
    }

    /**
     * One way to take one kind of process back.
     *
     * @param ending whether it takes back an end of supply (else a start)
     * @param command the outbox command that sends it
     * @param refusedRule the rule when the process is of the other kind or not in a state {@code transition} allows
     * @param otherKind the refusal's text for a process of the other kind
     * @param wrongState the refusal's text for one in a state {@code transition} does not allow (its state as read)
     * @param done "cancelled" or "rolled back", for the refusal while another process holds the point
     */
    record Way(boolean ending, Command.Kind command, Message message, Transition transition, String refusedRule,
            Function<SupplyProcesses.Process, String> otherKind, Function<SupplyProcesses.Process, String> wrongState, String done) {
    }

    private final SupplyProcesses processes;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    SupplyReversal(SupplyProcesses processes, Outbox outbox, PlatformTransactionManager transactions) {
        this.processes = processes;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A rollback's reason, stripped: required, since Elhub allows a rollback only to correct an error (400 otherwise). */
    static String rollbackReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ValidationFailedException.of("reason", "rollback.reason",
                    "a rollback corrects an error: say which (Elhub allows it for corrections only)");
        }
        return reason.strip();
    }

    /** Who asked, as the outbox command keeps it: with a rollback's reason. */
    static String audit(String by, String reason) {
        return reason == null ? by : by + " (" + reason + ")";
    }

    /** The process, when it is of the kind {@code way} takes back (404 when there is none; 409 when of the other kind). */
    SupplyProcesses.Process process(long id, Way way) {
        SupplyProcesses.Process p = processes.get(id);
        if (p.kind().ending() != way.ending()) {
            throw new ConflictException("id", way.refusedRule(), way.otherKind().apply(p));
        }
        return p;
    }

    /**
     * Stores the reversal of {@code p} and its outbox command in one transaction, and answers the process as it is now;
     * or refuses it with nothing stored (409): not in a state {@code way} allows, or another process holds the point.
     *
     * @param audit who asked, as the outbox command keeps it ({@link #audit})
     */
    SupplyProcesses.Process send(SupplyProcesses.Process p, Way way, String audit) {
        String reversalId = EmifSoap.newId();
        String message = way.message().of(processes.message(p.id()), p.requestId(), reversalId);
        boolean stored;
        try {
            stored = Boolean.TRUE.equals(transaction.execute(tx -> {
                if (!way.transition().store(p.id(), reversalId, message)) {
                    return false;
                }
                outbox.enqueueMessage(way.command(), p.meteringPointId(), p.startDate(), p.id(), null, null, audit);
                return true;
            }));
        } catch (DuplicateKeyException another) {
            // A point has one open supply process at a time (elhub_supply_process_open: closed_at is null), and a
            // reversal reopens its process while Elhub decides. A start being cancelled (requested, sent, confirmed) is
            // still open: it holds the place itself and never meets this. But a confirmed end is closed at once, and a
            // notified start when notified, so by the time either is taken back another process (our next start, an end
            // of the start being rolled back) may hold the point: the update breaks the index, and nothing is stored.
            throw new ConflictException("id", "supplyProcess.inProgress", "another supply process for " + p.meteringPointId()
                    + " is in progress in Elhub: the " + (way.ending() ? "end" : "start") + " can not be " + way.done() + " while it runs");
        }
        if (!stored) {
            throw new ConflictException("id", way.refusedRule(), way.wrongState().apply(p));
        }
        return processes.get(p.id());
    }
}
