package no.kraft.cis.tariffelement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

class TariffPriceTest {

    @Test
    void amountsAreKeptAtSixDecimals() {
        assertThat(new TariffPrice.Fixed(new BigDecimal("0.049")).amount()).isEqualTo(new BigDecimal("0.049000"));
        assertThat(new TariffPrice.Fixed(new BigDecimal("-12.5")).amount()).isEqualTo(new BigDecimal("-12.500000"));
        // trailing zeros beyond six decimals are not precision
        assertThat(new TariffPrice.Fixed(new BigDecimal("0.12345600")).amount()).isEqualTo(new BigDecimal("0.123456"));
    }

    @Test
    void moreThanSixDecimalsOrTooLargeIsRefused() {
        assertThatThrownBy(() -> new TariffPrice.Fixed(new BigDecimal("0.0490001")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("amount.scale"));
        assertThatThrownBy(() -> new TariffPrice.Fixed(new BigDecimal("100000000")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("amount.range"));
        assertThat(new TariffPrice.Fixed(new BigDecimal("-99999999.999999")).amount()).isEqualByComparingTo("-99999999.999999");
    }
}
