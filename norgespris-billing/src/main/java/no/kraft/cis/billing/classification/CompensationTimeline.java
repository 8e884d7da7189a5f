package no.kraft.cis.billing.classification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.EndUserGroup;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.period.Period;

/**
 * Which compensation class (property 900) a metering point has on each day, from its inputs (pure):
 *
 * <ol>
 *   <li>property 870 in force (staff override) → that class;</li>
 *   <li>otherwise active Norgespris (888 = 1 active, or 2 cancellation registered — still active until 3) and end-user
 *       group 35 → 1 Norgespris household; group 36 → 2 Norgespris cabin; another group → 3 (not eligible);</li>
 *   <li>no active Norgespris and group 35 → 0 strømstøtte; otherwise → 3 no compensation.</li>
 * </ol>
 *
 * The timeline starts on the schemes' first day (1 October 2025) or the first day the metering point has master data.
 */
public final class CompensationTimeline {

    /** A dated input value. */
    public record Fact<T>(Period period, T value) {
    }

    /** A class for a period. */
    public record Classified(Period period, CompensationClass compensation) {
    }

    private CompensationTimeline() {
    }

    public static List<Classified> of(MeteringPoint point, LocalDate schemeStart) {
        List<Fact<Integer>> p888 = point.propertyValues(no.kraft.cis.meteringpoint.PropertyCode.NORGESPRIS).stream()
                .map(v -> new Fact<>(v.period(), v.value())).toList();
        List<Fact<Integer>> p870 = point.propertyValues(no.kraft.cis.meteringpoint.PropertyCode.COMPENSATION_OVERRIDE).stream()
                .map(v -> new Fact<>(v.period(), v.value())).toList();
        List<Fact<EndUserGroup>> groups = point.characteristicsVersions().stream()
                .map(v -> new Fact<>(v.period(), v.characteristics().endUserGroup())).toList();
        return of(p888, p870, groups, schemeStart);
    }

    public static List<Classified> of(List<Fact<Integer>> norgespris, List<Fact<Integer>> override, List<Fact<EndUserGroup>> groups,
            LocalDate schemeStart) {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (List<? extends Fact<?>> facts : List.of(norgespris, override, groups)) {
            for (Fact<?> f : facts) {
                if (f.period().isEmpty()) {
                    continue;
                }
                changes.add(f.period().from());
                if (!f.period().isOpenEnded()) {
                    changes.add(f.period().to());
                }
            }
        }
        LocalDate first = groups.stream().filter(g -> !g.period().isEmpty()).map(g -> g.period().from()).min(LocalDate::compareTo)
                .orElse(null);
        if (first == null) {
            return List.of();
        }
        LocalDate start = first.isAfter(schemeStart) ? first : schemeStart;
        changes.add(start);
        List<LocalDate> points = new ArrayList<>(changes.tailSet(start, true));
        List<Classified> timeline = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            LocalDate day = points.get(i);
            LocalDate next = i + 1 < points.size() ? points.get(i + 1) : null;
            Optional<EndUserGroup> group = on(groups, day);
            if (group.isEmpty()) {
                continue;   // no master data on that day (e.g. after the metering point left us)
            }
            CompensationClass c = classify(on(norgespris, day), on(override, day), group.get());
            Classified last = timeline.isEmpty() ? null : timeline.getLast();
            if (last != null && last.compensation() == c && day.equals(last.period().to())) {
                timeline.set(timeline.size() - 1, new Classified(new Period(last.period().from(), next), c));
            } else {
                timeline.add(new Classified(new Period(day, next), c));
            }
        }
        return timeline;
    }

    /** The class on one day from the values in force that day. */
    public static CompensationClass classify(Optional<Integer> norgespris, Optional<Integer> override, EndUserGroup group) {
        if (override.isPresent()) {
            return CompensationClass.ofCode(override.get(), no.kraft.cis.meteringpoint.PropertyCode.COMPENSATION_OVERRIDE);
        }
        boolean active = norgespris.filter(v -> v == 1 || v == 2).isPresent();
        if (active) {
            return group.isHousehold() ? CompensationClass.NORGESPRIS_HOUSEHOLD
                    : group.isHolidayHome() ? CompensationClass.NORGESPRIS_HOLIDAY_HOME : CompensationClass.NONE;
        }
        return group.isHousehold() ? CompensationClass.STROMSTOTTE : CompensationClass.NONE;
    }

    private static <T> Optional<T> on(List<Fact<T>> facts, LocalDate day) {
        return facts.stream().filter(f -> f.period().contains(day)).map(Fact::value).findFirst();
    }
}
