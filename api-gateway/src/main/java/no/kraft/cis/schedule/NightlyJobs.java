package no.kraft.cis.schedule;

import java.time.Clock;
import java.time.YearMonth;
import no.kraft.cis.billing.classification.CompensationClassification;
import no.kraft.cis.billing.run.BillingRuns;
import no.kraft.cis.elhub.norgespris.NorgesprisSync;
import no.kraft.cis.elhub.outbox.OutboxRelay;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rme.RmeReports;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<NorgesprisSync> norgesprisSync;
    private final ObjectProvider<OutboxRelay> outboxRelay;
    private final ObjectProvider<no.kraft.cis.delivery.distribution.InvoiceDeliveries> invoiceDeliveries;
    private final ObjectProvider<no.kraft.cis.elhub.inbound.ElhubReceiving> elhubReceiving;
    private final ObjectProvider<no.kraft.cis.consent.control.ConsentDriver> consentDriver;
    private final no.kraft.cis.consent.audit.ConsentAuditTrail consentAudit;
    private final no.kraft.cis.paymentchannel.PeppolParticipants peppol;
    private final String peppolList;
    private final ObjectProvider<no.kraft.cis.ledger.InstalmentPlans> instalmentPlans;
    private final ObjectProvider<no.kraft.cis.receivables.DunningRun> dunningRun;
    private final ObjectProvider<no.kraft.cis.delivery.dunning.DunningNoticeDelivery> dunningNotices;
    private final ObjectProvider<no.kraft.cis.delivery.arrangement.PlanLetterDelivery> planLetters;
    private final ObjectProvider<no.kraft.cis.delivery.document.DocumentProduction> documentProduction;

    NightlyJobs(CompensationClassification classification, BillingRuns billingRuns, RmeReports rmeReports, Clock clock,
            ObjectProvider<NorgesprisSync> norgesprisSync, ObjectProvider<OutboxRelay> outboxRelay,
            ObjectProvider<no.kraft.cis.consent.control.ConsentDriver> consentDriver, no.kraft.cis.consent.audit.ConsentAuditTrail consentAudit,
            no.kraft.cis.paymentchannel.PeppolParticipants peppol,
            @org.springframework.beans.factory.annotation.Value("${cis.peppol.participant-list:}") String peppolList,
            ObjectProvider<no.kraft.cis.elhub.inbound.ElhubReceiving> elhubReceiving,
            ObjectProvider<no.kraft.cis.delivery.distribution.InvoiceDeliveries> invoiceDeliveries,
            ObjectProvider<no.kraft.cis.ledger.InstalmentPlans> instalmentPlans,
            ObjectProvider<no.kraft.cis.receivables.DunningRun> dunningRun,
            ObjectProvider<no.kraft.cis.delivery.dunning.DunningNoticeDelivery> dunningNotices,
            ObjectProvider<no.kraft.cis.delivery.arrangement.PlanLetterDelivery> planLetters,
            ObjectProvider<no.kraft.cis.delivery.document.DocumentProduction> documentProduction) {
        this.documentProduction = documentProduction;
        this.planLetters = planLetters;
        this.instalmentPlans = instalmentPlans;
        this.dunningRun = dunningRun;
        this.dunningNotices = dunningNotices;
        this.elhubReceiving = elhubReceiving;
        this.invoiceDeliveries = invoiceDeliveries;
        this.peppol = peppol;
        this.peppolList = peppolList;
        this.consentDriver = consentDriver;
        this.consentAudit = consentAudit;
        this.norgesprisSync = norgesprisSync;
        this.outboxRelay = outboxRelay;
        this.classification = classification;
        this.rmeReports = rmeReports;
        this.billingRuns = billingRuns;
        this.clock = clock;
    }

    /** Instalment plans: completed when every instalment is paid, defaulted when one is missed (its invoices are dunned again). */
    @Scheduled(cron = "${cis.ledger.instalment-check-cron:0 15 2 * * *}", zone = "Europe/Oslo")
    void settleInstalmentPlans() {
        instalmentPlans.ifAvailable(p -> p.settleDue(NorwegianTime.today(clock)));
    }

    /** Norgespris statuses changed in Elhub since the last sync → 888 (900 and the segments follow), before classification. */
    @Scheduled(cron = "${cis.elhub.norgespris.sync-cron:0 45 0 * * *}", zone = "Europe/Oslo")
    void syncNorgespris() {
        norgesprisSync.ifAvailable(NorgesprisSync::syncChanged);
    }

    /** Delivers due commands from the Elhub outbox (retries wait their backoff; an open circuit breaker holds them). */
    @Scheduled(fixedDelayString = "${cis.elhub.outbox.relay-interval:PT10S}")
    void deliverElhubCommands() {
        outboxRelay.ifAvailable(relay -> relay.deliverDue(100));
    }

    /** Receives from Elhub's poll queues (meter values, market processes): stored and acknowledged, not yet applied. */
    @Scheduled(fixedDelayString = "${cis.elhub.polling.interval:PT5M}", initialDelayString = "${cis.elhub.polling.initial-delay:PT30S}")
    void receiveFromElhub() {
        elhubReceiving.ifAvailable(no.kraft.cis.elhub.inbound.ElhubReceiving::receive);
    }

    /** Applies what was received from Elhub, apart from receiving it, and tries failed messages that are due again. */
    @Scheduled(fixedDelayString = "${cis.elhub.polling.process-interval:PT10S}")
    void processFromElhub() {
        elhubReceiving.ifAvailable(no.kraft.cis.elhub.inbound.ElhubReceiving::process);
    }

    /**
     * The documents (PDF, and EHF where due) of the invoices issued since the last night, made and stored before the
     * delivery sends them (a send of an invoice without them makes its own on the spot).
     */
    @Scheduled(cron = "${cis.invoice.documents.cron:0 30 3 * * *}", zone = "Europe/Oslo")
    void produceInvoiceDocuments() {
        documentProduction.ifAvailable(no.kraft.cis.delivery.document.DocumentProduction::produceMissing);
    }

    /** Starts the delivery of invoices just issued and makes the due sends (retries wait their backoff). */
    @Scheduled(fixedDelayString = "${cis.invoice.delivery.interval:PT30S}", initialDelayString = "${cis.invoice.delivery.initial-delay:PT1M}")
    void deliverInvoices() {
        invoiceDeliveries.ifAvailable(d -> {
            d.startNew(500);
            d.readBounces();
            d.checkUnopened();
            d.deliverDue(500);
        });
        dunningNotices.ifAvailable(n -> n.sendDue(500));
        planLetters.ifAvailable(l -> l.sendDue(100));
    }

    /**
     * The nightly dunning run (friendly reminders, purringer, inkassovarsler, hand-overs) for today, after the billing
     * run; its notices are sent by the delivery schedule above. Idempotent: a rerun the same day adds nothing.
     */
    @Scheduled(cron = "${cis.dunning.cron:0 0 5 * * *}", zone = "Europe/Oslo")
    void runDunning() {
        dunningRun.ifAvailable(no.kraft.cis.receivables.DunningRun::runToday);
    }

    /** Advances consent flows whose next step is due (Elhub and Signicat calls, status polls, imports after a grant). */
    @Scheduled(fixedDelayString = "${cis.consent.driver-interval:PT10S}")
    void advanceConsents() {
        consentDriver.ifAvailable(driver -> driver.advanceDue(100));
    }

    /** Re-walks the consent audit trail; a broken chain is logged as an error for operations. */
    @Scheduled(cron = "${cis.consent.audit-verify-cron:0 15 4 * * *}", zone = "Europe/Oslo")
    void verifyConsentAudit() {
        var verification = consentAudit.verify(null);
        if (!verification.intact()) {
            org.slf4j.LoggerFactory.getLogger(NightlyJobs.class).error("consent audit trail broken: {}", verification.brokenAt());
        }
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

    /** The Peppol participant list from its configured file or URL (nothing when none is configured); unchanged lists are skipped. */
    @Scheduled(cron = "${cis.peppol.refresh-cron:0 30 5 * * *}", zone = "Europe/Oslo")
    void refreshPeppolParticipants() {
        if (!peppolList.isBlank()) {
            peppol.refreshFrom(peppolList);
        }
    }
}
