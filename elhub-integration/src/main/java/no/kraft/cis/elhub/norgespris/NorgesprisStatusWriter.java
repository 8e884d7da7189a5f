package no.kraft.cis.elhub.norgespris;

import java.util.Optional;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.NorgesprisSynchronised;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.ValidationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what Elhub says about a Norgespris contract into property 888 ({@link Norgespris888}), one contract per
 * transaction, and publishes {@link NorgesprisSynchronised} so 900 and the segments follow. A metering point with a
 * command of ours still waiting in the outbox is left to that command's answer. What cannot be written — our history
 * says otherwise in a way the rules refuse — rolls back and becomes a {@code DATA_CONFLICT} work item.
 */
public class NorgesprisStatusWriter {

    private static final Logger LOG = LoggerFactory.getLogger(NorgesprisStatusWriter.class);

    /** What became of one contract. */
    public enum Outcome {
        CHANGED,
        UNCHANGED,
        /** The metering point is not ours. */
        UNKNOWN_POINT,
        /** A command of ours is waiting for Elhub; its answer decides. */
        DEFERRED,
        CONFLICT
    }

    private final MeteringPointService meteringPoints;
    private final KnownContracts known;
    private final Outbox outbox;
    private final WorkItems workItems;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    public NorgesprisStatusWriter(MeteringPointService meteringPoints, KnownContracts known, Outbox outbox, WorkItems workItems,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.meteringPoints = meteringPoints;
        this.known = known;
        this.outbox = outbox;
        this.workItems = workItems;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param answerToOurCommand the contract is Elhub's answer to our own command (which is then no longer waiting)
     */
    public Outcome write(NorgesprisContract contract, boolean answerToOurCommand) {
        try {
            return ownTransaction.execute(status -> writeInTransaction(contract, answerToOurCommand));
        } catch (ConflictException | ValidationFailedException | InvalidValueException e) {
            LOG.warn("Norgespris contract {} for {} conflicts with our 888 history: {}", contract.id(), contract.meteringPointId(), e.getMessage());
            ownTransaction.executeWithoutResult(status -> workItems.open(WorkItem.Kind.DATA_CONFLICT, contract.meteringPointId(), null,
                    "Elhub's Norgespris contract " + contract.id() + " (" + contract.status() + " from " + contract.startDate()
                            + ") cannot be taken into 888: " + e.getMessage(), null, contract.toString()));
            return Outcome.CONFLICT;
        }
    }

    private Outcome writeInTransaction(NorgesprisContract contract, boolean answerToOurCommand) {
        known.remember(contract);
        Optional<MeteringPointId> id = meteringPointId(contract.meteringPointId());
        Optional<MeteringPoint> point = id.flatMap(meteringPoints::find);
        if (point.isEmpty()) {
            return Outcome.UNKNOWN_POINT;
        }
        if (!answerToOurCommand && outbox.hasPending(contract.meteringPointId())) {
            return Outcome.DEFERRED;
        }
        int before = point.get().propertyValues(PropertyCode.NORGESPRIS).size();
        boolean ended = false;
        for (Norgespris888.Change change : Norgespris888.changes(contract)) {
            switch (change) {
                case Norgespris888.Set set -> {
                    if (!alreadyReflected(meteringPoints.get(id.get()), set)) {
                        meteringPoints.setProperty(id.get(), null, PropertyCode.NORGESPRIS, set.value(), set.note(), set.from());
                    }
                }
                case Norgespris888.End end -> {
                    if (meteringPoints.get(id.get()).propertyOn(PropertyCode.NORGESPRIS, end.at()).isPresent()) {
                        meteringPoints.endProperty(id.get(), null, PropertyCode.NORGESPRIS, end.at());
                        ended = true;
                    }
                }
            }
        }
        boolean changed = ended || meteringPoints.get(id.get()).propertyValues(PropertyCode.NORGESPRIS).size() != before;
        if (changed) {
            events.publishEvent(new NorgesprisSynchronised(id.get()));
        }
        return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    /**
     * A value starting before our latest 888 value is history we already have when the value in force that day is the
     * same (a contract seen again through the sync's overlap); otherwise setting it is refused as a rewrite of history.
     */
    private static boolean alreadyReflected(MeteringPoint point, Norgespris888.Set set) {
        return point.latestProperty(PropertyCode.NORGESPRIS).filter(v -> v.period().from().isAfter(set.from())).isPresent()
                && point.propertyOn(PropertyCode.NORGESPRIS, set.from()).filter(v -> v.value() == set.value()).isPresent();
    }

    private static Optional<MeteringPointId> meteringPointId(String raw) {
        try {
            return Optional.of(new MeteringPointId(raw));
        } catch (InvalidValueException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }
}
