package no.kraft.cis.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in API tests: 15 March 2026, 12:00 in Oslo. Tests of time-driven flows (Elhub's 14-day
 * window, retry backoff) move it with {@link Movable#advance} and put it back with {@link Movable#reset} when done.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-03-15T11:00:00Z");

    @Bean
    @Primary
    Movable fixedClock() {
        return new Movable();
    }

    /** A clock that stands still unless a test moves it. */
    public static final class Movable extends Clock {

        private volatile Instant now = NOW;

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        public void reset() {
            now = NOW;
        }

        @Override
        public ZoneId getZone() {
            return NorwegianTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
