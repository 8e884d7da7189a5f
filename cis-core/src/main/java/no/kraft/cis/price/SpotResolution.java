package no.kraft.cis.price;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import no.kraft.cis.period.NorwegianTime;

/**
 * The day-ahead market's time resolution: hourly until 30 September 2025, 15 minutes from the delivery day
 * 1 October 2025 (the Nordic 15-minute day-ahead go-live).
 */
public final class SpotResolution {

    public static final LocalDate QUARTER_HOURS_FROM = LocalDate.of(2025, 10, 1);
    private static final Instant QUARTER_HOURS_FROM_INSTANT = QUARTER_HOURS_FROM.atStartOfDay(NorwegianTime.ZONE).toInstant();

    private SpotResolution() {
    }

    public static Duration at(Instant start) {
        return start.isBefore(QUARTER_HOURS_FROM_INSTANT) ? Duration.ofHours(1) : Duration.ofMinutes(15);
    }
}
