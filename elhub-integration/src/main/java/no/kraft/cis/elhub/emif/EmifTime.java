package no.kraft.cis.elhub.emif;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import no.kraft.cis.period.NorwegianTime;

/**
 * Date-times as EMIF writes them: {@code xsd:dateTime} with seconds and the Norwegian offset, e.g.
 * {@code 2026-03-15T12:00:00+01:00} ({@code OffsetDateTime.toString()} drops zero seconds, which the schema refuses).
 */
public final class EmifTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private EmifTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(NorwegianTime.ZONE));
    }

    public static String format(ZonedDateTime time) {
        return FORMAT.format(time.withZoneSameInstant(NorwegianTime.ZONE));
    }
}
