package no.kraft.cis.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.Violation;
import org.junit.jupiter.api.Test;

/**
 * The A44 documents ENTSO-E publishes, as others downloaded them (../shared/samples/a44/, sources in its SOURCES.md):
 * every one whose bidding zone is Norwegian imports; the others are refused naming the zone.
 */
class PublishedA44SamplesTest {

    private static final BigDecimal EUR_NOK = new BigDecimal("11.7250");

    static Path samples() {
        for (Path candidate : List.of(Path.of("../shared/samples/a44"), Path.of("../../shared/samples/a44"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "../shared/samples/a44 is not on this machine: the published A44 samples are not tested");
        return null;
    }

    private static List<SpotPriceLine> read(String file) throws IOException {
        List<SpotPriceLine> lines = EntsoeA44Reader.read(Files.newInputStream(samples().resolve(file)), EUR_NOK);
        SpotPriceRules.check(lines);
        return lines;
    }

    @Test
    void aQuarterHourSeriesConstantWithinEachHourBeforeOctober2025IsTheHourlyPrice() throws IOException {
        // NO1, 25 February 2025, PT15M with only positions 1, 5, 9 … 93 present (A03): each hour's four quarter-hours carry one
        // price, and the market was hourly then — so it is 24 hourly prices
        List<SpotPriceLine> lines = read("day-ahead-prices-6-NO1-PT15M.xml");
        assertThat(lines).hasSize(24);
        assertThat(lines).allMatch(l -> l.price().area() == PriceArea.NO1 && l.price().length().equals(Duration.ofHours(1)));
        assertThat(lines).allMatch(l -> NorwegianTime.dayOf(l.price().start()).equals(LocalDate.of(2025, 2, 25)));
    }

    @Test
    void aDocumentMixingResolutionsOverTwoDaysImportsBothDaysHourly() throws IOException {
        // NO2: 25 February 2025 as PT15M (constant within the hours), 26 February as PT60M
        List<SpotPriceLine> lines = read("day-ahead-prices-8-NO2-PT15M-PT60M.xml");
        assertThat(lines).hasSize(48);
        assertThat(lines).allMatch(l -> l.price().area() == PriceArea.NO2 && l.price().length().equals(Duration.ofHours(1)));
    }

    @Test
    void twoSeriesForTheSameDaysKeepTheOneAtTheMarketsResolution() throws IOException {
        // The DE-LU document carries 6–7 October 2024 twice: classificationSequence 1 at PT60M, 2 at PT15M. With its zone
        // made Norwegian, the hourly series (the market's resolution in 2024) is taken and the quarter-hours are information.
        String xml = Files.readString(samples().resolve("DE_60M_15M_overlap.xml"), StandardCharsets.UTF_8)
                .replace("10Y1001A1001A82H", "10YNO-1--------2");
        List<SpotPriceLine> lines = EntsoeA44Reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), EUR_NOK);
        SpotPriceRules.check(lines);
        assertThat(lines).hasSize(48);
        assertThat(lines).allMatch(l -> l.price().length().equals(Duration.ofHours(1)));
    }

    @Test
    void documentsForForeignZonesAreRefusedNamingTheZone() throws IOException {
        try (Stream<Path> files = Files.list(samples())) {
            List<Path> foreign = files.filter(f -> {
                try {
                    return !Files.readString(f).contains("10YNO-");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(foreign).hasSize(3);   // DE-LU, SE3 twice
            for (Path file : foreign) {
                assertThatThrownBy(() -> EntsoeA44Reader.read(Files.newInputStream(file), EUR_NOK))
                        .as(file.getFileName().toString())
                        .isInstanceOfSatisfying(SpotPriceFileException.class, e -> {
                            assertThat(e.violations()).extracting(Violation::rule).containsOnly("spotPrice.area");
                            assertThat(e.violations()).extracting(Violation::message)
                                    .allMatch(m -> m.matches("bidding zone 10Y\\S+ is not a Norwegian price area"));
                        });
            }
        }
    }
}
