package no.kraft.cis.customer;

import java.time.DateTimeException;
import java.time.LocalDate;
import no.kraft.cis.rule.InvalidValueException;

/**
 * A Norwegian national identity number — fødselsnummer, or D-nummer (day + 40) for people without one.
 *
 * <p>11 digits {@code DDMMYYIIIKK}: birth date, individual number (whose range gives the century) and two mod-11
 * check digits. Personal data: {@link #toString()} is masked so the number never reaches a log by accident; use
 * {@link #value()} only where the full number is needed.
 */
public record NationalId(String value) {

    private static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    /** Which kind of national identity number. */
    public enum Kind {
        /** Fødselsnummer, from the population register. */
        BIRTH_NUMBER,
        /** D-nummer, for people temporarily connected to Norway: the day of birth plus 40. */
        D_NUMBER
    }

    public NationalId {
        if (value == null || !value.matches("\\d{11}")) {
            throw new InvalidValueException("nationalId.format", "must be 11 digits");
        }
        dateOfBirth(value);
        int[] digits = value.chars().map(c -> c - '0').toArray();
        if (checkDigit(digits, WEIGHTS_1) != digits[9]) {
            throw new InvalidValueException("nationalId.checkDigit1", "first check digit (position 10) is wrong");
        }
        if (checkDigit(digits, WEIGHTS_2) != digits[10]) {
            throw new InvalidValueException("nationalId.checkDigit2", "second check digit (position 11) is wrong");
        }
    }

    public Kind kind() {
        return value.charAt(0) >= '4' ? Kind.D_NUMBER : Kind.BIRTH_NUMBER;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth(value);
    }

    /** Birth date digits kept, the rest hidden: {@code 010190*****}. For list views and logs. */
    public String masked() {
        return value.substring(0, 6) + "*****";
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate dateOfBirth(String value) {
        int day = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        int yy = Integer.parseInt(value.substring(4, 6));
        int individual = Integer.parseInt(value.substring(6, 9));
        if (day > 40) {
            day -= 40; // D-nummer
        }
        int century = century(individual, yy);
        try {
            return LocalDate.of(century + yy, month, day);
        } catch (DateTimeException e) {
            throw new InvalidValueException("nationalId.birthDate", "the first six digits are not a valid date of birth");
        }
    }

    /** The individual number's range tells the century (Skatteetaten's allocation rules). */
    private static int century(int individual, int yy) {
        if (individual <= 499) {
            return 1900;
        }
        if (individual <= 749 && yy >= 54) {
            return 1800;
        }
        if (yy <= 39) {
            return 2000;
        }
        if (individual >= 900) {
            return 1900;
        }
        throw new InvalidValueException("nationalId.individualNumber",
                "individual number " + individual + " is not issued for birth year " + yy);
    }

    /** Mod-11: 11 − (Σ weight × digit mod 11), where 11 becomes 0 and 10 is never issued (-1 here, never a digit). */
    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digits[i];
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }
}
