package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/**
 * The RME file for a hand-made November 2025 — a household, a cabin over its cap, a housing cooperative (NACE 68.201)
 * below the Norgespris price, an agreement starting on the 16th and one cancelled from the 21st — compared byte for byte
 * with {@code rme/90000000_202511.csv}, whose numbers are worked out here:
 *
 * <pre>
 * house  NO1 spot 1.00, 0.5 kWh/quarter = 1 440 kWh: (1.00 − 0.40) × 1 440 = 864 × 1.25 = 1 080 credited → −1080,000
 * cabin  NO5 spot 0.80, 1 440 kWh, cap 1 000:        (0.80 − 0.40) × 1 000 = 400 × 1.25 =   500 credited →  −500,000
 * coop   NO3 spot 0.30, 1 kWh/quarter = 2 880 kWh:   (0.30 − 0.40) × 2 880 = −288 × 1.25 = 360 charged   →   360,000
 * start  NO1, Norgespris 16–30 Nov = 15 × 48 = 720:   0.60 × 720 = 432 × 1.25 =                  540      →  −540,000
 * cancel NO1, Norgespris 1–20 Nov = 20 × 48 = 960:    0.60 × 960 = 576 × 1.25 =                  720      →  −720,000
 * </pre>
 */
class RmeReportTest extends ApiTest {

    private static final String HOUSE = "707057500090000011";
    private static final String CABIN = "707057500090000028";
    private static final String COOP = "707057500090000035";
    private static final String STARTS = "707057500090000042";
    private static final String CANCELS = "707057500090000059";
    private static final YearMonth NOVEMBER = YearMonth.of(2025, 11);

