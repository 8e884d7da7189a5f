package no.kraft.cis.security;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per partner client: {@code capacity} calls at once, refilled at {@code refillPerSecond}. Held in this
 * instance's memory — with several instances each allows the full rate (a shared store is the step when that matters).
 */
final class ClientRateLimits {

    /** One client's limit. */
    record Limit(double capacity, double refillPerSecond) {
    }

    private final Limit standard;
    private final Map<String, Limit> perClient;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimits(Limit standard, Map<String, Limit> perClient, LongSupplier nanoTime) {
        this.standard = standard;
        this.perClient = Map.copyOf(perClient);
        this.nanoTime = nanoTime;
    }

    /** Takes one call from the client's bucket; empty if allowed, else the whole seconds to wait (≥ 1). */
    OptionalLong take(String clientId) {
        Limit limit = perClient.getOrDefault(clientId, standard);
        return buckets.computeIfAbsent(clientId, id -> new Bucket(limit, nanoTime.getAsLong())).take(nanoTime.getAsLong());
    }

    private static final class Bucket {

        private final Limit limit;
        private double tokens;
        private long last;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.last = now;
        }

        synchronized OptionalLong take(long now) {
            tokens = Math.min(limit.capacity(), tokens + (now - last) / 1e9 * limit.refillPerSecond());
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double seconds = (1 - tokens) / limit.refillPerSecond();
            return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
        }
    }
}
