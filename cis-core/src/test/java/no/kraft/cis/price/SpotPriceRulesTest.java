package no.kraft.cis.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpotPriceRulesTest {

    /** Whole Norwegian days of prices at {@code step}, one line each, counted from line 2 (after a header). */
    static List<SpotPriceLine> days(PriceArea area, LocalDate from, int days, Duration step) {
        List<SpotPriceLine> lines = new ArrayList<>();
        Instant at = from.atStartOfDay(NorwegianTime.ZONE).toInstant();
        Instant end = from.plusDays(days).atStartOfDay(NorwegianTime.ZONE).toInstant();
        int line = 2;
        while (at.isBefore(end)) {
            lines.add(new SpotPriceLine(line++, new SpotPrice(area, at, at.plus(step), new BigDecimal("0.5"), null, null)));
            at = at.plus(step);
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}: {1} intervals of {2} minutes")
    @CsvSource({
            "2025-10-26, 100, 15",   // autumn DST: 25 hours
            "2026-03-29,  92, 15",   // spring DST: 23 hours
            "2025-11-12,  96, 15",
            "2025-03-30,  23, 60",   // spring DST before the 15-minute market: 23 hours
            "2024-10-27,  25, 60",   // autumn DST, hourly: 25 hours
            "2025-09-30,  24, 60",   // the last hourly day
            "2025-10-01,  96, 15",   // the first quarter-hourly day
    })
    void wholeDaysAtTheMarketResolutionAreAccepted(LocalDate day, int intervals, int minutes) {
        List<SpotPriceLine> lines = days(PriceArea.NO1, day, 1, Duration.ofMinutes(minutes));
        assertThat(lines).hasSize(intervals);
        SpotPriceRules.check(lines);
    }

    @Test
    void hourlyPricesAfterTheSwitchAreRejected() {
        assertThat(violations(days(PriceArea.NO2, LocalDate.of(2025, 10, 1), 1, Duration.ofHours(1))))
                .allMatch(v -> v.rule().equals("spotPrice.resolution")).hasSize(24);
    }

    @Test
    void quarterHoursBeforeTheSwitchAreRejected() {
        assertThat(violations(days(PriceArea.NO2, LocalDate.of(2025, 9, 30), 1, Duration.ofMinutes(15))))
                .extracting(Violation::rule).contains("spotPrice.resolution");
    }

    @Test
    void aMissingQuarterHourIsAGapNamingTheLine() {
        List<SpotPriceLine> lines = days(PriceArea.NO5, LocalDate.of(2026, 3, 29), 1, Duration.ofMinutes(15));
        lines.remove(40);   // line 42 gone
        assertThat(violations(lines)).extracting(Violation::field, Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("line 43", "spotPrice.gap"),
                        org.assertj.core.groups.Tuple.tuple("line 2", "spotPrice.partialDay"));
    }

    @Test
    void duplicatesAndOverlapsAreRejected() {
        List<SpotPriceLine> lines = days(PriceArea.NO1, LocalDate.of(2025, 11, 12), 1, Duration.ofMinutes(15));
        SpotPrice tenth = lines.get(10).price();
        lines.add(new SpotPriceLine(200, tenth));
        assertThat(violations(lines)).extracting(Violation::field, Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("line 200", "spotPrice.duplicate"));

        List<SpotPriceLine> shifted = days(PriceArea.NO1, LocalDate.of(2025, 11, 12), 1, Duration.ofMinutes(15));
        Instant odd = tenth.start().plus(Duration.ofMinutes(5));
        shifted.add(new SpotPriceLine(300, new SpotPrice(PriceArea.NO1, odd, odd.plus(Duration.ofMinutes(15)), BigDecimal.ONE, null, null)));
        assertThat(violations(shifted)).extracting(Violation::rule).contains("spotPrice.alignment");
    }

    @Test
    void aPartialDayIsRejected() {
        List<SpotPriceLine> lines = days(PriceArea.NO3, LocalDate.of(2025, 10, 26), 1, Duration.ofMinutes(15));
        List<SpotPriceLine> first96 = lines.subList(0, 96);   // a 24-hour day's worth, but this day has 25 hours
        assertThat(violations(first96)).extracting(Violation::rule).containsExactly("spotPrice.partialDay");
    }

    private static List<Violation> violations(List<SpotPriceLine> lines) {
        try {
            SpotPriceRules.check(lines);
        } catch (SpotPriceFileException e) {
            return e.violations();
        }
        throw new AssertionError("expected the file to be rejected");
    }

    @Test
    void csvReaderNamesTheBadLine() {
        String csv = """
                start,end,area,NOK_per_kWh
                2025-10-26T00:00+02:00,2025-10-26T00:15+02:00,NO1,0.5123
                2025-10-26T00:15+02:00,2025-10-26T00:30+02:00,NO6,0.5
                2025-10-26T00:30+02:00,2025-10-26T00:45+02:00,NO1,abc
                2025-10-26T00:45,2025-10-26T01:00+02:00,NO1,0.5
                """;
        assertThatThrownBy(() -> SpotPriceCsvReader.read(new java.io.StringReader(csv)))
                .isInstanceOfSatisfying(SpotPriceFileException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("line 3", "priceArea.unknown"),
                                org.assertj.core.groups.Tuple.tuple("line 4", "spotPrice.format"),
                                org.assertj.core.groups.Tuple.tuple("line 5", "spotPrice.format")));
    }
}
