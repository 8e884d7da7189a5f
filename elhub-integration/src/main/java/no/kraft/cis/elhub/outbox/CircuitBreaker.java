package no.kraft.cis.elhub.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops calling an Elhub that is down: after {@code threshold} failures in a row (no answer, 5xx, 429) the breaker
 * opens for {@code openFor}; then one call is let through (half-open), and its success closes the breaker while its
 * failure opens it again. Per application instance, in memory: a restart starts closed, which costs at most one call.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failuresInARow;
    private Instant openUntil;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may be made now. */
    public synchronized boolean allows() {
        return openUntil == null || !clock.instant().isBefore(openUntil);
    }

    /** Until when calls are held back, if they are. */
    public synchronized Optional<Instant> openUntil() {
        return allows() ? Optional.empty() : Optional.of(openUntil);
    }

    public synchronized void succeeded() {
        failuresInARow = 0;
        openUntil = null;
    }

    public synchronized void failed() {
        failuresInARow++;
        if (failuresInARow >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }
}
