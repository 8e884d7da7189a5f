package no.kraft.cis.audit;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/** Fills the audit columns from the injected {@link Clock} and the {@link CurrentActor}. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "cisAuditor", dateTimeProviderRef = "cisAuditTime")
class AuditConfiguration {

    @Bean
    AuditorAware<String> cisAuditor(ObjectProvider<CurrentActor> actor) {
        return () -> Optional.of(actor.getIfAvailable(() -> () -> CurrentActor.SYSTEM).name());
    }

    @Bean
    DateTimeProvider cisAuditTime(Clock clock) {
        return () -> Optional.of(clock.instant());
    }
}
