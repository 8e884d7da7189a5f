package no.kraft.cis.period;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Norway's civil time zone, the zone every calendar day in this system is counted in. */
public final class NorwegianTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private NorwegianTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The Norwegian calendar day {@code instant} falls on. */
    public static LocalDate dayOf(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
