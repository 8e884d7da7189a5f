package no.kraft.cis.collection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cis.debt-collection.*}: the agency's API and how hard the outbox tries.
 *
 * @param baseUrl the agency's API (with the stand-ins: the stand-in's); none = claims wait in the outbox
 * @param apiKey our API key at the agency
 * @param firstRetry the first wait after a failed attempt, doubled each time up to {@code maxRetry}
 * @param deadline how long after the hand-over a claim is tried before it becomes a work item
 * @param relayInterval how often the relay sends what is due
 * @param timeout for connecting and for the whole answer
 */
@ConfigurationProperties("cis.debt-collection")
public record DebtCollectionProperties(String baseUrl, String apiKey, Duration firstRetry, Duration maxRetry, Duration deadline,
        Duration relayInterval, Duration timeout) {

    public DebtCollectionProperties {
        firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        deadline = deadline == null ? Duration.ofHours(24) : deadline;
        relayInterval = relayInterval == null ? Duration.ofSeconds(30) : relayInterval;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
}
