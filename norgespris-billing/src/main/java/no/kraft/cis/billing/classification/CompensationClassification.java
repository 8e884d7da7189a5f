package no.kraft.cis.billing.classification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.NorgesprisSynchronised;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.period.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily compensation classification: recomputes property 900 of every metering point from 888, the end-user group
 * and 870 ({@link CompensationTimeline}); where it differs, 900 is re-derived from the first differing day, which moves
 * the compensation segments and raises recalculation needs for invoiced days. One transaction per metering point, so
 * one failure does not stop the run; running it twice changes nothing.
 */
@Service
public class CompensationClassification {

    private static final Logger LOG = LoggerFactory.getLogger(CompensationClassification.class);

    private final MeteringPointService meteringPoints;
    private final TransactionTemplate transaction;
    private final LocalDate schemeStart;

    CompensationClassification(MeteringPointService meteringPoints, PlatformTransactionManager transactions,
            @Value("${cis.billing.classification.scheme-start:2025-10-01}") LocalDate schemeStart) {
        this.meteringPoints = meteringPoints;
        this.transaction = new TransactionTemplate(transactions);
        this.schemeStart = schemeStart;
    }

    /** What a run did. */
    public record Result(int checked, int changed, List<Failure> failures) {
    }

    /** A metering point the run could not classify, and why. */
    public record Failure(String meteringPointId, String reason) {
    }

    public Result runAll() {
        int checked = 0;
        int changed = 0;
        List<Failure> failures = new ArrayList<>();
        int page = 0;
        Page<MeteringPoint> batch;
        do {
            batch = meteringPoints.list(page++, 500);
            for (MeteringPoint point : batch.getContent()) {
                checked++;
                try {
                    if (classify(point.meteringPointId())) {
                        changed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("classification of {} failed: {}", point.meteringPointId(), e.toString());
                    failures.add(new Failure(point.meteringPointId().value(), e.getMessage()));
                }
            }
        } while (batch.hasNext());
        LOG.info("compensation classification: {} checked, {} changed, {} failed", checked, changed, failures.size());
        return new Result(checked, changed, failures);
    }

    /** Classifies one metering point in its own transaction; returns whether 900 changed. */
    public boolean classify(MeteringPointId id) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            MeteringPoint point = meteringPoints.get(id);
            List<CompensationTimeline.Classified> wanted = CompensationTimeline.of(point, schemeStart);
            List<CompensationTimeline.Classified> stored = point.propertyValues(PropertyCode.SETTLED_COMPENSATION).stream()
                    .filter(v -> !v.period().isEmpty())
                    .map(v -> new CompensationTimeline.Classified(v.period(),
                            CompensationClass.ofCode(v.value(), PropertyCode.SETTLED_COMPENSATION)))
                    .toList();
            Optional<LocalDate> firstDifference = firstDifference(stored, wanted);
            if (firstDifference.isEmpty()) {
                return false;
            }
            LocalDate from = firstDifference.get();
            List<MeteringPoint.DerivedValue> timeline = wanted.stream()
                    .filter(c -> c.period().isOpenEnded() || c.period().to().isAfter(from))
                    .map(c -> new MeteringPoint.DerivedValue(c.compensation().code(),
                            new Period(c.period().from().isBefore(from) ? from : c.period().from(), c.period().to())))
                    .toList();
            return meteringPoints.rederiveSettledCompensation(id, from, timeline);
        }));
    }

    /** 888 came from Elhub: 900 and the segments follow in the same transaction. */
    @EventListener
    void follow(NorgesprisSynchronised synced) {
        classify(synced.meteringPoint());
    }

    /** The first day on which the two timelines give a different class (or one gives none). */
    static Optional<LocalDate> firstDifference(List<CompensationTimeline.Classified> a, List<CompensationTimeline.Classified> b) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (List<CompensationTimeline.Classified> list : List.of(a, b)) {
            for (CompensationTimeline.Classified c : list) {
                days.add(c.period().from());
                if (!c.period().isOpenEnded()) {
                    days.add(c.period().to());
                }
            }
        }
        for (LocalDate day : days) {
            if (!on(a, day).equals(on(b, day))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static Optional<CompensationClass> on(List<CompensationTimeline.Classified> list, LocalDate day) {
        return list.stream().filter(c -> c.period().contains(day)).map(CompensationTimeline.Classified::compensation).findFirst();
    }
}
