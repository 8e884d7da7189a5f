package no.kraft.cis.meteringpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeteringPointValuesTest {

    private static final LocalDate AUG_31 = LocalDate.of(2025, 8, 31);
    private static final LocalDate SEP_1 = LocalDate.of(2025, 9, 1);

    @Test
    void housingCooperativeCodeMovedWithSn2025() {
        IndustryCodeList list = IndustryCodeList.standard();
        // SN2007 68.201 Borettslag; SN2025 moved housing cooperatives to 97.001.
        list.requireValid(new IndustryCode("68.201"), AUG_31);
        assertThatThrownBy(() -> list.requireValid(new IndustryCode("68.201"), SEP_1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("industryCode.unknown"));
        list.requireValid(new IndustryCode("97.001"), SEP_1);
        assertThatThrownBy(() -> list.requireValid(new IndustryCode("97.001"), AUG_31)).isInstanceOf(InvalidValueException.class);
        assertThat(list.name(new IndustryCode("68.201"), AUG_31)).contains("Borettslag");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"68201, 68.201", "6820, 68.20", "68.2, 68.2", "' 10.710 ', 10.710", "35, 35"})
    void industryCodesAreNormalised(String raw, String code) {
        assertThat(new IndustryCode(raw).code()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"6", "68.2010", "AB.123", "68-201"})
    void malformedIndustryCodes(String raw) {
        assertThatThrownBy(() -> new IndustryCode(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("industryCode.format"));
    }

    @ParameterizedTest(name = "household in municipality {0} exempt from VAT: {1}")
    @CsvSource({"1804, true", "5501, true", "5601, true", "5401, true", "0301, false", "4621, false", "5001, false"})
    void vatExemptionDefaultsFromTheCounty(String municipality, boolean exempt) {
        assertThat(VatExemption.defaultFor(new InstallationAddress("Storgata 1", "9008", "X", municipality), EndUserGroup.HOUSEHOLD,
                null)).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "Tromsø, end-user group {0}, NACE {1}: exempt {2}")
    @CsvSource({"35, , true", "36, , true", "42, , false", "42, 47.110, false", "42, 68.201, true", "42, 97.001, true",
            "44, 68.200, false"})
    void vatExemptionIsForHouseholdUseOnly(String group, String industry, boolean exempt) {
        // merverdiavgiftsloven § 6-6: households, holiday homes and housing cooperatives in the north; a shop pays VAT
        InstallationAddress tromso = new InstallationAddress("Storgata 90", "9008", "Tromsø", "5501");
        assertThat(VatExemption.defaultFor(tromso, new EndUserGroup(group), industry == null ? null : new IndustryCode(industry)))
                .isEqualTo(exempt);
    }

    @Test
    void vatExemptionCanBeOverriddenAndIsOffWithoutMunicipality() {
        InstallationAddress tromso = new InstallationAddress("Storgata 90", "9008", "Tromsø", "5501");
        Characteristics overridden = Characteristics.of(PriceArea.NO4, new Gln("7080000000036"), tromso, EndUserGroup.HOUSEHOLD,
                null, MeteringResolution.HOURLY, false, null);
        assertThat(overridden.vatExempt()).isFalse();
        Characteristics business = Characteristics.of(PriceArea.NO4, new Gln("7080000000036"), tromso, new EndUserGroup("42"),
                null, MeteringResolution.HOURLY, true, null);
        assertThat(business.vatExempt()).as("staff override for a business").isTrue();
        assertThat(VatExemption.defaultFor(new InstallationAddress("Storgata 90", "9008", "Tromsø", null), EndUserGroup.HOUSEHOLD,
                null)).isFalse();
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({"NO6, priceArea.unknown", "SE3, priceArea.unknown", "'', priceArea.unknown"})
    void unknownPriceAreas(String raw, String rule) {
        assertThatThrownBy(() -> PriceArea.parse(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo(rule));
        assertThat(PriceArea.parse(" no4 ")).isEqualTo(PriceArea.NO4);
    }
}
