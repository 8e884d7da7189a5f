package no.kraft.cis.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.period.Period;
import no.kraft.cis.segment.CompensationSegments.Classified;
import no.kraft.cis.segment.CompensationSegments.Derived;
import org.junit.jupiter.api.Test;

/** Property 900 → compensation segments 101/102/103. */
class CompensationSegmentsTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void eachClassMapsToItsSegmentAndNoCompensationToNone() {
        List<Derived> derived = CompensationSegments.of(List.of(
                new Classified(CompensationClass.STROMSTOTTE, Period.of(d("2025-10-01"), d("2025-11-01"))),
                new Classified(CompensationClass.NORGESPRIS_HOUSEHOLD, Period.of(d("2025-11-01"), d("2026-01-01"))),
                new Classified(CompensationClass.NONE, Period.of(d("2026-01-01"), d("2026-02-01"))),
                new Classified(CompensationClass.NORGESPRIS_HOLIDAY_HOME, Period.from(d("2026-02-01")))));
        assertThat(derived).containsExactly(
                new Derived(103, Period.of(d("2025-10-01"), d("2025-11-01"))),
                new Derived(101, Period.of(d("2025-11-01"), d("2026-01-01"))),
                new Derived(102, Period.from(d("2026-02-01"))));
    }

    @Test
    void consecutiveValuesOfTheSameClassMakeOneMembership() {
        // Recomputed daily: 1 from 1 Oct, 1 again from 15 Oct (e.g. after an 870 change that did not change the outcome).
        List<Derived> derived = CompensationSegments.of(List.of(
                new Classified(CompensationClass.NORGESPRIS_HOUSEHOLD, Period.from(d("2025-10-15"))),
                new Classified(CompensationClass.NORGESPRIS_HOUSEHOLD, Period.of(d("2025-10-01"), d("2025-10-15")))));
        assertThat(derived).containsExactly(new Derived(101, Period.from(d("2025-10-01"))));
    }

    @Test
    void aValueReplacedOnItsFirstDayLeavesNoMembership() {
        List<Derived> derived = CompensationSegments.of(List.of(
                new Classified(CompensationClass.STROMSTOTTE, Period.of(d("2026-01-01"), d("2026-01-01"))),
                new Classified(CompensationClass.NORGESPRIS_HOUSEHOLD, Period.from(d("2026-01-01")))));
        assertThat(derived).containsExactly(new Derived(101, Period.from(d("2026-01-01"))));
    }

    @Test
    void aGapBetweenValuesOfTheSameClassKeepsTwoMemberships() {
        List<Derived> derived = CompensationSegments.of(List.of(
                new Classified(CompensationClass.STROMSTOTTE, Period.of(d("2026-01-01"), d("2026-02-01"))),
                new Classified(CompensationClass.STROMSTOTTE, Period.from(d("2026-03-01")))));
        assertThat(derived).hasSize(2);
    }
}
