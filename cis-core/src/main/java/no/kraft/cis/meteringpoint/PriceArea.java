package no.kraft.cis.meteringpoint;

import java.util.Arrays;
import java.util.Locale;
import no.kraft.cis.rule.InvalidValueException;

/** Norway's five bidding zones (prisområder) for day-ahead prices. */
public enum PriceArea {
    /** Øst-Norge (Oslo). */
    NO1,
    /** Sør-Norge (Kristiansand). */
    NO2,
    /** Midt-Norge (Trondheim). */
    NO3,
    /** Nord-Norge (Tromsø). */
    NO4,
    /** Vest-Norge (Bergen). */
    NO5;

    public static PriceArea parse(String raw) {
        if (raw != null) {
            String code = raw.strip().toUpperCase(Locale.ROOT);
            for (PriceArea area : values()) {
                if (area.name().equals(code)) {
                    return area;
                }
            }
        }
        throw new InvalidValueException("priceArea.unknown", "must be one of " + Arrays.toString(values()));
    }
}
