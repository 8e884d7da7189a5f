package no.kraft.cis.e2e;

import java.time.Clock;
import java.time.Instant;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock in API tests: 15 March 2026, 12:00 in Oslo. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-03-15T11:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, NorwegianTime.ZONE);
    }
}
