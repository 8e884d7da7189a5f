package no.kraft.cis.metervalue;

import java.util.Arrays;
import no.kraft.cis.rule.InvalidValueException;

/** How a value came about (kvalitet): read from the meter, estimated by the grid company, or calculated. */
public enum Quality {
    MEASURED('M'),
    ESTIMATED('E'),
    CALCULATED('C');

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
                .orElseThrow(() -> new InvalidValueException("meterValue.quality", "quality is M, E or C, not '" + code + "'"));
    }
}
