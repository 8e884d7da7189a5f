package no.kraft.cis.billing.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The billing run's estimate of the time left, at the pace since it last (re)started. */
class BillingRunTimeLeftTest {

    private static final Instant RESUMED = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void theCustomersLeftAtThePaceSoFar() {
        // 1 000 of 10 000 done in 120 s: 100 customers per 12 s → 9 000 left take 9 000 × 0.12 = 1 080 s
        assertThat(BillingRuns.secondsLeft(10_000, 1_000, 0, RESUMED, RESUMED.plusSeconds(120))).isEqualTo(1_080L);
    }

    @Test
    void afterARestartOnlyThePaceSinceTheRestartCounts() {
        // stopped at 4 000; since the restart 60 s ago 500 more (4 500 done): 500 per 60 s → 5 500 left × 0.12 = 660 s
        assertThat(BillingRuns.secondsLeft(10_000, 4_500, 4_000, RESUMED, RESUMED.plusSeconds(60))).isEqualTo(660L);
    }

    @Test
    void roundedUpSoZeroMeansNothingLeft() {
        // 3 of 4 in 1 s: the last one takes 1/3 s → 1 s, not 0
        assertThat(BillingRuns.secondsLeft(4, 3, 0, RESUMED, RESUMED.plusSeconds(1))).isEqualTo(1L);
        assertThat(BillingRuns.secondsLeft(4, 4, 0, RESUMED, RESUMED.plusSeconds(1))).isZero();
    }

    @Test
    void unknownBeforeTheFirstCustomerOrWithoutTimeOrTotal() {
        assertThat(BillingRuns.secondsLeft(10, 0, 0, RESUMED, RESUMED.plusSeconds(30))).isNull();
        assertThat(BillingRuns.secondsLeft(10, 5, 5, RESUMED, RESUMED.plusSeconds(30))).isNull();
        assertThat(BillingRuns.secondsLeft(10, 5, 0, RESUMED, RESUMED)).isNull();
        assertThat(BillingRuns.secondsLeft(null, 5, 0, RESUMED, RESUMED.plusSeconds(30))).isNull();
    }

    @Property
    void neverNegativeAndNoMoreThanTheTimeSoFarTimesTheShareLeft(@ForAll @IntRange(min = 1, max = 1_000_000) int total,
            @ForAll @IntRange(min = 1, max = 1_000_000) int done, @ForAll @IntRange(min = 1, max = 86_400) int seconds) {
        Long left = BillingRuns.secondsLeft(total, done, 0, RESUMED, RESUMED.plus(Duration.ofSeconds(seconds)));
        assertThat(left).isNotNull().isNotNegative();
        // more done than counted (customers added meanwhile): nothing left
        if (done >= total) {
            assertThat(left).isZero();
        } else {
            assertThat(left).isLessThanOrEqualTo((long) Math.ceil((double) seconds * (total - done) / done) + 1);
        }
    }
}
