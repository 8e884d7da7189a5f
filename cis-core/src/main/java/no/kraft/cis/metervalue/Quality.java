package no.kraft.cis.metervalue;

import java.util.Arrays;
import no.kraft.cis.rule.InvalidValueException;

/**
 * How a value came about (kvalitet): read from the meter, estimated by the grid company, calculated, or temporary
 * (midlertidig, Elhub's {@code Temporary}); {@code MISSING} marks an interval of a stored day that has no value yet.
 */
public enum Quality {
    MEASURED('M'),
    ESTIMATED('E'),
    CALCULATED('C'),
    TEMPORARY('T'),
    MISSING('-');

    private final char code;

    Quality(char code) {
        this.code = code;
    }

    /** The one-letter code used in files and storage. */
    public char code() {
        return code;
    }

    public static Quality ofCode(char code) {
        return Arrays.stream(values()).filter(q -> q.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException("meterValue.quality", "quality is M, E, C, T or -, not '" + code + "'"));
    }
}
