package no.kraft.cis.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import no.kraft.cis.period.Period;
import org.junit.jupiter.api.Test;

/** An element that requires a segment is billed only for the days of the billing period inside the segment's memberships. */
class SegmentCoverageTest {

    private static final Period MARCH = Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));

    @Test
    void fixedMonthlyAmountIsProratedByTheDaysInTheSegment() {
        // Norgespris household (101) from 10 March: 10..31 March = 22 of March's 31 days.
        List<Period> memberships = List.of(Period.from(LocalDate.of(2026, 3, 10)));
        assertThat(SegmentCoverage.within(MARCH, memberships)).containsExactly(Period.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 1)));
        long days = SegmentCoverage.days(MARCH, memberships);
        assertThat(days).isEqualTo(22);

        // 49.00 kr/month × 22 / 31 = 1078 / 31 = 34.774193… → 34.77 kr
        BigDecimal billed = new BigDecimal("49.00").multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(31), 2, RoundingMode.HALF_UP);
        assertThat(billed).isEqualByComparingTo("34.77");
    }

    @Test
    void noMembershipMeansNotBilled() {
        assertThat(SegmentCoverage.days(MARCH, List.of())).isZero();
        assertThat(SegmentCoverage.days(MARCH, List.of(Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1))))).isZero();
    }

    @Test
    void directAndContractMembershipsThatTouchAreMergedAndGapsAreLeftOut() {
        // 1–5 March directly, 5–12 March through the contract (touching), 20 March on through the contract.
        List<Period> memberships = List.of(
                Period.of(LocalDate.of(2026, 3, 20), null),
                Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5)),
                Period.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 12)));
        assertThat(SegmentCoverage.within(MARCH, memberships)).containsExactly(
                Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 12)),
                Period.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 1)));
        // 11 days (1..11) + 12 days (20..31) = 23
        assertThat(SegmentCoverage.days(MARCH, memberships)).isEqualTo(23);
    }

    @Property(tries = 500)
    void coveredDaysAreExactlyTheBillingDaysInSomeMembership(@ForAll("billing") Period billing,
            @ForAll @Size(max = 5) List<@net.jqwik.api.From("membership") Period> memberships) {
        long expected = 0;
        for (LocalDate d = billing.from(); d.isBefore(billing.to()); d = d.plusDays(1)) {
            LocalDate day = d;
            if (memberships.stream().anyMatch(m -> m.contains(day))) {
                expected++;
            }
        }
        assertThat(SegmentCoverage.days(billing, memberships)).isEqualTo(expected);

        List<Period> parts = SegmentCoverage.within(billing, memberships);
        for (int i = 0; i < parts.size(); i++) {
            Period p = parts.get(i);
            assertThat(p.isEmpty()).isFalse();
            assertThat(p.from()).isAfterOrEqualTo(billing.from());
            assertThat(p.to()).isBeforeOrEqualTo(billing.to());
            if (i > 0) {
                assertThat(parts.get(i - 1).to()).as("parts are sorted, disjoint and not touching").isBefore(p.from());
            }
        }
    }

    @Provide
    Arbitrary<Period> billing() {
        return Combinators.combine(Arbitraries.integers().between(0, 60), Arbitraries.integers().between(1, 40))
                .as((start, length) -> Period.of(day(start), day(start + length)));
    }

    @Provide
    Arbitrary<Period> membership() {
        return Combinators.combine(Arbitraries.integers().between(-10, 110), Arbitraries.integers().between(0, 50),
                        Arbitraries.of(true, false))
                .as((start, length, open) -> open ? Period.from(day(start)) : Period.of(day(start), day(start + length)));
    }

    private static LocalDate day(int offset) {
        return LocalDate.of(2026, 1, 1).plusDays(offset);
    }
}
