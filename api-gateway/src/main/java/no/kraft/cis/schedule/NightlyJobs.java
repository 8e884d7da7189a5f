package no.kraft.cis.schedule;

import no.kraft.cis.billing.classification.CompensationClassification;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled jobs, all in Norwegian time, cron expressions in configuration. Off with
 * {@code cis.scheduling.enabled=false} (the tests), e.g. on all but one instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cis.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class NightlyJobs {

    private final CompensationClassification classification;

    NightlyJobs(CompensationClassification classification) {
        this.classification = classification;
    }

    /** Property 900 and the compensation segments, before the billing run reads them. */
    @Scheduled(cron = "${cis.billing.classification.cron:0 30 1 * * *}", zone = "Europe/Oslo")
    void classifyCompensation() {
        classification.runAll();
    }
}
