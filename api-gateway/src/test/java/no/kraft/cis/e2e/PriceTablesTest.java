package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/** Billing imports spot prices and generates price tables, through the API. */
class PriceTablesTest extends ApiTest {

    /** The real-shaped A44 document of cis-core's tests: NO1, 26 October 2025 (25 hours), EUR, curve type A03. */
    static final Path A44 = Path.of("../cis-core/src/test/resources/spot/a44-NO1-2025-10-26.xml");

    @Test
    void importA44AndGenerateTheNorgesprisTableForTheAutumnDstDay() throws Exception {
        String xml = Files.readString(A44);
        Api.Response imported = api.postText(Role.BILLING, "/api/v1/spot-prices?eurNok=11.725", "application/xml", xml);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.json("/added").asInt() + imported.json("/unchanged").asInt()).isEqualTo(100);
        assertThat(imported.json("/areas/NO1/intervals").asInt()).isEqualTo(100);

        Api.Response again = api.postText(Role.BILLING, "/api/v1/spot-prices?eurNok=11.725", "application/xml", xml);
        assertThat(again.json("/added").asInt()).isZero();
        assertThat(again.json("/unchanged").asInt()).isEqualTo(100);

        Api.Response calculation = api.post(Role.BILLING, "/api/v1/price-calculations", json("number", 4, "name", "Norgespris",
                "description", "Norgespris 40 øre basis", "formula", ":a-0.40"));
        assertThat(calculation.status()).as(calculation.raw()).isIn(201, 409);

        Api.Response generated = api.post(Role.BILLING, "/api/v1/price-calculations/4/tables",
                json("priceArea", "NO1", "from", "2025-10-26", "to", "2025-10-27"));
        assertThat(generated.status()).as(generated.raw()).isEqualTo(200);
        assertThat(generated.json("/intervals").asInt()).isEqualTo(100);

