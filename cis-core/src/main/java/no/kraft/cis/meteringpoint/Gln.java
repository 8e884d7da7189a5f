package no.kraft.cis.meteringpoint;

import no.kraft.cis.rule.InvalidValueException;

/** A GS1 Global Location Number: 13 digits with a mod-10 check digit. Identifies market parties such as grid owners. */
public record Gln(String value) {

    public Gln {
        if (value == null || !value.matches("\\d{13}")) {
            throw new InvalidValueException("gln.format", "must be 13 digits");
        }
        if (!Gs1CheckDigit.isValid(value)) {
            throw new InvalidValueException("gln.checkDigit", "GS1 check digit (position 13) is wrong");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
