package no.kraft.cis.segment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.kraft.cis.period.Period;

/**
 * Which part of a billing period an element that requires a segment is billed for: the days of the period on which the
 * metering point (or its contract) is a member. Pure calculation; the billing run multiplies by it (e.g. a fixed monthly
 * amount × covered days ÷ days in the month).
 */
public final class SegmentCoverage {

    private SegmentCoverage() {
    }

    /** The parts of {@code billing} inside any of {@code memberships}, merged and in order. */
    public static List<Period> within(Period billing, List<Period> memberships) {
        if (billing.isOpenEnded()) {
            throw new IllegalArgumentException("a billing period has an end");
        }
        List<Period> parts = new ArrayList<>();
        for (Period m : memberships.stream().filter(p -> !p.isEmpty()).sorted(Comparator.comparing(Period::from)).toList()) {
            LocalDate from = m.from().isAfter(billing.from()) ? m.from() : billing.from();
            LocalDate to = m.isOpenEnded() || m.to().isAfter(billing.to()) ? billing.to() : m.to();
            if (!from.isBefore(to)) {
                continue;
            }
            if (!parts.isEmpty() && !parts.getLast().to().isBefore(from)) {
                Period last = parts.removeLast();
                parts.add(new Period(last.from(), to.isAfter(last.to()) ? to : last.to()));
            } else {
                parts.add(new Period(from, to));
            }
        }
        return parts;
    }

    /** Number of days of {@code billing} covered by {@code memberships}. */
    public static long days(Period billing, List<Period> memberships) {
        return within(billing, memberships).stream().mapToLong(p -> ChronoUnit.DAYS.between(p.from(), p.to())).sum();
    }
}
