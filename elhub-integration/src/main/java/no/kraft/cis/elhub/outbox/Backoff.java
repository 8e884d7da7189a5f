package no.kraft.cis.elhub.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a command again: exponential ({@code first × 2^(attempt−1)}, at most {@code max}) with "equal jitter" —
 * the wait is drawn from the upper half of that, so instances that failed together spread out but none comes back
 * sooner than half the step. A {@code Retry-After} from Elhub is a floor.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first ≤ max");
        }
    }

    /**
     * @param attempts how many attempts have been made (≥ 1)
     * @param random a number in [0, 1)
     * @param retryAfter Elhub's {@code Retry-After}, or {@code null}
     */
    public Instant next(Instant now, int attempts, double random, Duration retryAfter) {
        Duration step = step(attempts);
        long half = step.toMillis() / 2;
        Duration wait = Duration.ofMillis(half + (long) (random * (step.toMillis() - half)));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return now.plus(wait);
    }

    /** The un-jittered step after {@code attempts} attempts. */
    public Duration step(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration step = first.multipliedBy(1L << doublings);
        return step.compareTo(max) > 0 ? max : step;
    }
}
