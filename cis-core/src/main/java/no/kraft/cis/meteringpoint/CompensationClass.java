package no.kraft.cis.meteringpoint;

import java.util.Arrays;
import no.kraft.cis.rule.InvalidValueException;

/**
 * The compensation scheme a metering point is settled under — the values of property 900 (avregnet kompensasjon), and
 * of 870 (kompensasjon overstyring), where staff force one of them instead of the standard rule.
 */
public enum CompensationClass {
    /** 0: strømstøtte — no active Norgespris, household. */
    STROMSTOTTE(0),
    /** 1: Norgespris household. */
    NORGESPRIS_HOUSEHOLD(1),
    /** 2: Norgespris cabin / holiday home. */
    NORGESPRIS_HOLIDAY_HOME(2),
    /** 3: no compensation. */
    NONE(3);

    private final int code;

    CompensationClass(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CompensationClass ofCode(int code, PropertyCode property) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException("property." + property.code() + ".value",
                        property.code() + " takes 0, 1, 2 or 3"));
    }
}
