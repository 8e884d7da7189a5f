package no.kraft.cis.elhub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffAndBreakerTest {

    private static final Instant NOW = Instant.parse("2026-03-15T11:00:00Z");
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void stepsDoubleFromThirtySecondsUpToHalfAnHour() {
        // 30 s × 2^(n−1): 30, 60, 120, 240, 480, 960 s, then capped at 1800 s
        assertThat(backoff.step(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.step(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.step(6)).isEqualTo(Duration.ofSeconds(960));
        assertThat(backoff.step(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.step(1000)).isEqualTo(Duration.ofMinutes(30));
        // equal jitter: random 0 → half the step, random → 1 → the whole step
        assertThat(backoff.next(NOW, 3, 0.0, null)).isEqualTo(NOW.plusSeconds(60));
        assertThat(backoff.next(NOW, 3, 0.999999, null)).isEqualTo(NOW.plusMillis(119_999));
        // Retry-After is a floor
        assertThat(backoff.next(NOW, 1, 0.5, Duration.ofHours(1))).isEqualTo(NOW.plusSeconds(3600));
    }

    @Property
    void theWaitIsNeverBelowHalfTheStepNorAboveIt(@ForAll @IntRange(min = 1, max = 60) int attempts,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        Duration wait = Duration.between(NOW, backoff.next(NOW, attempts, random, null));
        Duration step = backoff.step(attempts);
        assertThat(wait).isBetween(step.dividedBy(2), step);
    }

    @Test
    void theBreakerOpensAfterTheThresholdAndLetsOneCallThroughAfterwards() {
        MutableClock clock = new MutableClock();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMinutes(2), clock);
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
        breaker.failed();
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.openUntil()).contains(NOW.plus(Duration.ofMinutes(2)));
        clock.now = NOW.plus(Duration.ofMinutes(2));
        assertThat(breaker.allows()).as("half-open").isTrue();
        breaker.failed();
        assertThat(breaker.allows()).as("the trial failed: open again").isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.allows()).as("a success resets the count").isTrue();
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
