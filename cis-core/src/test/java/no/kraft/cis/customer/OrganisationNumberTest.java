package no.kraft.cis.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationNumberTest {

    /*
     * 923609016 (Equinor ASA, a real, public number):
     *   3·9 + 2·2 + 7·3 + 6·6 + 5·0 + 4·9 + 3·0 + 2·1 = 27+4+21+36+0+36+0+2 = 126; 126 mod 11 = 5; 11 − 5 = 6 ✓
     */
    @ParameterizedTest
    @ValueSource(strings = {"923609016", "974760673", "812345672", "987654325"})
    void valid(String value) {
        assertThat(new OrganisationNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"'923 609 016', 923609016", "'NO 923609016 MVA', 923609016", "' 974760673 ', 974760673"})
    void acceptsPrintedForms(String raw, String expected) {
        assertThat(OrganisationNumber.parse(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "92360901, organisationNumber.format",
            "9236090160, organisationNumber.format",
            "92360901X, organisationNumber.format",
            "723609016, organisationNumber.format",        // organisation numbers start with 8 or 9
            "923609017, organisationNumber.checkDigit",
            "923609061, organisationNumber.checkDigit",    // two digits swapped
            "912345670, organisationNumber.checkDigit",    // 91234567 gives remainder 1 → check 10: never issued
    })
    void invalid(String value, String rule) {
        assertThatThrownBy(() -> new OrganisationNumber(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    /** For any eight leading digits at most one ninth digit makes a valid number (none when the check would be 10). */
    @Property
    void atMostOneCheckDigitFits(@ForAll @IntRange(min = 80_000_000, max = 99_999_999) int prefix) {
        long valid = java.util.stream.IntStream.rangeClosed(0, 9)
                .filter(d -> {
                    try {
                        new OrganisationNumber(prefix + "" + d);
                        return true;
                    } catch (InvalidValueException e) {
                        return false;
                    }
                }).count();
        assertThat(valid).isLessThanOrEqualTo(1);
    }
}
