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

    public static MeteringResolution parse(String raw) {
        for (MeteringResolution r : values()) {
            if (r.iso.equalsIgnoreCase(raw == null ? "" : raw.strip())) {
                return r;
            }
        }
        throw new InvalidValueException("resolution.unknown", "must be PT1H or PT15M");
    }
}
