package no.kraft.cis.rme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RmeRowTest {

    @Test
    void aLineHasTheColumnsInOrderWithDecimalCommaAndThreeDecimals() {
        RmeRow row = new RmeRow("707057500000000018", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1), "36", null,
                new BigDecimal("-657.5"), new BigDecimal("7591.306"), new BigDecimal("314.063"), "F");
        assertThat(row.line()).isEqualTo("707057500000000018;2025-10-01;2025-11-01;36;;-657,500;7591,306;314,063;F");
        assertThat(RmeRow.decimal(BigDecimal.ZERO)).isEqualTo("0,000");
        assertThat(RmeRow.decimal(new BigDecimal("1234567.8915"))).isEqualTo("1234567,892");   // no thousands separator
    }

    @Test
    void theExactNaceRowWinsOverTheGroupDefault() {
        PriceCodes.Table table = new PriceCodes.Table(Map.of("35|", "H", "35|68.201", "B", "36|", "F"));
        assertThat(table.codeFor("35", null)).contains("H");
        assertThat(table.codeFor("35", "68.201")).contains("B");
        assertThat(table.codeFor("35", "10.710")).contains("H");
        assertThat(table.codeFor("42", null)).isEmpty();
    }
}
