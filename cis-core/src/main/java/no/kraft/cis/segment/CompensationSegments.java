package no.kraft.cis.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.meteringpoint.PropertyValue;
import no.kraft.cis.period.Period;

/**
 * The compensation segments follow property 900: 1 → 101 Norgespris household, 2 → 102 Norgespris cabin,
 * 0 → 103 ordinary strømstøtte, 3 (no compensation) → none. Consecutive values mapping to the same segment make one
 * membership. Pure calculation.
 */
public final class CompensationSegments {

    /** A derived membership. */
    public record Derived(int segmentId, Period period) {
    }

    private CompensationSegments() {
    }

    /** One dated value of property 900. */
    public record Classified(CompensationClass compensation, Period period) {
    }

    /** The memberships property 900's history asks for. */
    public static List<Derived> from(List<PropertyValue> settledCompensation) {
        return of(settledCompensation.stream()
                .filter(v -> v.code() == PropertyCode.SETTLED_COMPENSATION)
                .map(v -> new Classified(CompensationClass.ofCode(v.value(), PropertyCode.SETTLED_COMPENSATION), v.period()))
                .toList());
    }

    /** The memberships a classification history (in any order) asks for, in date order. */
    public static List<Derived> of(List<Classified> history) {
        List<Derived> result = new ArrayList<>();
        List<Classified> inOrder = history.stream().filter(c -> !c.period().isEmpty())
                .sorted(Comparator.comparing((Classified c) -> c.period().from())).toList();
        for (Classified value : inOrder) {
            Integer segment = switch (value.compensation()) {
                case NORGESPRIS_HOUSEHOLD -> Segment.NORGESPRIS_HOUSEHOLD;
                case NORGESPRIS_HOLIDAY_HOME -> Segment.NORGESPRIS_HOLIDAY_HOME;
                case STROMSTOTTE -> Segment.STROMSTOTTE;
                case NONE -> null;
            };
            if (segment == null) {
                continue;
            }
            Derived last = result.isEmpty() ? null : result.getLast();
            if (last != null && last.segmentId() == segment && value.period().from().equals(last.period().to())) {
                result.removeLast();
                result.add(new Derived(segment, new Period(last.period().from(), value.period().to())));
            } else {
                result.add(new Derived(segment, value.period()));
            }
        }
        return result;
    }
}
