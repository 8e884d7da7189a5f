package no.kraft.cis.meteringpoint;

import no.kraft.cis.rule.InvalidValueException;

/**
 * A metering point's ID (målepunkt-ID): an 18-digit GS1 GSRN. Norwegian metering points registered in Elhub start
 * with {@value #NORWEGIAN_PREFIX}; the last digit is the GS1 mod-10 check digit.
 */
public record MeteringPointId(String value) {

    public static final String NORWEGIAN_PREFIX = "707057500";

    public MeteringPointId {
        if (value == null || !value.matches("\\d{18}")) {
            throw new InvalidValueException("meteringPointId.format", "must be 18 digits");
        }
        if (!value.startsWith(NORWEGIAN_PREFIX)) {
            throw new InvalidValueException("meteringPointId.prefix",
                    "a Norwegian metering point ID starts with " + NORWEGIAN_PREFIX);
        }
        if (!Gs1CheckDigit.isValid(value)) {
            throw new InvalidValueException("meteringPointId.checkDigit", "GS1 check digit (position 18) is wrong");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
