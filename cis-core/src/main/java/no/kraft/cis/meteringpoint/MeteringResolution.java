package no.kraft.cis.meteringpoint;

import java.time.Duration;
import no.kraft.cis.rule.InvalidValueException;

/** How often the meter is read for settlement: hourly, or every 15 minutes since the 15-minute settlement change. */
public enum MeteringResolution {
    HOURLY("PT1H", Duration.ofHours(1)),
    QUARTER_HOURLY("PT15M", Duration.ofMinutes(15));

    private final String iso;
    private final Duration length;

    MeteringResolution(String iso, Duration length) {
        this.iso = iso;
        this.length = length;
    }

    /** ISO 8601 duration as Elhub writes it: {@code PT1H} or {@code PT15M}. */
    public String iso() {
        return iso;
    }

    public Duration length() {
        return length;
    }

    /**
     * The one spelling rule for every input (registration, meter-value files, Elhub's messages): the hour as
     * {@code PT1H} or {@code PT60M} (Elhub writes the latter), the quarter-hour as {@code PT15M}; any letter case.
     */
    public static MeteringResolution parse(String raw) {
        MeteringResolution r = spelled(raw == null ? "" : raw.strip());
        if (r == null) {
            throw new InvalidValueException("resolution.unknown", "must be PT1H (or PT60M) or PT15M");
        }
        return r;
    }

    /** As {@link #parse}, {@code null} for anything else — for the meter-value reader's hot loop. */
    public static MeteringResolution spelled(String text) {
        if (text.equalsIgnoreCase("PT15M")) {
            return QUARTER_HOURLY;
        }
        if (text.equalsIgnoreCase("PT1H") || text.equalsIgnoreCase("PT60M")) {
            return HOURLY;
        }
        return null;
    }
}
