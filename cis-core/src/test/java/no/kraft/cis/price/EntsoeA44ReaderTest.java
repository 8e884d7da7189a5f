package no.kraft.cis.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.rule.Violation;
import org.junit.jupiter.api.Test;

class EntsoeA44ReaderTest {

    static final BigDecimal EUR_NOK = new BigDecimal("11.7250");

    static InputStream autumnDstDay() {
        return EntsoeA44ReaderTest.class.getResourceAsStream("/spot/a44-NO1-2025-10-26.xml");
    }

    @Test
    void readsTheAutumnDstDayWithOmittedPositionsFilledIn() {
        List<SpotPriceLine> lines = EntsoeA44Reader.read(autumnDstDay(), EUR_NOK);

        assertThat(lines).hasSize(100);   // 25 hours × 4: positions 3, 4 and 50 were left out (curve type A03)
        SpotPriceRules.check(lines);
        SpotPrice first = lines.getFirst().price();
        assertThat(first.area()).isEqualTo(PriceArea.NO1);
        assertThat(first.start()).isEqualTo(Instant.parse("2025-10-25T22:00:00Z"));   // 00:00 in Oslo, summer time
        assertThat(lines.getLast().price().end()).isEqualTo(Instant.parse("2025-10-26T23:00:00Z"));   // 00:00, winter time
        // 41.25 EUR/MWh × 11.7250 NOK/EUR ÷ 1000 = 0.48365625 → 0.483656 NOK/kWh (half-up)
        assertThat(first.nokPerKwh()).isEqualByComparingTo("0.483656");
        assertThat(first.eurPerMwh()).isEqualByComparingTo("41.25");
        assertThat(first.eurNok()).isEqualByComparingTo(EUR_NOK);
        // positions 3 and 4 repeat position 2: 42.50 × 11.725 / 1000 = 0.4983125 → 0.498313
        assertThat(lines.subList(1, 4)).extracting(l -> l.price().nokPerKwh().toPlainString())
                .containsExactly("0.498313", "0.498313", "0.498313");
        // a negative price stays negative: −2.15 × 11.725 / 1000 = −0.02520875 → −0.025209
        assertThat(lines.get(10).price().nokPerKwh()).isEqualByComparingTo("-0.025209");
    }

    @Test
    void eurPricesNeedAnExchangeRate() {
        assertThatThrownBy(() -> EntsoeA44Reader.read(autumnDstDay(), null))
                .isInstanceOfSatisfying(SpotPriceFileException.class,
                        e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("spotPrice.exchangeRate"));
    }

    @Test
    void foreignZonesAndBrokenXmlAreRejectedWithTheirLine() throws Exception {
        String sweden = new String(autumnDstDay().readAllBytes(), StandardCharsets.UTF_8).replace("10YNO-1--------2", "10Y1001A1001A46L");
        assertThatThrownBy(() -> EntsoeA44Reader.read(stream(sweden), EUR_NOK))
                .isInstanceOfSatisfying(SpotPriceFileException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("line 19", "spotPrice.area")));
        assertThatThrownBy(() -> EntsoeA44Reader.read(stream("<Publication_MarketDocument><TimeSeries>"), EUR_NOK))
                .isInstanceOfSatisfying(SpotPriceFileException.class,
                        e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("spotPrice.xml"));
    }

    @Test
    void externalEntitiesAreNotResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Publication_MarketDocument><type>&x;</type></Publication_MarketDocument>""";
        assertThatThrownBy(() -> EntsoeA44Reader.read(stream(xxe), EUR_NOK)).isInstanceOf(SpotPriceFileException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"))
                // the reason in plain words, never the parser's internals (JAXP codes, feature URLs, class names)
                .satisfies(e -> assertThat(((SpotPriceFileException) e).violations()).extracting(Violation::message)
                        .allSatisfy(m -> assertThat(m).containsAnyOf("DOCTYPE", "entity").doesNotContain("JAXP").doesNotContain("http")
                                .doesNotContain("Exception")));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
