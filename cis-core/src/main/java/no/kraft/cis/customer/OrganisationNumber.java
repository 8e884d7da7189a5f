package no.kraft.cis.customer;

import no.kraft.cis.rule.InvalidValueException;

/**
 * An organisation number (organisasjonsnummer) from Brønnøysundregistrene: 9 digits starting with 8 or 9, the last a
 * mod-11 check digit with weights 3, 2, 7, 6, 5, 4, 3, 2.
 */
public record OrganisationNumber(String value) {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    public OrganisationNumber {
        if (value == null || !value.matches("\\d{9}")) {
            throw new InvalidValueException("organisationNumber.format", "must be 9 digits");
        }
        if (value.charAt(0) != '8' && value.charAt(0) != '9') {
            throw new InvalidValueException("organisationNumber.format", "must start with 8 or 9");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (value.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != value.charAt(8) - '0') {
            throw new InvalidValueException("organisationNumber.checkDigit", "check digit (position 9) is wrong");
        }
    }

    /** Accepts the common printed forms {@code 923 609 016} and {@code NO 923609016 MVA}. */
    public static OrganisationNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("organisationNumber.format", "must be 9 digits");
        }
        String digits = raw.replaceAll("(?i)^NO|MVA$|\\s", "");
        return new OrganisationNumber(digits);
    }

    @Override
    public String toString() {
        return value;
    }
}
