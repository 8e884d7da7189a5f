package no.kraft.cis.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import no.kraft.cis.billing.settlement.CompensationRuleBook;
import no.kraft.cis.billing.settlement.Settlements;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.delivery.distribution.EmailChannel;
import no.kraft.cis.delivery.distribution.InvoiceDeliveries;
import no.kraft.cis.delivery.distribution.PrintBatches;
import no.kraft.cis.delivery.document.DocumentStore;
import no.kraft.cis.delivery.document.InvoiceDocuments;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.delivery.document.InvoiceTemplate;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.tariff.ProductCatalogue;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/** The documents and the delivery. The invoice template is loaded (and its merge fields checked) at start-up. */
@Configuration(proxyBeanMethods = false)
public class InvoiceDeliveryConfiguration {

    @Bean
    InvoicePdf invoicePdf() {
        return new InvoicePdf(InvoiceTemplate.classpath());
    }

    @Bean
    InvoiceDocuments invoiceDocuments(Invoices invoices, CustomerService customers, MeteringPointService meteringPoints,
            ContractService contracts, ProductCatalogue products, Tariffs tariffs, Settlements settlements, CompensationRuleBook rules,
            InvoiceDeliveryProperties properties) {
        return new InvoiceDocuments(invoices, customers, meteringPoints, contracts, products, tariffs, settlements, rules, properties);
    }

    @Bean
    DocumentStore invoiceDocumentStore(JdbcClient jdbc, InvoiceDocuments documents, InvoicePdf pdf, Invoices invoices, Clock clock) {
        return new DocumentStore(jdbc, documents, pdf, invoices, clock);
    }

    /**
     * The nightly documents of issued invoices: PDF, and EHF for organisations in the Peppol list that take invoices.
     * Workers: chunks made at once (more than the cores, so database time overlaps rendering); chunk: invoices per
     * transaction.
     */
    @Bean
    no.kraft.cis.delivery.document.DocumentProduction documentProduction(org.springframework.jdbc.core.JdbcTemplate jdbc,
            InvoiceDocuments documents, InvoicePdf pdf, no.kraft.cis.paymentchannel.PeppolParticipants participants,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${cis.invoice.documents.workers:3}") int workers, @Value("${cis.invoice.documents.chunk:100}") int chunk) {
        no.kraft.cis.delivery.ehf.EhfDocuments ehf = new no.kraft.cis.delivery.ehf.EhfDocuments();
        return new no.kraft.cis.delivery.document.DocumentProduction(jdbc, documents, pdf, d -> ehf.render(d).xml(), orgnr -> {
            try {
                return participants.find(new no.kraft.cis.customer.OrganisationNumber(orgnr)).map(p -> p.acceptsInvoice()).orElse(false);
            } catch (RuntimeException invalid) {
                return false;
            }
        }, transactions, clock, workers, chunk);
    }

    @Bean
    no.kraft.cis.delivery.avtalegiro.AvtaleGiro avtaleGiro(JdbcClient jdbc, CustomerService customers, Clock clock,
            @Value("${cis.avtalegiro.data-sender:00012345}") String dataSender,
            @Value("${cis.avtalegiro.payee-account:15032080119}") String payeeAccount) {
        return new no.kraft.cis.delivery.avtalegiro.AvtaleGiro(jdbc, customers,
                new no.kraft.cis.delivery.avtalegiro.AvtaleGiro.Settings(dataSender, payeeAccount), clock);
    }

    @Bean
    PrintBatches printBatches(JdbcClient jdbc, DocumentStore store, InvoiceDocuments documents, Clock clock) {
        return new PrintBatches(jdbc, store, documents, clock);
    }

    @Bean
    InvoiceDeliveries invoiceDeliveries(JdbcClient jdbc, Invoices invoices, InvoiceDocuments documents, DocumentStore store,
            ObjectProvider<JavaMailSender> mail, PrintBatches paper, InvoiceDeliveryProperties properties, Clock clock,
            PlatformTransactionManager transactions, @Value("${cis.invoice.delivery.first-retry:PT1M}") Duration firstRetry,
            @Value("${cis.invoice.delivery.deadline:PT24H}") Duration deadline,
            @Value("${cis.invoice.delivery.open-within:P5D}") Duration openWithin,
            @Value("${cis.invoice.tracking-base-url:http://127.0.0.1:8080}") String trackingBaseUrl,
            ObjectProvider<no.kraft.cis.delivery.peppol.PeppolAccessPoint> accessPoint, no.kraft.cis.delivery.ehf.EhfInvoices ehf,
            no.kraft.cis.paymentchannel.PeppolParticipants participants, ObjectProvider<no.kraft.cis.delivery.sms.SmsGateway> smsGateway,
            ObjectProvider<no.kraft.cis.delivery.distribution.BounceMailbox> bounceMailbox) {
        Optional<EmailChannel> email = Optional.ofNullable(mail.getIfAvailable())
                .map(m -> new EmailChannel(m, properties.mailFrom(), trackingBaseUrl));
        InvoiceDeliveries deliveries = new InvoiceDeliveries(jdbc, invoices, documents, store, email, paper, clock, transactions, firstRetry,
                deadline, openWithin);
        // EHF joins the plans when there is an access point: for organisations in the Peppol list that take invoices
        accessPoint.ifAvailable(ap -> deliveries.sendEhfWith(new InvoiceDeliveries.Peppol(orgnr -> {
            try {
                return participants.find(new no.kraft.cis.customer.OrganisationNumber(orgnr)).map(p -> p.acceptsInvoice()).orElse(false);
            } catch (RuntimeException invalid) {
                return false;
            }
        }, ehf, ap)));
        smsGateway.ifAvailable(g -> deliveries.sendSmsWith(new no.kraft.cis.delivery.sms.SmsChannel(g), trackingBaseUrl));
        bounceMailbox.ifAvailable(deliveries::readBouncesFrom);
        return deliveries;
    }

