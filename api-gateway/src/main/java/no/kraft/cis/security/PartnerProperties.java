package no.kraft.cis.security;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cis.partner.*}: the partner API's rate limit per client.
 *
 * @param rateLimit the limit of every partner client
 * @param perClient limits of named clients (token subject), e.g. a high-volume AI agent
 */
@ConfigurationProperties("cis.partner")
public record PartnerProperties(@DefaultValue RateLimit rateLimit, Map<String, RateLimit> perClient) {

    /**
     * @param capacity calls a client may make at once (the bucket)
     * @param refillPerSecond calls per second it may keep up
     */
    public record RateLimit(@DefaultValue("20") double capacity, @DefaultValue("10") double refillPerSecond) {
    }

    ClientRateLimits rateLimits(LongSupplier nanoTime) {
        Map<String, ClientRateLimits.Limit> clients = perClient == null ? Map.of() : perClient.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> limit(e.getValue())));
        return new ClientRateLimits(limit(rateLimit), clients, nanoTime);
    }

    private static ClientRateLimits.Limit limit(RateLimit r) {
        return new ClientRateLimits.Limit(r.capacity(), r.refillPerSecond());
    }
}
