package no.kraft.cis.elhub;

import java.time.Duration;
import java.time.Instant;
import no.kraft.cis.elhub.norgespris.ContractsApi;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Elhub settings ({@code cis.elhub.*}); the integration is on when {@code cis.elhub.contracts.base-url} is set.
 *
 * @param contracts the Contracts API (Norgespris): base URL, our GLN, optional on-behalf-of GLN, User-Agent, filter name
 * @param emif the EMIF Query endpoint for BRS-NO-611 and Elhub's GLN
 * @param norgespris ordering capability and the delta sync
 * @param outbox delivery of commands: backoff, deadline, circuit breaker
 * @param readTimeout how long a call to Elhub may take before it counts as unanswered
 * @param endOfSupply the send windows of an end of supply (Elhub's numbers by default; set all four to change them)
 */
@ConfigurationProperties("cis.elhub")
public record ElhubProperties(ContractsApi.Settings contracts, Emif emif, Norgespris norgespris, Outbox outbox, Duration readTimeout,
        Polling polling, no.kraft.cis.elhub.market.SendWindows endOfSupply) {

    public ElhubProperties {
        emif = emif == null ? new Emif(null, null, null, null, null) : emif;
        polling = polling == null ? new Polling(0, null, null) : polling;
        norgespris = norgespris == null ? new Norgespris(false, null, null) : norgespris;
        outbox = outbox == null ? new Outbox(null, null, null, 0, null, 0) : outbox;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        endOfSupply = endOfSupply == null ? no.kraft.cis.elhub.market.SendWindows.ELHUB : endOfSupply;
    }

    /**
     * @param url the Query service (BRS-NO-611)
     * @param elhubGln the recipient of our messages (Elhub's GLN)
     * @param pollMeteringValuesUrl the PollMeteringValues service; by default beside {@code url}
     * @param pollMarketProcessesUrl the PollMarketProcesses service; by default beside {@code url}
     * @param marketProcessesUrl the MarketProcesses service (start of supply); by default beside {@code url}
     */
    public record Emif(String url, String elhubGln, String pollMeteringValuesUrl, String pollMarketProcessesUrl, String marketProcessesUrl) {

        public Emif {
            elhubGln = elhubGln == null ? "5790001330583" : elhubGln;
            String base = url == null ? null : url.replaceFirst("/Query$", "");
            pollMeteringValuesUrl = pollMeteringValuesUrl == null && base != null ? base + "/PollMeteringValues" : pollMeteringValuesUrl;
            pollMarketProcessesUrl = pollMarketProcessesUrl == null && base != null ? base + "/PollMarketProcesses" : pollMarketProcessesUrl;
            marketProcessesUrl = marketProcessesUrl == null && base != null ? base + "/MarketProcesses" : marketProcessesUrl;
        }
    }

    /**
     * Receiving from Elhub's poll queues.
     *
     * @param maxBatches at most this many batches per queue and round
     * @param firstRetry the first wait before a failed message is tried again (doubling, at most {@code maxRetry})
     */
    public record Polling(int maxBatches, Duration firstRetry, Duration maxRetry) {

        public Polling {
            maxBatches = maxBatches <= 0 ? 50 : maxBatches;
            firstRetry = firstRetry == null ? Duration.ofMinutes(5) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofHours(6) : maxRetry;
        }
    }

    /**
     * @param orderingEnabled whether we may order and cancel Norgespris in Elhub (off for a retailer by default)
     * @param syncOverlap how far before the watermark the delta sync asks again
     * @param syncFrom the watermark before the first sync
     */
    public record Norgespris(boolean orderingEnabled, Duration syncOverlap, Instant syncFrom) {

        public Norgespris {
            syncOverlap = syncOverlap == null ? Duration.ofMinutes(10) : syncOverlap;
            syncFrom = syncFrom == null ? Instant.parse("2025-09-30T22:00:00Z") : syncFrom;
        }
    }

    /**
     * @param firstRetry the first wait after a failed attempt; doubled each time up to {@code maxRetry}
     * @param deadline how long a command may wait for an answer before it goes to the exception queue
     * @param breakerThreshold failures in a row that open the circuit breaker
     * @param breakerOpen how long the breaker stays open
     * @param batch at most this many commands per relay run
     */
    public record Outbox(Duration firstRetry, Duration maxRetry, Duration deadline, int breakerThreshold, Duration breakerOpen, int batch) {

        public Outbox {
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
            deadline = deadline == null ? Duration.ofHours(24) : deadline;
            breakerThreshold = breakerThreshold <= 0 ? 5 : breakerThreshold;
            breakerOpen = breakerOpen == null ? Duration.ofMinutes(2) : breakerOpen;
            batch = batch <= 0 ? 100 : batch;
        }
    }
}
