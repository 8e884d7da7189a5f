package no.kraft.cis.meteringpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1IdentifierTest {

    /*
     * 70705750001234567 + check (from the Elhub notes): from the right, weights 3,1,3,1,…
     *   7·3 + 6·1 + 5·3 + 4·1 + 3·3 + 2·1 + 1·3 + 0·1 + 0·3 + 0·1 + 5·3 + 7·1 + 5·3 + 0·1 + 7·3 + 0·1 + 7·3
     *   = 21+6+15+4+9+2+3+0+0+0+15+7+15+0+21+0+21 = 139;  (10 − 139 mod 10) mod 10 = 1  →  707057500012345671
     */
    @ParameterizedTest
    @ValueSource(strings = {"707057500012345671", "707057500000000018", "707057500000000025", "707057500100000017"})
    void validMeteringPointIds(String value) {
        assertThat(new MeteringPointId(value).value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "707057500012345678, meteringPointId.checkDigit",  // the often-seen example ID: check digit wrong
            "707057500012345617, meteringPointId.checkDigit",  // last two digits swapped
            "70705750001234567, meteringPointId.format",       // 17 digits
            "7070575000123456711, meteringPointId.format",     // 19 digits
            "70705750001234567X, meteringPointId.format",
            "573057500012345671, meteringPointId.prefix",      // not a Norwegian (Elhub) ID
            "707057501012345671, meteringPointId.prefix",
    })
    void invalidMeteringPointIds(String value, String rule) {
        assertThatThrownBy(() -> new MeteringPointId(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7080000000012", "7080000000029", "5790000432752"})
    void validGlns(String value) {
        assertThat(new Gln(value).value()).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "7080000000013, gln.checkDigit",
            "708000000001, gln.format",
            "70800000000120, gln.format",
            "708000000001A, gln.format",
    })
    void invalidGlns(String value, String rule) {
        assertThatThrownBy(() -> new Gln(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    /** Exactly one of the ten possible last digits completes any 17 Norwegian-prefixed digits to a valid ID. */
    @Property
    void exactlyOneCheckDigitFits(@ForAll @LongRange(min = 0, max = 99_999_999L) long serial) {
        String body = MeteringPointId.NORWEGIAN_PREFIX + String.format("%08d", serial);
        long valid = IntStream.rangeClosed(0, 9).filter(d -> {
            try {
                new MeteringPointId(body + d);
                return true;
            } catch (InvalidValueException e) {
                return false;
            }
        }).count();
        assertThat(valid).isEqualTo(1);
    }
}
