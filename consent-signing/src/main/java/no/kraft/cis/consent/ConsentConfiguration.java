package no.kraft.cis.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import no.kraft.cis.consent.audit.ConsentAuditTrail;
import no.kraft.cis.consent.control.ConsentDriver;
import no.kraft.cis.consent.control.ConsentSettings;
import no.kraft.cis.consent.control.ConsentStore;
import no.kraft.cis.consent.control.Consents;
import no.kraft.cis.consent.document.ConfirmationPdf;
import no.kraft.cis.consent.document.ConfirmationTemplate;
import no.kraft.cis.consent.document.OrderDocuments;
import no.kraft.cis.consent.elhubaccess.AccessApi;
import no.kraft.cis.consent.notification.LoggingNotifications;
import no.kraft.cis.consent.notification.Notifications;
import no.kraft.cis.consent.order.ContractOrders;
import no.kraft.cis.consent.order.OrderBook;
import no.kraft.cis.consent.order.OrderRules;
import no.kraft.cis.consent.signicat.SignApi;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.elhub.maskinporten.MaskinportenTokens;
import no.kraft.cis.elhub.outbox.Backoff;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.tariff.ProductCatalogue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** Wires the order process, the consent flows, their clients and the audit trail. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsentProperties.class)
class ConsentConfiguration {

    @Bean
    ConsentAuditTrail consentAuditTrail(JdbcClient jdbc, Clock clock, ConsentProperties properties) {
        return new ConsentAuditTrail(jdbc, clock, properties.auditSubjectKey());
    }

    /** The template is checked when loaded: an unknown merge field stops the start-up. */
    @Bean
    ConfirmationPdf confirmationPdf(ConsentProperties properties, ResourceLoader resources) {
        try {
            String html = resources.getResource(properties.template()).getContentAsString(StandardCharsets.UTF_8);
            return new ConfirmationPdf(ConfirmationTemplate.load(html));
        } catch (IOException e) {
            throw new UncheckedIOException("order-confirmation template " + properties.template(), e);
        }
    }

    @Bean
    ConsentSettings consentSettings(ConsentProperties p) {
        ConsentProperties.Timing t = p.timing();
        return new ConsentSettings(p.companyName(), p.validity(), new Backoff(t.retryFirst(), t.retryMax()),
                new Backoff(t.pollFirst(), t.pollMax()), t.lease(), p.redirectUri());
    }

    @Bean
    Consents consents(ConsentStore store, ConsentAuditTrail audit, JdbcClient jdbc, ConsentSettings settings, Clock clock, ConsentProperties p) {
        return new Consents(store, audit, jdbc, settings, clock, p.webhookSecret());
    }

    @Bean
    ContractOrders contractOrders(OrderBook book, Consents consents, CustomerService customers, ContractService contracts,
            MeteringPointService meteringPoints, ProductCatalogue products, OrderDocuments documents, ConfirmationPdf confirmation,
            ConsentAuditTrail audit, PlatformTransactionManager transactions, ConsentProperties p, Clock clock,
            org.springframework.beans.factory.ObjectProvider<no.kraft.cis.elhub.market.StartOfSupply> startOfSupply) {
        ConsentProperties.StartWindow w = p.startWindow();
        ContractOrders orders = new ContractOrders(book, consents, customers, contracts, meteringPoints, products, documents, confirmation,
                audit, new TransactionTemplate(transactions), new OrderRules(w.switchEarliestDays(), w.moveInBackDays(), w.latestDays()),
                p.defaultFlow(), p.companyName(), clock);
        startOfSupply.ifAvailable(orders::startSupplyThrough);
        return orders;
    }

    /** Log-only until a real e-mail/SMS gateway is plugged in as a {@link Notifications} bean. */
    @Bean
    @ConditionalOnMissingBean(Notifications.class)
    Notifications notifications() {
        return new LoggingNotifications();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "cis.consent.elhub-access.base-url")
    static class Flows {

        @Bean
        AccessApi accessApi(ConsentProperties p, MaskinportenTokens tokens) {
            return new AccessApi(p.elhubAccess(), tokens::accessToken, http());
        }

        @Bean
        SignApi signApi(ConsentProperties p) {
            return new SignApi(p.signicat(), http());
        }

        @Bean
        ConsentDriver consentDriver(ConsentStore store, OrderBook orders, OrderDocuments documents, ConsentAuditTrail audit, AccessApi elhub,
                SignApi signicat, Notifications notifications, MeteringPointService meteringPoints, ProductCatalogue products,
                ApplicationEventPublisher events, PlatformTransactionManager transactions, ConsentSettings settings, Clock clock) {
            return new ConsentDriver(store, orders, documents, audit, elhub, signicat, notifications, meteringPoints, products, events,
                    new TransactionTemplate(transactions), settings, clock);
        }

        private static RestClient.Builder http() {
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10)).build());
            factory.setReadTimeout(Duration.ofSeconds(30));
            return RestClient.builder().requestFactory(factory);
        }
    }
}
