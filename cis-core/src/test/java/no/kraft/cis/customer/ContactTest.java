package no.kraft.cis.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'912 34 567', +4791234567",
            "91234567, +4791234567",
            "'+47 412 34 567', +4741234567",
            "'0047 41234567', +4741234567",
            "'(+47) 912-34-567', +4791234567",
            "'+46 70 123 45 67', +46701234567",   // Swedish mobile, given with its country code
    })
    void mobileNumbersAreNormalisedToE164(String raw, String e164) {
        assertThat(MobileNumber.parse(raw).value()).isEqualTo(e164);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "22123456, mobile.norwegianMobile",      // Oslo landline
            "+4712345678, mobile.norwegianMobile",
            "+479123456, mobile.norwegianMobile",     // 7 digits after +47
            "12345, mobile.format",
            "+0123456789, mobile.format",
            "'ring meg', mobile.format",
    })
    void invalidMobileNumbers(String raw, String rule) {
        assertThatThrownBy(() -> MobileNumber.parse(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void emailDomainIsLowerCasedLocalPartKept() {
        assertThat(Email.parse(" Kari.Nordmann@Example.NO ").value()).isEqualTo("Kari.Nordmann@example.no");
        assertThatThrownBy(() -> Email.parse("kari@example")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Email.parse("kari nordmann@example.no")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void norwegianPostcodesHaveFourDigits() {
        assertThat(new PostalAddress("Storgata 1", "0155", "Oslo", null).countryCode()).isEqualTo("NO");
        assertThatThrownBy(() -> new PostalAddress("Storgata 1", "155", "Oslo", "NO"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("address.postcode"));
        assertThat(new PostalAddress("Drottninggatan 1", "111 51", "Stockholm", "se").countryCode()).isEqualTo("SE");
    }

    @ParameterizedTest(name = "\"{0}\" folds to \"{1}\"")
    @CsvSource({
            "Søren Ødegård, soren odegard",
            "BRÆKKE, braekke",
            "Åse Müller-Lüdenscheidt, ase muller ludenscheidt",
            "'  José   Ñúñez ', jose nunez",
    })
    void searchNamesFoldCaseAndAccents(String name, String folded) {
        assertThat(SearchName.fold(name)).isEqualTo(folded);
    }
}
