package no.kraft.cis.collection;

import java.time.Clock;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.ledger.Ledger;
import no.kraft.cis.ledger.WriteOffs;
import no.kraft.cis.payment.PaymentImport;
import no.kraft.cis.receivables.LateInterestRates;
import no.kraft.cis.receivables.NoticeHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox, the relay, the settlement import. The agency client is made from {@code cis.debt-collection.base-url}
 * (with the stand-ins: pointed at the stand-in); without one, claims wait in the outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DebtCollectionProperties.class)
public class DebtCollectionConfiguration {

    @Bean
    ClaimOutbox claimOutbox(JdbcClient jdbc, Ledger ledger, CustomerService customers, LateInterestRates rates,
            ObjectProvider<NoticeHistory> notices, AuditStamp audit, DebtCollectionProperties properties) {
        return new ClaimOutbox(jdbc, ledger, customers, rates, notices, audit, properties);
    }

    @Bean
    ClaimRelay claimRelay(JdbcClient jdbc, ObjectProvider<AgencyClient> agency, PlatformTransactionManager transactions, Clock clock,
            DebtCollectionProperties properties) {
        Optional<AgencyClient> client = Optional.ofNullable(agency.getIfAvailable());
        if (client.isEmpty() && properties.baseUrl() != null && !properties.baseUrl().isBlank()) {
            client = Optional.of(new AgencyClient(properties.baseUrl(), properties.apiKey(), properties.timeout()));
        }
        return new ClaimRelay(jdbc, client, transactions, clock, properties);
    }

    @Bean
    Settlements debtCollectionSettlements(JdbcClient jdbc, PaymentImport payments, WriteOffs writeOffs, Ledger ledger, AuditStamp audit,
            Clock clock, PlatformTransactionManager transactions) {
        return new Settlements(jdbc, payments, writeOffs, ledger, audit, clock, transactions);
    }

    @Bean
    CollectionClaims collectionClaims(JdbcClient jdbc, AuditStamp audit) {
        return new CollectionClaims(jdbc, audit);
    }

    /** Sends due claims (only where the scheduled jobs run: the application enables scheduling there). */
    @Bean
    @ConditionalOnProperty(name = "cis.scheduling.enabled", havingValue = "true", matchIfMissing = true)
    ClaimRelayJob claimRelayJob(ClaimRelay relay) {
        return new ClaimRelayJob(relay);
    }

    static class ClaimRelayJob {

        private final ClaimRelay relay;

        ClaimRelayJob(ClaimRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${cis.debt-collection.relay-interval:PT30S}")
        void sendDue() {
            relay.sendDue(100);
        }
    }
}
