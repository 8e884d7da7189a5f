package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Billing stays right when history changes: invoice February 2026, make a back-dated change through the API, run again
 * → a credit note and a correct new invoice (or the invoice that was missing); a further run bills nothing.
 *
 * <p>Each test has its own product: energy at a fixed price per kWh and a fixed monthly amount, both with 25 % VAT, no
 * compensation element (the points are classified, so 900 exists, but no line shows it). Meter values 0.250 kWh a
 * quarter-hour = 24 kWh a day. A whole February on 1.00 NOK/kWh and 28.00 a month: energy 28 × 24 = 672 kWh → 672.00,
 * fixed 28.00, net 700.00, VAT 175.00, total 875.00.
 */
class HistoryChangesTest extends ApiTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void aDeliveryEndedBackInTimeIsCreditedAndTheDaysSuppliedInvoicedAgain() {
        String product = product("1.00", "28.00");
        Supplied s = invoicedFebruary(product);
        String point = s.point();
        long customer = s.customer();
        JsonNode contract = s.contract();
        assertThat(total(invoices(customer).getFirst())).isEqualByComparingTo("875.00");

        // move-out registered late: supply ended on 21 February (exclusive), so 1–20 February = 20 days
        Api.Response ended = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contract.at("/contractNumber").asLong()
                + "/deliveries/" + contract.at("/deliveries/0/id").asLong() + "/end",
                json("endDate", "2026-02-21", "version", contract.at("/version").asLong()));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(needs(point)).singleElement().satisfies(n -> {
            assertThat(n.at("/reason").asString()).isEqualTo("SUPPLY");
            assertThat(n.at("/from").asString()).isEqualTo("2026-02-21");
            assertThat(n.at("/to").asString()).isEqualTo("2026-03-01");
        });

        Api.Response run = bill(customer);
        assertThat(run.json("/creditNotes").asInt()).isEqualTo(1);
        assertThat(run.json("/invoices").asInt()).isEqualTo(1);
        List<JsonNode> invoices = invoices(customer);
        assertThat(invoices).hasSize(3);
        assertThat(total(invoices.get(1))).isEqualByComparingTo("-875.00");
        // energy 20 × 24 = 480 kWh → 480.00; fixed 28.00 × 20 / 28 = 20.00; net 500.00, VAT 125.00, total 625.00
        JsonNode again = invoices.get(2);
        assertThat(lines(again)).containsExactlyInAnyOrder("ENERGY 2026-02-01..2026-02-21 480.000 480.00 120.00",
                "FIXED 2026-02-01..2026-02-21 20.000 20.00 5.00");
        assertThat(total(again)).isEqualByComparingTo("625.00");
        assertThat(again.at("/replacesInvoiceNumber").asLong()).isEqualTo(invoices.get(0).at("/invoiceNumber").asLong());
        assertThat(needs(point)).isEmpty();
        assertFurtherRunBillsNothing(customer);
    }

    @Test
    void aProductChangeBackInTimeIsInvoicedAgainOnBothProducts() {
        String product = product("1.00", "28.00");
        String dearer = product("2.00", "56.00");
        Supplied s = invoicedFebruary(product);
        String point = s.point();
        long customer = s.customer();
        JsonNode contract = s.contract();

        Api.Response changed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contract.at("/contractNumber").asLong()
                + "/deliveries/" + contract.at("/deliveries/0/id").asLong() + "/product-change",
                json("date", "2026-02-15", "productCode", dearer, "version", contract.at("/version").asLong()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        Api.Response run = bill(customer);
        assertThat(run.json("/creditNotes").asInt()).isEqualTo(1);
        JsonNode again = invoices(customer).getLast();
        // 1–14 Feb on the old product: 336 kWh × 1.00 = 336.00, fixed 28.00 × 14 / 28 = 14.00
        // 15–28 Feb on the new one:    336 kWh × 2.00 = 672.00, fixed 56.00 × 14 / 28 = 28.00
        // net 1 050.00, VAT 262.50, total 1 312.50
        assertThat(lines(again)).containsExactlyInAnyOrder(
                "ENERGY 2026-02-01..2026-02-15 336.000 336.00 84.00", "FIXED 2026-02-01..2026-02-15 14.000 14.00 3.50",
                "ENERGY 2026-02-15..2026-03-01 336.000 672.00 168.00", "FIXED 2026-02-15..2026-03-01 14.000 28.00 7.00");
        assertThat(total(again)).isEqualByComparingTo("1312.50");
        assertFurtherRunBillsNothing(customer);
    }

    @Test
    void aDeliveryAddedFromADayInAnInvoicedMonthPutsTheNewPointOnTheInvoice() {
        String product = product("1.00", "28.00");
        String house = point("35", "0301");
        String cabin = point("35", "0301");
        long customer = customer();
        JsonNode contract = contract(customer, product, house, "2026-02-01");
        steps.meterValues(FEBRUARY, Map.of(house, 250, cabin, 500));
        bill(customer);

        Api.Response added = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contract.at("/contractNumber").asLong()
                + "/deliveries", json("meteringPointId", cabin, "productCode", product, "validFrom", "2026-02-10",
                "version", contract.at("/version").asLong()));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);

        Api.Response run = bill(customer);
        assertThat(run.json("/creditNotes").asInt()).isEqualTo(1);
        assertThat(run.json("/invoices").asInt()).isEqualTo(1);
        JsonNode again = invoices(customer).getLast();
        // house as before: 672.00 + 28.00; the new point 10–28 Feb = 19 days × 48 kWh = 912 kWh → 912.00,
        // fixed 28.00 × 19 / 28 = 19.00; net 700.00 + 931.00 = 1 631.00, VAT 407.75, total 2 038.75
        assertThat(again.at("/lines").valueStream().filter(l -> l.at("/meteringPointId").asString().equals(cabin))
                .map(l -> l.at("/netAmount").decimalValue().setScale(2).toPlainString()).toList())
                .containsExactlyInAnyOrder("912.00", "19.00");
        assertThat(total(again)).isEqualByComparingTo("2038.75");
        assertFurtherRunBillsNothing(customer);
    }

    @Test
    void aMoveInBackInTimeInvoicesTheMonthThatWasNeverInvoiced() {
        String product = product("1.00", "31.00");
        String neighbour = point("35", "0301");
        long billedInJanuary = customer();
        contract(billedInJanuary, product, neighbour, "2026-01-01");
        steps.meterValues(JANUARY, Map.of(neighbour, 250));
        assertThat(steps.bill(JANUARY, billedInJanuary).json("/invoices").asInt()).isEqualTo(1);

        // January has been invoiced; now a move-in from 10 January is registered (BRS-NO-103, back in time)
        String flat = point("35", "0301");
        steps.meterValues(JANUARY, Map.of(flat, 250));
        steps.meterValues(FEBRUARY, Map.of(flat, 250));
        long movedIn = customer();
        contract(movedIn, product, flat, "2026-01-10");
        assertThat(needs(flat)).extracting(n -> n.at("/reason").asString()).contains("SUPPLY");

        Api.Response run = bill(movedIn);
        assertThat(run.json("/invoices").asInt()).isEqualTo(2);
        List<JsonNode> invoices = invoices(movedIn);
        assertThat(invoices).extracting(i -> i.at("/periodFrom").asString()).containsExactly("2026-01-01", "2026-02-01");
        // January 10–31 = 22 days: energy 22 × 24 = 528 kWh → 528.00 (VAT 132.00); fixed 31.00 × 22 / 31 = 22.00 (VAT 5.50)
        // total 687.50. February, a whole month: energy 672.00 (168.00), fixed 31.00 × 28 / 28 = 31.00 (7.75) → 878.75
        assertThat(lines(invoices.get(0))).containsExactlyInAnyOrder("ENERGY 2026-01-10..2026-02-01 528.000 528.00 132.00",
                "FIXED 2026-01-10..2026-02-01 22.000 22.00 5.50");
        assertThat(total(invoices.get(0))).isEqualByComparingTo("687.50");
        assertThat(total(invoices.get(1))).isEqualByComparingTo("878.75");
        assertFurtherRunBillsNothing(movedIn);
    }

    @Test
    void aTariffPriceChangedBackInTimeIsInvoicedAgainAtTheNewPrice() {
        String product = product("1.00", "28.00");
        Supplied s = invoicedFebruary(product);
        String point = s.point();
        long customer = s.customer();

        String fixed = product + "-FIXED";
        long version = api.get(Role.BILLING, "/api/v1/tariff-elements/" + fixed).json("/version").asLong();
        Api.Response priced = api.post(Role.BILLING, "/api/v1/tariff-elements/" + fixed + "/prices",
                json("validFrom", "2026-02-01", "amount", "56.00", "version", version));
        assertThat(priced.status()).as(priced.raw()).isEqualTo(200);

        assertThat(bill(customer).json("/creditNotes").asInt()).isEqualTo(1);
        // fixed 56.00 × 28 / 28 = 56.00 (VAT 14.00): net 728.00, VAT 182.00, total 910.00
        assertThat(total(invoices(customer).getLast())).isEqualByComparingTo("910.00");
        assertFurtherRunBillsNothing(customer);
    }

    @Test
    void masterDataChangedBackInTimeIsInvoicedAgain() {
        String product = product("1.00", "28.00");
        Supplied s = invoicedFebruary(product);
        String point = s.point();
        long customer = s.customer();

        // the grid company reports late that the point is VAT-exempt from 1 February (override by staff)
        long version = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("/version").asLong();
        Map<String, Object> body = TestData.meteringPoint(null, "NO1", gridOwner(), "35", "0301");
        body.remove("meteringPointId");
        body.put("validFrom", "2026-02-01");
        body.put("vatExempt", true);
        body.put("version", version);
        Api.Response changed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/characteristics", body);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(needs(point)).extracting(n -> n.at("/reason").asString()).containsExactly("MASTER_DATA");

        assertThat(bill(customer).json("/creditNotes").asInt()).isEqualTo(1);
        assertThat(total(invoices(customer).getLast())).isEqualByComparingTo("700.00");   // no VAT
        assertFurtherRunBillsNothing(customer);
    }

    @Test
    void aChangeThatLeavesTheAmountsAsTheyWereIssuesNothing() {
        String product = product("1.00", "28.00");
        Supplied s = invoicedFebruary(product);
        String point = s.point();
        long customer = s.customer();

        // a correction for 10 February moves consumption between quarter-hours (0.000 and 0.500 kWh in turn, still 24 kWh
        // that day): a recalculation need, but at a fixed price per kWh what should be billed is what was billed
        String values = java.util.stream.IntStream.range(0, 96).mapToObj(q -> q % 2 == 0 ? "0.000" : "0.500")
                .collect(java.util.stream.Collectors.joining(" "));
        Api.Response corrected = api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-correction", "text/csv",
                "metering_point_id,day,resolution,values\n" + point + ",2026-02-10,PT15M," + values + "\n");
        assertThat(corrected.json("/recalculationNeeds").asInt()).isEqualTo(1);
        List<JsonNode> before = invoices(customer);
        Api.Response run = bill(customer);
        assertThat(run.json("/creditNotes").asInt()).isZero();
        assertThat(run.json("/invoices").asInt()).isZero();
        assertThat(invoices(customer)).isEqualTo(before);
        assertThat(needs(point)).as("handled: the comparison found nothing to correct").isEmpty();
    }

    @Test
    void theChunkAndTheOneByOneBillingComputeTheSameLines() {
        // a customer with two deliveries in the month (a product change on the 15th) and a second metering point is
        // invoiced in the run's chunk; a change that alters nothing then sends it through the one-by-one billing, which
        // recomputes the month and compares: the same lines to the øre, so nothing is issued
        String product = product("1.00", "28.00");
        String dearer = product("2.00", "56.00");
        String house = point("35", "0301");
        String cabin = point("36", "0301");
        long customer = customer();
        Api.Response opened = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-02-01",
                List.of(TestData.delivery(house, product, "2026-02-01", null), TestData.delivery(cabin, dearer, "2026-02-01", null))));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        JsonNode contract = opened.body();
        JsonNode houseDelivery = contract.at("/deliveries").valueStream()
                .filter(d -> d.at("/meteringPointId").asString().equals(house)).findFirst().orElseThrow();
        Api.Response changed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contract.at("/contractNumber").asLong()
                + "/deliveries/" + houseDelivery.at("/id").asLong() + "/product-change",
                json("date", "2026-02-15", "productCode", dearer, "version", contract.at("/version").asLong()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        steps.meterValues(FEBRUARY, Map.of(house, 250, cabin, 125));
        // other tests in this database have invoiced February, so the back-dated supply raised needs: in production a
        // month's first invoice has none — without them the run takes its chunk path (which numbers provisionally first)
        jdbc.sql("delete from recalculation_need where metering_point_id in (select id from metering_point where gsrn in (:a, :b))")
                .param("a", house).param("b", cabin).update();
        long provisional = jdbc.sql("select nextval('invoice_provisional_number')").query(Long.class).single();
        assertThat(bill(customer).json("/invoices").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select nextval('invoice_provisional_number')").query(Long.class).single())
                .as("billed in a chunk").isEqualTo(provisional + 2);
        List<JsonNode> before = invoices(customer);
        // house: 1–14 Feb 336 kWh × 1.00 + 28.00 × 14/28, 15–28 Feb 336 kWh × 2.00 + 56.00 × 14/28; cabin 336 kWh × 2.00 + 56.00
        // net 336.00 + 14.00 + 672.00 + 28.00 + 672.00 + 56.00 = 1 778.00 (+ compensation lines, if any scheme applies)
        assertThat(before.getFirst().at("/lines").valueStream().filter(l -> !l.at("/elementCode").asString().contains("STROM")
                        && !l.at("/elementCode").asString().contains("NORGESPRIS"))
                .map(l -> l.at("/netAmount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1778.00");

        String values = java.util.stream.IntStream.range(0, 96).mapToObj(q -> q % 2 == 0 ? "0.000" : "0.500")
                .collect(java.util.stream.Collectors.joining(" "));
        Api.Response corrected = api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-correction", "text/csv",
                "metering_point_id,day,resolution,values\n" + house + ",2026-02-20,PT15M," + values + "\n");
        assertThat(corrected.json("/recalculationNeeds").asInt()).isEqualTo(1);
        // the need names the metering point by its 18-digit ID, not the database's
        assertThat(needs(house)).extracting(n -> n.at("/meteringPointId").asString()).containsOnly(house);
        Api.Response run = bill(customer);
        assertThat(run.json("/creditNotes").asInt()).isZero();
        assertThat(run.json("/invoices").asInt()).isZero();
        assertThat(invoices(customer)).isEqualTo(before);
        assertThat(needs(house)).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    no.kraft.cis.billing.invoicing.ChunkBilling chunkBilling;

    @Test
    void aCustomerWhoseDataIsMissingFailsAloneInItsChunk() {
        String product = product("1.00", "28.00");
        String good = point("35", "0301");
        String unclassified = unclassifiedPoint("35", "0301");   // a household without 900: its billing must fail
        long ok = customer();
        long bad = customer();
        contract(ok, product, good, "2026-02-01");
        contract(bad, product, unclassified, "2026-02-01");
        steps.meterValues(FEBRUARY, Map.of(good, 250, unclassified, 250));
        long okId = jdbc.sql("select id from customer where customer_number = :n").param("n", ok).query(Long.class).single();
        long badId = jdbc.sql("select id from customer where customer_number = :n").param("n", bad).query(Long.class).single();
        jdbc.sql("delete from recalculation_need where metering_point_id in (select id from metering_point where gsrn in (:a, :b))")
                .param("a", good).param("b", unclassified).update();   // as above: a first invoice of the month has no needs

        var result = chunkBilling.bill(List.of(badId, okId), FEBRUARY, null);

        assertThat(result.oneByOne()).isEmpty();
        assertThat(result.failed()).containsOnlyKeys(badId);
        assertThat(result.failed().get(badId)).contains("no settled compensation (property 900)", unclassified);
        // the other is invoiced all the same, in the same transaction: 672 kWh × 1.00 + 28.00 = 700.00, VAT 175.00
        assertThat(result.done().get(okId).invoices()).isEqualTo(1);
        assertThat(result.done().get(okId).total()).isEqualByComparingTo("875.00");
        assertThat(invoices(ok)).hasSize(1);
        assertThat(invoices(bad)).isEmpty();
    }

    @Test
    void aHouseholdWithoutSettledCompensationIsSkippedWithTheReasonUntilItIsClassified() {
        String product = product("1.00", "28.00");
        String point = unclassifiedPoint("35", "0301");
        long customer = customer();
        contract(customer, product, point, "2026-02-01");
        steps.meterValues(FEBRUARY, Map.of(point, 250));

        Api.Response run = bill(customer);
        assertThat(run.json("/customersFailed").asInt()).isEqualTo(1);
        assertThat(run.json("/failures/0/reason").asString())
                .contains("no settled compensation (property 900)", point, "2026-02-01");
        assertThat(invoices(customer)).isEmpty();

        steps.classify(point);
        assertThat(bill(customer).json("/invoices").asInt()).isEqualTo(1);
        assertThat(total(invoices(customer).getFirst())).isEqualByComparingTo("875.00");
    }

    @Test
    void aBusinessInTromsoPaysVatAndAHouseholdThereDoesNot() {
        String product = product("1.00", "28.00");
        String shop = point("42", "5501");
        String home = point("35", "5501");
        long business = customer();
        long household = customer();
        contract(business, product, shop, "2026-02-01");
        contract(household, product, home, "2026-02-01");
        steps.meterValues(FEBRUARY, Map.of(shop, 250, home, 250));
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + shop).json("/characteristics/vatExempt").asBoolean()).isFalse();
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + home).json("/characteristics/vatExempt").asBoolean()).isTrue();
        bill(business);
        bill(household);
        // net 700.00 each; merverdiavgiftsloven § 6-6 exempts household use only: the shop pays 175.00 VAT
        assertThat(total(invoices(business).getFirst())).isEqualByComparingTo("875.00");
        assertThat(total(invoices(household).getFirst())).isEqualByComparingTo("700.00");
    }

    @Test
    void aMonthNoCompensationRuleCoversFailsTheCustomerNamingTheMissingRule() {
        String product = product("1.00", "28.00");
        String point = point("35", "0301");                    // 900 = 0 strømstøtte
        long customer = customer();
        contract(customer, product, point, "2026-02-01");
        steps.meterValues(FEBRUARY, Map.of(point, 250));
        // the 2026 rule ends on 15 February here: the rest of the month is covered by no rule row
        jdbc.sql("update compensation_rule set valid_to = '2026-02-15' where valid_from = '2026-01-01'").update();
        try {
            Api.Response run = bill(customer);
            assertThat(run.json("/customersFailed").asInt()).isEqualTo(1);
            assertThat(run.json("/failures/0/reason").asString())
                    .contains("no compensation rule (compensation_rule) for stromstotte covers 2026-02-15");
            assertThat(invoices(customer)).isEmpty();
        } finally {
            jdbc.sql("update compensation_rule set valid_to = '2027-01-01' where valid_from = '2026-01-01'").update();
        }
        assertThat(bill(customer).json("/invoices").asInt()).isEqualTo(1);
    }

    // --- set-up through the API ---------------------------------------------------------------------------------------

    private String gridOwner;

    /** The strømstøtte settlement behind every point needs the month's spot prices (the same as the other tests'). */
    private static boolean pricesLoaded;

    @org.junit.jupiter.api.BeforeEach
    void spotPrices() {
        if (!pricesLoaded) {
            steps.spotPrices(JANUARY, Map.of("NO1", "1.00"));
            steps.spotPrices(FEBRUARY, Map.of("NO1", "1.00"));
            pricesLoaded = true;
        }
    }

    private String gridOwner() {
        if (gridOwner == null) {
            gridOwner = TestData.gln();
            assertThat(api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Historienett AS")).status())
                    .isEqualTo(201);
        }
        return gridOwner;
    }

    /** A product with energy at {@code perKwh} and {@code monthly} a month, both with VAT; its elements are named after it. */
    private String product(String perKwh, String monthly) {
        String code = "HIST" + TestData.unique();
        jdbc.sql("""
                insert into product (code, name, kind, version, created_at, created_by, updated_at, updated_by)
                values (:code, 'Historie', 'SPOT', 0, now(), 'test', now(), 'test')""").param("code", code).update();
        steps.tariffElement(json("code", code + "-ENERGY", "groupCode", "KRAFT", "productCode", code, "kind", "ENERGY_PRICE",
                "invoiceText", "Strøm", "vat", "STANDARD", "validFrom", "2026-01-01", "price", json("amount", perKwh)));
        steps.tariffElement(json("code", code + "-FIXED", "groupCode", "KRAFT", "productCode", code, "kind", "FIXED_MONTHLY",
                "invoiceText", "Fastbeløp", "vat", "STANDARD", "validFrom", "2026-01-01", "price", json("amount", monthly)));
        return code;
    }

    /** A household point on {@code product}, its customer and contract from 1 February, February's values, invoiced. */
    private record Supplied(String point, long customer, JsonNode contract) {
    }

    private Supplied invoicedFebruary(String product) {
        String point = point("35", "0301");
        long customer = customer();
        JsonNode contract = contract(customer, product, point, "2026-02-01");
        steps.meterValues(FEBRUARY, Map.of(point, 250));
        assertThat(bill(customer).json("/invoices").asInt()).isEqualTo(1);
        return new Supplied(point, customer, contract);
    }


    private String point(String group, String municipality) {
        String id = unclassifiedPoint(group, municipality);
        steps.classify(id);
        return id;
    }

    private String unclassifiedPoint(String group, String municipality) {
        String id = TestData.meteringPointId();
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(id, "NO1", gridOwner(), group, municipality));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return id;
    }


    private long customer() {
        return api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Historie", "Kunde"))
                .json("/customerNumber").asLong();
    }

    private JsonNode contract(long customer, String product, String point, String from) {
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, from,
                List.of(TestData.delivery(point, product, from, null))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private Api.Response bill(long customer) {
        return steps.bill(FEBRUARY, customer);
    }

    private void assertFurtherRunBillsNothing(long customer) {
        DatabaseSnapshot before = snapshot().withoutRunBookkeeping();
        Api.Response again = bill(customer);
        assertThat(again.json("/invoices").asInt()).isZero();
        assertThat(again.json("/creditNotes").asInt()).isZero();
        assertThat(snapshot().withoutRunBookkeeping()).isEqualTo(before);
    }

    private List<JsonNode> needs(String point) {
        return api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + point).json("").valueStream().toList();
    }

    private List<JsonNode> invoices(long customer) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/invoices").json("").valueStream().toList();
    }

    private static BigDecimal total(JsonNode invoice) {
        return invoice.at("/totalAmount").decimalValue();
    }

    /** "ENERGY|FIXED from..to quantity net vat". */
    private static List<String> lines(JsonNode invoice) {
        return invoice.at("/lines").valueStream().map(l -> l.at("/elementCode").asString().replaceAll("^HIST\\d+-", "") + " "
                + l.at("/from").asString() + ".." + l.at("/to").asString() + " "
                + l.at("/quantity").decimalValue().setScale(3).toPlainString() + " "
                + l.at("/netAmount").decimalValue().setScale(2).toPlainString() + " "
                + l.at("/vatAmount").decimalValue().setScale(2).toPlainString()).toList();
    }
}
