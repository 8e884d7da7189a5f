package no.kraft.cis.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NationalIdTest {

    /*
     * Worked example, 15038512363 (born 15 March 1985, individual number 123, check digits 6 and 3):
     *   k1, weights 3 7 6 1 8 9 4 5 2 over 1 5 0 3 8 5 1 2 3:
     *       3 + 35 + 0 + 3 + 64 + 45 + 4 + 10 + 6 = 170;  170 mod 11 = 5;  11 − 5 = 6  ✓
     *   k2, weights 5 4 3 2 7 6 5 4 3 2 over 1 5 0 3 8 5 1 2 3 6:
     *       5 + 20 + 0 + 6 + 56 + 30 + 5 + 8 + 9 + 12 = 151;  151 mod 11 = 8;  11 − 8 = 3  ✓
     */
    @ParameterizedTest(name = "{0} is a valid {2} born {1}")
    @CsvSource({
            "15038512363, 1985-03-15, BIRTH_NUMBER",   // individual 000–499 → 1900s
            "01017012343, 1970-01-01, BIRTH_NUMBER",
            "31129991294, 1999-12-31, BIRTH_NUMBER",   // individual 900–999 with year ≥ 40 → 1900s
            "01010551265, 2005-01-01, BIRTH_NUMBER",   // individual 500–999 with year ≤ 39 → 2000s
            "29020052099, 2000-02-29, BIRTH_NUMBER",   // leap day of 2000
            "55059012370, 1990-05-15, D_NUMBER",       // D-nummer: day 15 + 40
    })
    void valid(String value, LocalDate born, NationalId.Kind kind) {
        NationalId id = new NationalId(value);
        assertThat(id.dateOfBirth()).isEqualTo(born);
        assertThat(id.kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "1503851236, nationalId.format",            // 10 digits
            "150385123633, nationalId.format",          // 12 digits
            "1503851236a, nationalId.format",
            "'', nationalId.format",
            "32038512363, nationalId.birthDate",        // day 32
            "15138512363, nationalId.birthDate",        // month 13
            "29020152099, nationalId.birthDate",        // 29 February 2001 does not exist
            "15458512363, nationalId.birthDate",        // month + 40 is an H-number, not for customers
            "01015050000, nationalId.individualNumber", // individual 500–749 is not issued for years 40–53
            "15038512353, nationalId.checkDigit1",      // k1 6 → 5
            "15038512364, nationalId.checkDigit2",      // k2 3 → 4
            "15038512463, nationalId.checkDigit1",      // individual digit changed: k1 no longer fits
    })
    void invalid(String value, String rule) {
        assertThatThrownBy(() -> new NationalId(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    static Stream<Arguments> singleDigitErrors() {
        return Stream.of("15038512363", "01017012343", "31129991294", "01010551265", "55059012370")
                .flatMap(valid -> Stream.iterate(0, i -> i < 11, i -> i + 1).flatMap(position ->
                        Stream.iterate(0, d -> d < 10, d -> d + 1)
                                .filter(d -> d != valid.charAt(position) - '0')
                                .map(d -> Arguments.of(valid.substring(0, position) + d + valid.substring(position + 1)))));
    }

    /** Mod 11 with these weights catches every single mistyped digit: the reason the scheme exists. */
    @ParameterizedTest
    @MethodSource("singleDigitErrors")
    void everySingleDigitTypoIsRejected(String typo) {
        assertThatThrownBy(() -> new NationalId(typo)).isInstanceOf(InvalidValueException.class);
    }

    @org.junit.jupiter.api.Test
    void neverPrintsTheFullNumber() {
        NationalId id = new NationalId("15038512363");
        assertThat(id.toString()).isEqualTo("150385*****").doesNotContain("12363");
        assertThat(id.masked()).isEqualTo("150385*****");
    }
}
