package no.kraft.cis.meteringpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

class MunicipalityListTest {

    private final MunicipalityList list = MunicipalityList.standard();
    private static final LocalDate LAST_DAY_2023 = LocalDate.of(2023, 12, 31);
    private static final LocalDate FIRST_DAY_2024 = LocalDate.of(2024, 1, 1);

    @Test
    void bærumAndTromsøChangedTheirNumbersOnNewYearsDay2024() {
        // Bærum was 3024 (Viken) 2020–2023 and is 3201 (Akershus) from 2024; Tromsø 5401 (Troms og Finnmark) → 5501 (Troms)
        assertThat(list.name("3024", LAST_DAY_2023)).hasValue("Bærum");
        assertThat(list.name("3024", FIRST_DAY_2024)).isEmpty();
        assertThat(list.name("3201", LAST_DAY_2023)).isEmpty();
        assertThat(list.name("3201", FIRST_DAY_2024)).hasValue("Bærum");
        assertThat(list.name("5401", LAST_DAY_2023)).isPresent();
        assertThat(list.name("5501", FIRST_DAY_2024)).isPresent();
        assertThatThrownBy(() -> list.requireValid("3024", FIRST_DAY_2024)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2024-01-01 onwards").extracting(e -> ((InvalidValueException) e).rule())
                .isEqualTo("municipalityNumber.unknown");
        assertThatThrownBy(() -> list.requireValid("3201", LAST_DAY_2023)).hasMessageContaining("valid 2020-01-01 to 2023-12-31");
    }

    @Test
    void haramCameBackIn2024AndOsloIsInBoth() {
        assertThat(list.name("1580", LAST_DAY_2023)).isEmpty();
        assertThat(list.name("1580", FIRST_DAY_2024)).hasValue("Haram");
        assertThat(list.name("0301", LocalDate.of(2020, 1, 1))).hasValue("Oslo");
        assertThat(list.name("0301", LocalDate.of(2026, 12, 1))).hasValue("Oslo");
    }

    @Test
    void theListsHaveTheOfficialCounts() {
        long in2020 = java.util.stream.IntStream.range(0, 10_000).mapToObj(n -> String.format("%04d", n))
                .filter(n -> list.name(n, LocalDate.of(2022, 6, 1)).isPresent()).count();
        long in2024 = java.util.stream.IntStream.range(0, 10_000).mapToObj(n -> String.format("%04d", n))
                .filter(n -> list.name(n, LocalDate.of(2026, 6, 1)).isPresent()).count();
        assertThat(in2020).isEqualTo(356);
        assertThat(in2024).isEqualTo(357);
    }

    @Test
    void beforeTheFirstListOnlyTheFormIsChecked() {
        list.requireValid("1201", LocalDate.of(2019, 12, 31)); // Bergen's number until 2019: no list held, accepted
        assertThatThrownBy(() -> list.requireValid("1201", LocalDate.of(2020, 1, 1))).isInstanceOf(InvalidValueException.class);
    }
}