    /** The dunning job's notices: e-mail (with the letter as PDF), SMS, paper; an outbox of their own. */
    @Bean
    no.kraft.cis.delivery.dunning.DunningNoticeDelivery dunningNoticeDelivery(JdbcClient jdbc, InvoiceDocuments documents, InvoicePdf pdf,
            ObjectProvider<JavaMailSender> mail, InvoiceDeliveryProperties properties, ObjectProvider<no.kraft.cis.delivery.sms.SmsGateway> sms,
            PrintBatches print, Clock clock, PlatformTransactionManager transactions, @Value("${cis.invoice.delivery.first-retry:PT1M}") Duration firstRetry,
            @Value("${cis.invoice.delivery.deadline:PT24H}") Duration deadline) {
        return new no.kraft.cis.delivery.dunning.DunningNoticeDelivery(jdbc, documents, pdf,
                no.kraft.cis.delivery.dunning.DunningLetters.classpath(), Optional.ofNullable(mail.getIfAvailable()), properties.mailFrom(),
                Optional.ofNullable(sms.getIfAvailable()), print, clock, transactions, firstRetry, deadline);
    }

    /** An instalment plan's confirmation with its instalments and KIDs: e-mail (the letter as PDF) or paper; an outbox of its own. */
    @Bean
    no.kraft.cis.delivery.arrangement.PlanLetterDelivery planLetterDelivery(JdbcClient jdbc, no.kraft.cis.ledger.InstalmentPlans plans,
            InvoiceDocuments documents, InvoicePdf pdf, ObjectProvider<JavaMailSender> mail, InvoiceDeliveryProperties properties,
            PrintBatches print, Clock clock, PlatformTransactionManager transactions,
            @Value("${cis.invoice.delivery.first-retry:PT1M}") Duration firstRetry, @Value("${cis.invoice.delivery.deadline:PT24H}") Duration deadline) {
        return new no.kraft.cis.delivery.arrangement.PlanLetterDelivery(jdbc, plans, documents, pdf,
                no.kraft.cis.delivery.arrangement.PlanLetters.classpath(), Optional.ofNullable(mail.getIfAvailable()), properties.mailFrom(),
                print, clock, transactions, firstRetry, deadline);
    }

    @Bean
    no.kraft.cis.delivery.ehf.EhfInvoices ehfInvoices(DocumentStore store) {
        return new no.kraft.cis.delivery.ehf.EhfInvoices(store, new no.kraft.cis.delivery.ehf.EhfDocuments());
    }

    /** The real bounce mailbox (IMAP), when one is configured. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${cis.invoice.bounces.host:}' != '' and '${cis.stand-ins.enabled:false}' != 'true'")
    no.kraft.cis.delivery.distribution.BounceMailbox bounceMailbox(@Value("${cis.invoice.bounces.host}") String host,
            @Value("${cis.invoice.bounces.port:993}") int port, @Value("${cis.invoice.bounces.user:}") String user,
            @Value("${cis.invoice.bounces.password:}") String password) {
        return new no.kraft.cis.delivery.distribution.BounceMailbox(host, port, user, password);
    }

    /** A real SMS gateway, when one is configured (the stand-in's is made in the stand-in configuration). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${cis.invoice.sms.base-url:}' != '' and '${cis.stand-ins.enabled:false}' != 'true'")
    no.kraft.cis.delivery.sms.SmsGateway smsGateway(@Value("${cis.invoice.sms.base-url}") String baseUrl,
            @Value("${cis.invoice.sms.username:}") String username, @Value("${cis.invoice.sms.password:}") String password,
            @Value("${cis.invoice.sms.platform-id:COMMON_API}") String platformId,
            @Value("${cis.invoice.sms.platform-partner-id:}") String platformPartnerId,
            @Value("${cis.invoice.sms.sender:Kraft}") String sender, @Value("${cis.invoice.sms.delivery-report-gate:}") String gate) {
        return new no.kraft.cis.delivery.sms.SmsGateway(new no.kraft.cis.delivery.sms.SmsGateway.Settings(baseUrl, username, password,
                platformId, platformPartnerId, sender, gate.isBlank() ? java.util.List.of() : java.util.List.of(gate), Duration.ofSeconds(20)));
    }

    /** A real access point provider, when one is configured (the stand-in's is made in the stand-in configuration). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${cis.invoice.peppol.base-url:}' != '' and '${cis.stand-ins.enabled:false}' != 'true'")
    no.kraft.cis.delivery.peppol.PeppolAccessPoint peppolAccessPoint(@Value("${cis.invoice.peppol.base-url}") String baseUrl,
            @Value("${cis.invoice.peppol.api-key:}") String apiKey) {
        return new no.kraft.cis.delivery.peppol.PeppolAccessPoint(baseUrl, apiKey);
    }

}