        Api.Response table = api.get(Role.PARTNER, "/api/v1/price-calculations/4/tables?area=NO1&from=2025-10-26&to=2025-10-27");
        assertThat(table.json("")).hasSize(100);
        // first quarter-hour: 41.25 EUR/MWh × 11.725 ÷ 1000 = 0.483656 NOK/kWh; − 0.40 = 0.083656
        assertThat(table.text("/0/start")).isEqualTo("2025-10-25T22:00:00Z");
        assertThat(new BigDecimal(table.text("/0/value"))).isEqualByComparingTo("0.083656");
        // a negative spot price: −2.15 × 11.725 ÷ 1000 = −0.025209; − 0.40 = −0.425209
        assertThat(new BigDecimal(table.text("/10/value"))).isEqualByComparingTo("-0.425209");
        // the repeated hour 02:00–03:00 is there twice, first in summer time (00:00Z) then in winter time (01:00Z)
        assertThat(table.text("/8/start")).isEqualTo("2025-10-26T00:00:00Z");
        assertThat(table.text("/12/start")).isEqualTo("2025-10-26T01:00:00Z");
        assertThat(table.text("/99/end")).isEqualTo("2025-10-26T23:00:00Z");
    }

    @Test
    void springDstDayHas92QuarterHoursAndAThresholdFormula() {
        api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv", csv("NO5", LocalDate.of(2026, 3, 29), "1.8"));
        Api.Response defined = api.post(Role.BILLING, "/api/v1/price-calculations", json("number", 7, "name", "Strømstøtte",
                "formula", "max(:a-:t, 0)*0.9", "threshold", new BigDecimal("0.9375")));
        assertThat(defined.status()).as(defined.raw()).isIn(201, 409);
        Api.Response generated = api.post(Role.BILLING, "/api/v1/price-calculations/7/tables",
                json("priceArea", "NO5", "from", "2026-03-29", "to", "2026-03-30"));
        assertThat(generated.json("/intervals").asInt()).isEqualTo(92);
        Api.Response table = api.get(Role.BILLING, "/api/v1/price-calculations/7/tables?area=NO5&from=2026-03-29&to=2026-03-30");
        // (1.8 − 0.9375) × 0.9 = 0.77625
        assertThat(new BigDecimal(table.text("/0/value"))).isEqualByComparingTo("0.776250");
        assertThat(table.json("")).hasSize(92);
    }

    @Test
    void aFileWithAGapIsRejectedWholeAndNamesTheLine() {
        String csv = csv("NO3", LocalDate.of(2025, 12, 3), "0.5");
        String[] lines = csv.split("\n");
        String withGap = String.join("\n", java.util.Arrays.copyOf(lines, 40)) + "\n"
                + String.join("\n", java.util.Arrays.copyOfRange(lines, 41, lines.length)) + "\n";
        DatabaseSnapshot before = snapshot();
        Api.Response rejected = api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv", withGap);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("/violations/0/field")).isEqualTo("line 41");
        assertThat(rejected.text("/violations/0/rule")).isEqualTo("spotPrice.gap");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void malformedFormulaIsRejectedWithPositionAndReason() {
        DatabaseSnapshot before = snapshot();
        Api.Response rejected = api.post(Role.BILLING, "/api/v1/price-calculations", json("number", 99, "name", "Feil", "formula", ":a-(0.40"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("/violations/0/field")).isEqualTo("formula");
        assertThat(rejected.text("/violations/0/rule")).isEqualTo("formula.syntax");
        assertThat(rejected.text("/violations/0/message")).isEqualTo("at position 9: expected ')' but the formula ended");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void tableNeedsCompleteSpotPricesAndBillingRole() {
        api.post(Role.BILLING, "/api/v1/price-calculations", json("number", 5, "name", "Påslag", "formula", ":a+0.05"));
        Api.Response missing = api.post(Role.BILLING, "/api/v1/price-calculations/5/tables",
                json("priceArea", "NO2", "from", "2024-01-01", "to", "2024-01-02"));
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.text("/violations/0/rule")).isEqualTo("priceTable.spotPricesMissing");
        assertThat(api.postText(Role.CUSTOMER_SERVICE, "/api/v1/spot-prices", "text/csv", csv("NO2", LocalDate.of(2024, 1, 1), "1")).status())
                .isEqualTo(403);
    }

    @Test
    void aRevisedSpotPriceInsideAnInvoicedPeriodAsksForRecalculationOfThePointsInTheArea() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Midtnett AS"));
        String inArea = TestData.meteringPointId();
        String elsewhere = TestData.meteringPointId();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(inArea, "NO3", gridOwner, "35", "5001"));
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(elsewhere, "NO4", gridOwner, "35", "5501"));
        steps.billedUntil(inArea, "2026-03-01");
        steps.billedUntil(elsewhere, "2026-03-01");
        LocalDate day = LocalDate.of(2026, 2, 10);
        api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv", csv("NO3", day, "0.9"));
        api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv", csv("NO4", day, "0.9"));
        assertThat(api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + inArea).json("")).isEmpty();

        Api.Response revised = api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv", csv("NO3", day, "0.95"));
        assertThat(revised.status()).as(revised.raw()).isEqualTo(200);
        assertThat(revised.json("/revised").asInt()).isEqualTo(96);
        assertThat(revised.json("/recalculationNeeds").asInt()).isEqualTo(1);

        Api.Response needs = api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + inArea);
        assertThat(needs.json("")).hasSize(1);
        assertThat(needs.text("/0/reason")).isEqualTo("PRICE");
        assertThat(needs.text("/0/from")).isEqualTo("2026-02-10");
        assertThat(needs.text("/0/to")).isEqualTo("2026-02-11");
        assertThat(api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + elsewhere).json("")).isEmpty();
    }

    /** A whole Norwegian day of prices in the CSV layout, at the market resolution of that day. */
    static String csv(String area, LocalDate day, String price) {
        StringBuilder csv = new StringBuilder("start,end,area,NOK_per_kWh\n");
        ZonedDateTime at = day.atStartOfDay(NorwegianTime.ZONE);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(NorwegianTime.ZONE);
        Duration step = day.isBefore(LocalDate.of(2025, 10, 1)) ? Duration.ofHours(1) : Duration.ofMinutes(15);
        while (at.isBefore(end)) {
            ZonedDateTime next = at.plus(step);
            csv.append(at.toOffsetDateTime()).append(',').append(next.toOffsetDateTime()).append(',').append(area).append(',')
                    .append(price).append('\n');
            at = next;
        }
        return csv.toString();
    }

}
