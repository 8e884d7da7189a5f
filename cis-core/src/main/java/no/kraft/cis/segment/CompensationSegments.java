package no.kraft.cis.segment;

import java.util.ArrayList;
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

    public static List<Derived> from(List<PropertyValue> settledCompensation) {
        List<Derived> result = new ArrayList<>();
        for (PropertyValue value : settledCompensation) {
            if (value.code() != PropertyCode.SETTLED_COMPENSATION || value.period().isEmpty()) {
                continue;
            }
            Integer segment = switch (CompensationClass.ofCode(value.value(), PropertyCode.SETTLED_COMPENSATION)) {
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
