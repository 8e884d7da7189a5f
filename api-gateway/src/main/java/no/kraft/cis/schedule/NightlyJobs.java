package no.kraft.cis.schedule;

import java.time.Clock;
import java.time.YearMonth;
import no.kraft.cis.billing.classification.CompensationClassification;
import no.kraft.cis.billing.run.BillingRuns;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rme.RmeReports;
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
    private final BillingRuns billingRuns;
    private final RmeReports rmeReports;
    private final Clock clock;

    NightlyJobs(CompensationClassification classification, BillingRuns billingRuns, RmeReports rmeReports, Clock clock) {
        this.classification = classification;
        this.rmeReports = rmeReports;
        this.billingRuns = billingRuns;
        this.clock = clock;
    }

    /** Property 900 and the compensation segments, before the billing run reads them. */
    @Scheduled(cron = "${cis.billing.classification.cron:0 30 1 * * *}", zone = "Europe/Oslo")
    void classifyCompensation() {
        classification.runAll();
    }

    /**
     * The nightly billing run for last month: customers billed already are passed over, those missing meter values are
     * reported and tried again the next night, and open recalculation needs are credited and re-invoiced.
     */
    @Scheduled(cron = "${cis.billing.run.cron:0 0 3 * * *}", zone = "Europe/Oslo")
    void billLastMonth() {
        billingRuns.start(YearMonth.from(NorwegianTime.today(clock)).minusMonths(1), null);
    }

    /** Last month's RME file, on a day of the following month (default the 5th, after the first billing runs). */
    @Scheduled(cron = "${cis.rme.cron:0 0 6 5 * *}", zone = "Europe/Oslo")
    void reportToRme() {
        rmeReports.produce(YearMonth.from(NorwegianTime.today(clock)).minusMonths(1), RmeReports.Trigger.SCHEDULE);
    }
}