    @Test
    void goldenFileRegeneratedIdenticallyAndVersionedWhenDataChanges() throws IOException {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Rapportnett AS"));
        point(HOUSE, "NO1", "35", null, "0301", gridOwner);
        point(CABIN, "NO5", "36", null, "4621", gridOwner);
        point(COOP, "NO3", "35", "68.201", "5001", gridOwner);
        point(STARTS, "NO1", "35", null, "0301", gridOwner);
        point(CANCELS, "NO1", "35", null, "0301", gridOwner);
        steps.setProperty(Role.CUSTOMER_SERVICE, HOUSE, 888, 1, "2025-10-01");
        steps.setProperty(Role.CUSTOMER_SERVICE, CABIN, 888, 1, "2025-10-01");
        steps.setProperty(Role.CUSTOMER_SERVICE, COOP, 888, 1, "2025-10-01");
        steps.setProperty(Role.CUSTOMER_SERVICE, STARTS, 888, 1, "2025-11-16");
        steps.setProperty(Role.CUSTOMER_SERVICE, CANCELS, 888, 1, "2025-10-01");
        steps.setProperty(Role.CUSTOMER_SERVICE, CANCELS, 888, 3, "2025-11-21");
        for (String p : List.of(HOUSE, CABIN, COOP, STARTS, CANCELS)) {
            api.post(Role.BILLING, "/api/v1/metering-points/" + p + "/compensation-classification", Map.of());
        }
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Rme", "Kunde"))
                .json("/customerNumber").asLong();
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2025-11-01",
                List.of(HOUSE, CABIN, COOP, STARTS, CANCELS).stream().map(p -> TestData.delivery(p, "VARIABEL", "2025-11-01", "2025-12-01"))
                        .toList()));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        steps.spotPrices(NOVEMBER, Map.of("NO1", "1.00", "NO3", "0.30", "NO5", "0.80"));
        steps.meterValues(NOVEMBER, Map.of(HOUSE, 500, CABIN, 500, COOP, 1000, STARTS, 500, CANCELS, 500));
        bill(NOVEMBER, customer);

        Api.Response produced = api.post(Role.BILLING, "/api/v1/rme-reports", json("month", "2025-11"));
        assertThat(produced.status()).as(produced.raw()).isEqualTo(201);
        long id = produced.json("/report/id").asLong();
        assertThat(produced.text("/report/fileName")).isEqualTo("90000000_202511.csv");
        Api.Download file = api.download(Role.BILLING, "/api/v1/rme-reports/" + id + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.disposition()).contains("90000000_202511.csv");
        byte[] expected = resource("rme/90000000_202511.csv");
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(file.body()).isEqualTo(expected);   // byte for byte: UTF-8, no BOM, CRLF

        // Round trip: parse the file again and check its totals against the archive and the settlement.
        List<String[]> rows = Arrays.stream(new String(file.body(), StandardCharsets.UTF_8).split("\r\n")).skip(1)
                .map(l -> l.split(";", -1)).toList();
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(9));
        BigDecimal amount = rows.stream().map(r -> new BigDecimal(r[5].replace(',', '.'))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal covered = rows.stream().map(r -> new BigDecimal(r[7].replace(',', '.'))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(amount).isEqualByComparingTo(produced.json("/report/totalAmount").decimalValue()).isEqualByComparingTo("-2480");
        assertThat(covered).isEqualByComparingTo(produced.json("/report/totalCoveredKwh").decimalValue());
        Api.Response houseSettlement = api.get(Role.BILLING, "/api/v1/metering-points/" + HOUSE + "/settlements/2025-11");
        assertThat(new BigDecimal(rows.getFirst()[5].replace(',', '.')).negate())
                .isEqualByComparingTo(houseSettlement.json("/norgespris/amount").decimalValue());

        // Unchanged data: the same bytes, no new version.
        Api.Response again = api.post(Role.BILLING, "/api/v1/rme-reports", json("month", "2025-11"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json("/newVersion").asBoolean()).isFalse();
        assertThat(again.json("/report/id").asLong()).isEqualTo(id);

        // A correction after submission (house, 10 November: 1 kWh a quarter, +48 kWh) → a new version, the difference shown:
        // 48 kWh × 0.60 × 1.25 = 36 more credited → −36,000.
        api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-correction", "text/csv",
                "metering_point_id,day,resolution,values\n" + Steps.day(HOUSE, LocalDate.of(2025, 11, 10), 1000));
        bill(NOVEMBER, customer);
        Api.Response second = api.post(Role.BILLING, "/api/v1/rme-reports", json("month", "2025-11"));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.json("/report/version").asInt()).isEqualTo(2);
        assertThat(second.json("/previousVersion").asInt()).isEqualTo(1);
        assertThat(second.json("/differenceFromPrevious/amount").decimalValue()).isEqualByComparingTo("-36");
        assertThat(second.json("/differenceFromPrevious/coveredKwh").decimalValue()).isEqualByComparingTo("48");
        assertThat(api.get(Role.BILLING, "/api/v1/rme-reports").json("").valueStream()
                .filter(r -> r.at("/month").asString().equals("2025-11")).count()).isEqualTo(2);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/rme-reports").status()).isEqualTo(403);
    }

    @org.springframework.beans.factory.annotation.Autowired
    no.kraft.cis.billing.settlement.NorgesprisRows norgesprisRows;

    @Test
    void rowsCoverOnlyTheDaysWeSuppliedAfterAMidMonthSwitchOrAMoveOut() {
        // January 2026, NO1 spot 1.00, Norgespris all month, 0.5 kWh a quarter = 48 kWh a day; the grid company's values
        // cover the whole month (the cap counts from the 1st), but we supply the leaver 1–20 January and the switcher
        // from the 11th:
        //   leaver   1–20 Jan: 20 × 48 = 960 kWh, 0.60 × 960 × 1.25 = 720.00 → til_dato 2026-01-21 (not 2026-02-01)
        //   switcher 11–31 Jan: 21 × 48 = 1 008 kWh, 0.60 × 1 008 × 1.25 = 756.00 → fra_dato 2026-01-11
        YearMonth january = YearMonth.of(2026, 1);
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Flyttnett AS"));
        String leaver = TestData.meteringPointId();
        String switcher = TestData.meteringPointId();
        for (String p : List.of(leaver, switcher)) {
            point(p, "NO1", "35", null, "0301", gridOwner);
            steps.setProperty(Role.CUSTOMER_SERVICE, p, 888, 1, "2025-10-01");
            api.post(Role.BILLING, "/api/v1/metering-points/" + p + "/compensation-classification", Map.of());
        }
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Flytt", "Kunde"))
                .json("/customerNumber").asLong();
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                List.of(TestData.delivery(leaver, "VARIABEL", "2026-01-01", "2026-01-21"),
                        TestData.delivery(switcher, "VARIABEL", "2026-01-11", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        steps.spotPrices(january, Map.of("NO1", "1.00"));
        steps.meterValues(january, Map.of(leaver, 500, switcher, 500));
        bill(january, customer);

        List<String> rows = new java.util.ArrayList<>();
        norgesprisRows.forEach(january, r -> {
            if (r.meteringPointId().equals(leaver) || r.meteringPointId().equals(switcher)) {
                rows.add((r.meteringPointId().equals(leaver) ? "leaver " : "switcher ") + r.period().from() + ".." + r.period().to()
                        + " " + r.actualWh() + " " + r.coveredWh() + " " + r.amount());
            }
        });
        assertThat(rows).containsExactlyInAnyOrder("leaver 2026-01-01..2026-01-21 960000 960000 720.00",
                "switcher 2026-01-11..2026-02-01 1008000 1008000 756.00");
    }

    @Test
    void aRowWithoutAPriceCodeBlocksTheFileAndNamesTheMeteringPoint() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Blokknett AS"));
        String business = "707057500090000066";
        point(business, "NO1", "42", null, "0301", gridOwner);
        steps.setProperty(Role.CUSTOMER_SERVICE, business, 870, 1, "2025-10-01");          // staff forced Norgespris household on a business (group 42)
        api.post(Role.BILLING, "/api/v1/metering-points/" + business + "/compensation-classification", Map.of());
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Blokk", "Kunde"))
                .json("/customerNumber").asLong();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2025-12-01",
                List.of(TestData.delivery(business, "VARIABEL", "2025-12-01", null))));
        YearMonth december = YearMonth.of(2025, 12);
        steps.spotPrices(december, Map.of("NO1", "1.00"));
        steps.meterValues(december, Map.of(business, 500));
        bill(december, customer);

        DatabaseSnapshot before = snapshot();
        Api.Response blocked = api.post(Role.BILLING, "/api/v1/rme-reports", json("month", "2025-12"));
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(409);
        assertThat(blocked.text("/violations/0/field")).isEqualTo("rows[" + business + "]");
        assertThat(blocked.text("/violations/0/rule")).isEqualTo("rme.groupUnknown");
        assertThat(snapshot()).isEqualTo(before);
    }

    private void point(String id, String area, String group, String nace, String municipality, String gridOwner) {
        Map<String, Object> body = TestData.meteringPoint(id, area, gridOwner, group, municipality);
        body.put("validFrom", "2025-08-01");
        if (nace != null) {
            body.put("industryCode", nace);
        }
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** The billing run settles the month (and bills; these customers' product has no elements then). */
    private void bill(YearMonth month, long customer) {
        assertThat(steps.bill(month, customer).text("/status")).isEqualTo("COMPLETED");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RmeReportTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
