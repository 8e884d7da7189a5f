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

    /** Minutes in a Norwegian day: 1 380 on the spring DST day, 1 500 on the autumn one, 1 440 otherwise. */
    public static int minutesOf(LocalDate day) {
        return (int) java.time.Duration.between(day.atStartOfDay(ZONE), day.plusDays(1).atStartOfDay(ZONE)).toMinutes();
    }

    /** Intervals of a Norwegian day at a resolution: 92/96/100 quarter-hours or 23/24/25 hours. */
    public static int intervals(LocalDate day, int resolutionMinutes) {
        return minutesOf(day) / resolutionMinutes;
    }

    /**
     * A calendar month as written {@code yyyy-MM}.
     *
     * @throws no.kraft.cis.rule.InvalidValueException {@code month.format} otherwise
     */
    public static java.time.YearMonth month(String raw) {
        try {
            return java.time.YearMonth.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new no.kraft.cis.rule.InvalidValueException("month.format", "a month is written yyyy-MM, e.g. 2026-02");
        }
    }

    /** The Norwegian calendar day {@code instant} falls on. */
    public static LocalDate dayOf(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
