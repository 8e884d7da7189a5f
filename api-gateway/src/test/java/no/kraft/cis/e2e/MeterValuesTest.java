package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Billing imports meter values; corrections keep history and, inside an invoiced period, ask for recalculation. */
class MeterValuesTest extends ApiTest {

    private String point;

    @BeforeEach
    void meteringPoint() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Målenett AS"));
        point = TestData.meteringPointId();
        var body = TestData.meteringPoint(point, "NO1", gridOwner, "35", "0301");
        body.put("validFrom", "2025-09-01");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body).status()).isEqualTo(201);
    }

    /** A day of quarter-hours: value i is {@code base + i/1000} kWh, the last one estimated. */
    static String day(String point, LocalDate day, int quarterHours, String base) {
        String values = IntStream.range(0, quarterHours)
                .mapToObj(i -> new BigDecimal(base).add(BigDecimal.valueOf(i, 3)).toPlainString() + (i == quarterHours - 1 ? "E" : ""))
                .collect(Collectors.joining(" "));
        return point + "," + day + ",PT15M," + values + "\n";
    }

    static final String HEADER = "metering_point_id,day,resolution,values\n";

    @Test
    void everyDuplicateLineIsNamedAndNothingIsStored() {
        LocalDate d1 = LocalDate.of(2025, 10, 1);
        LocalDate d2 = LocalDate.of(2025, 10, 2);
        // lines 2 and 4 are 1 October, 3 and 5 are 2 October, 6 is 1 October a third time (line 1 is the header)
        String file = HEADER + day(point, d1, 96, "0.100") + day(point, d2, 96, "0.100") + day(point, d1, 96, "0.200")
                + day(point, d2, 96, "0.200") + day(point, d1, 96, "0.300");
        Api.Response refused = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", file);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()).toList())
                .containsExactly("line 4|meterValue.duplicateDay", "line 5|meterValue.duplicateDay", "line 6|meterValue.duplicateDay");
        assertThat(refused.json("/violations").valueStream().map(v -> v.at("/message").asString()).toList())
                .allMatch(m -> m.contains("also on line 2") || m.contains("also on line 3"));
        Api.Response values = api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2025-10-01&to=2025-10-03");
        assertThat(values.json("/values")).isEmpty();
    }

    @Test
    void importCorrectAndRecalculate() {
        String file = HEADER + day(point, LocalDate.of(2025, 10, 25), 96, "0.400") + day(point, LocalDate.of(2025, 10, 26), 100, "0.300");
        Api.Response imported = api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-2025-10-27", "text/csv", file);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.json("/values").asLong()).isEqualTo(196);   // 96 + 100 on the 25-hour day
        assertThat(imported.json("/added").asInt()).isEqualTo(2);

        Api.Response values = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/meter-values?from=2025-10-26&to=2025-10-27");
        assertThat(values.json("/values")).hasSize(100);
        assertThat(values.text("/values/0/start")).isEqualTo("2025-10-25T22:00:00Z");
        assertThat(values.text("/values/99/end")).isEqualTo("2025-10-26T23:00:00Z");
        assertThat(values.text("/values/99/quality")).isEqualTo("ESTIMATED");
        // Σ (0.300 + i/1000) for i = 0..99 = 30.000 + 4.950 = 34.950 kWh
        assertThat(new BigDecimal(values.text("/totalKwh"))).isEqualByComparingTo("34.950");

        Api.Response again = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", file);
        assertThat(again.json("/unchanged").asInt()).isEqualTo(2);
        assertThat(again.json("/added").asInt() + again.json("/corrected").asInt()).isZero();

        // Billing has invoiced up to 1 November (what the billing run will record); then a correction for 26 October arrives.
        steps.billedUntil(point, "2025-11-01");
        Api.Response corrected = api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-correction", "text/csv",
                HEADER + day(point, LocalDate.of(2025, 10, 26), 100, "0.350"));
        assertThat(corrected.json("/corrected").asInt()).isEqualTo(1);
        assertThat(corrected.json("/recalculationNeeds").asInt()).isEqualTo(1);

        Api.Response latest = api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values?from=2025-10-26&to=2025-10-27");
        assertThat(new BigDecimal(latest.text("/values/0/kwh"))).isEqualByComparingTo("0.350");   // the latest version is used
        Api.Response revisions = api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/meter-values/2025-10-26/revisions");
        assertThat(revisions.json("")).hasSize(1);
        assertThat(revisions.text("/0/source")).isEqualTo("elhub-2025-10-27");
        assertThat(revisions.text("/0/storedBy")).isEqualTo("test-billing");
        assertThat(new BigDecimal(revisions.text("/0/values/0/kwh"))).isEqualByComparingTo("0.300");

        Api.Response needs = api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + point);
        assertThat(needs.json("")).hasSize(1);
        assertThat(needs.text("/0/reason")).isEqualTo("METER_VALUES");
        assertThat(needs.text("/0/from")).isEqualTo("2025-10-26");
        assertThat(needs.text("/0/to")).isEqualTo("2025-10-27");
    }

    @Test
    void aCorrectionAfterTheBilledPeriodNeedsNoRecalculation() {
        api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", HEADER + day(point, LocalDate.of(2025, 11, 12), 96, "1.000"));
        Api.Response corrected = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv",
                HEADER + day(point, LocalDate.of(2025, 11, 12), 96, "1.100"));
        assertThat(corrected.json("/corrected").asInt()).isEqualTo(1);
        assertThat(corrected.json("/recalculationNeeds").asInt()).isZero();
    }

    @Test
    void badFilesAreRejectedWholeNamingTheLine() {
        DatabaseSnapshot before = snapshot();
        String unknown = TestData.meteringPointId();
        Api.Response rejected = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", HEADER
                + day(point, LocalDate.of(2025, 12, 1), 96, "0.5")
                + day(unknown, LocalDate.of(2025, 12, 1), 96, "0.5"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("/violations/0/field")).isEqualTo("line 3");
        assertThat(rejected.text("/violations/0/rule")).isEqualTo("meteringPoint.unknown");

        Api.Response shortDay = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", HEADER
                + day(point, LocalDate.of(2026, 3, 29), 96, "0.5"));   // the spring DST day has 92 quarter-hours
        assertThat(shortDay.text("/violations/0/rule")).isEqualTo("meterValue.count");

        Api.Response hourly = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", HEADER
                + point + ",2025-12-02,PT1H," + "1.0 ".repeat(23) + "1.0\n");
        assertThat(hourly.text("/violations/0/rule")).isEqualTo("meterValue.resolution");   // the point is metered PT15M

        Api.Response tooPrecise = api.postText(Role.BILLING, "/api/v1/meter-values", "text/csv", HEADER
                + day(point, LocalDate.of(2025, 12, 3), 95, "0.5").replace("\n", " 0.1234\n"));
        assertThat(tooPrecise.text("/violations/0/rule")).isEqualTo("meterValue.decimals");
        assertThat(api.postText(Role.CUSTOMER_SERVICE, "/api/v1/meter-values", "text/csv", HEADER).status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }
}
