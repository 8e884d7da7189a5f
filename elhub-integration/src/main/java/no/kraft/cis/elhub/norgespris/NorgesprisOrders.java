package no.kraft.cis.elhub.norgespris;

import java.time.Clock;
import java.time.LocalDate;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.NorgesprisStatus;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.meteringpoint.PropertyValue;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ordering and cancelling Norgespris in Elhub on a customer's behalf — behind a capability flag
 * ({@code cis.elhub.norgespris.ordering-enabled}, off by default: who may create or cancel for whom is not published).
 * Each command sets our waiting state in 888 (0 registered, 2 cancellation registered) and is stored in the outbox in
 * the same transaction; the relay delivers it. A command Elhub refused (888 = −1) can be sent again.
 */
public class NorgesprisOrders {

    private final MeteringPointService meteringPoints;
    private final Outbox outbox;
    private final KnownContracts known;
    private final Clock clock;
    private final boolean enabled;
    private final TransactionTemplate transaction;

    public NorgesprisOrders(MeteringPointService meteringPoints, Outbox outbox, KnownContracts known, Clock clock, boolean enabled,
            PlatformTransactionManager transactions) {
        this.meteringPoints = meteringPoints;
        this.outbox = outbox;
        this.known = known;
        this.clock = clock;
        this.enabled = enabled;
        this.transaction = new TransactionTemplate(transactions);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Orders Norgespris from {@code startDate} (today or later): 888 = 0 from then, and a command in the outbox. */
    public Command order(MeteringPointId id, LocalDate startDate, String by) {
        requireEnabled();
        if (startDate.isBefore(NorwegianTime.today(clock))) {
            throw ValidationFailedException.of("startDate", "norgespris.startInPast", "Norgespris can be ordered from today at the earliest");
        }
        return transaction.execute(status -> {
            requireNothingWaiting(id);
            meteringPoints.setProperty(id, null, PropertyCode.NORGESPRIS, NorgesprisStatus.REGISTERED.code(), "ordered in Elhub by " + by, startDate);
            return outbox.get(outbox.enqueue(Command.Kind.ORDER_NORGESPRIS, id.value(), startDate, null, by));
        });
    }

    /** Cancels the active Norgespris: 888 = 2 from today (or the active value's start, if later), and a command. */
    public Command cancel(MeteringPointId id, String by) {
        requireEnabled();
        return transaction.execute(status -> {
            requireNothingWaiting(id);
            PropertyValue current = latest(meteringPoints.get(id));
            if (current.value() != NorgesprisStatus.ACTIVE.code()) {
                throw new ConflictException("meteringPointId", "norgespris.notActive", "Norgespris is not active on " + id);
            }
            LocalDate from = later(NorwegianTime.today(clock), current.period().from());
            meteringPoints.setProperty(id, null, PropertyCode.NORGESPRIS, NorgesprisStatus.CANCELLATION_REGISTERED.code(),
                    "cancellation sent to Elhub by " + by, from);
            return outbox.get(outbox.enqueue(Command.Kind.CANCEL_NORGESPRIS, id.value(), null, known.cancellable(id.value()).orElse(null), by));
        });
    }

    /** Sends the command Elhub refused (888 = −1) again, from the same date: back to 0 or 2, and a new command. */
    public Command resend(MeteringPointId id, String by) {
        requireEnabled();
        return transaction.execute(status -> {
            requireNothingWaiting(id);
            PropertyValue current = latest(meteringPoints.get(id));
            if (current.value() != NorgesprisStatus.ERROR.code()) {
                throw new ConflictException("meteringPointId", "norgespris.notInError", "888 on " + id + " is not −1; there is nothing to send again");
            }
            Command failed = outbox.forMeteringPoint(id.value()).stream()
                    .filter(c -> c.status() == Command.Status.REJECTED || c.status() == Command.Status.EXPIRED).findFirst()
                    .orElseThrow(() -> new ConflictException("meteringPointId", "norgespris.nothingToResend", "no refused command for " + id));
            boolean order = failed.kind() == Command.Kind.ORDER_NORGESPRIS;
            NorgesprisStatus waiting = order ? NorgesprisStatus.REGISTERED : NorgesprisStatus.CANCELLATION_REGISTERED;
            meteringPoints.setProperty(id, null, PropertyCode.NORGESPRIS, waiting.code(), "sent to Elhub again by " + by, current.period().from());
            return outbox.get(outbox.enqueue(failed.kind(), id.value(), failed.startDate(), failed.contractId(), by));
        });
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ConflictException("capability", "elhub.orderingDisabled",
                    "ordering and cancelling Norgespris in Elhub is not enabled for this deployment (cis.elhub.norgespris.ordering-enabled)");
        }
    }

    private void requireNothingWaiting(MeteringPointId id) {
        if (outbox.hasPending(id.value())) {
            throw new ConflictException("meteringPointId", "elhub.commandPending", "a command for " + id + " is still waiting for Elhub");
        }
    }

    private static PropertyValue latest(MeteringPoint point) {
        return point.latestProperty(PropertyCode.NORGESPRIS).orElseThrow(() -> new ConflictException("meteringPointId", "norgespris.none", "no Norgespris value on " + point.meteringPointId()));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
