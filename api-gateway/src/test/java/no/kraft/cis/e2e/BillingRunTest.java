package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monthly billing run through the API: a customer with a house (NO1) and a cabin in Tromsø (NO4, VAT-exempt), both
 * on Norgespris, billed for February 2026 on one invoice; a re-run bills nothing twice; a customer without meter values
 * is reported and skipped; a correction of February's values is credited and re-invoiced by the next run.
 *
 * <p>Product E2EBILL: energy from price table ":a+0.02" (STANDARD VAT), 49.00 a month (STANDARD), Norgespris line
 * (segment 101 or 102 → the settlement). Spot prices all February: NO1 1.00, NO4 0.80 NOK/kWh excl. VAT.
 */
class BillingRunTest extends ApiTest {

    private static final String PRODUCT = "E2EBILL";
    private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void billAMonthRerunAndCorrect() {
        setUpProductAndPrices();
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Fakturanett AS"));
        String house = point(gridOwner, "NO1", "35", "0301");
        String cabin = point(gridOwner, "NO4", "36", "5501");       // Tromsø: VAT-exempt
        long customer = customer();
        contract(customer, List.of(house, cabin));
        norgesprisFrom(house, "2026-02-01");
        norgesprisFrom(cabin, "2026-02-01");
        meterValues(house, 500);                                   // 0.500 kWh a quarter = 48 kWh a day, 1 344 kWh
        meterValues(cabin, 250);                                   // 0.250 kWh a quarter = 24 kWh a day,   672 kWh

        String lonely = point(gridOwner, "NO1", "35", "0301");     // supplied, but no meter values arrive
        long withoutValues = customer();
        contract(withoutValues, List.of(lonely));

        Api.Response run = runAndWait(null);
        assertThat(run.text("/status")).isEqualTo("COMPLETED");
        assertThat(run.json("/failures").valueStream().filter(f -> f.at("/customerNumber").asLong() == withoutValues)
                .map(f -> f.at("/reason").asString()).toList())
                .singleElement().asString().contains("no complete meter values for " + lonely);

        List<JsonNode> invoices = invoices(customer);
        assertThat(invoices).hasSize(1);
        JsonNode february = invoices.getFirst();
        assertThat(february.at("/kind").asString()).isEqualTo("INVOICE");
        assertThat(february.at("/periodFrom").asString()).isEqualTo("2026-02-01");
        assertThat(february.at("/periodTo").asString()).isEqualTo("2026-03-01");
        // due by the payment terms in force on the issue date (the seeded row: 14 days)
        LocalDate issued = LocalDate.parse(february.at("/issueDate").asString());
        assertThat(february.at("/dueDate").asString()).isEqualTo(issued.plusDays(14).toString());
        // House (NO1, VAT 25 %):  energy 1 344 kWh × 1.02 = 1 370.88 (VAT 342.72); fixed 49.00 × 28/28 (VAT 12.25);
        //                         Norgespris (1.00 − 0.40) × 1 344 = 806.40 → −806.40 (VAT −201.60)
        // Cabin (NO4, exempt):    energy 672 × 0.82 = 551.04; fixed 49.00; Norgespris (0.80 − 0.40) × 672 = 268.80 → −268.80
        // net 1 370.88 + 49.00 − 806.40 + 551.04 + 49.00 − 268.80 = 944.72; VAT 342.72 + 12.25 − 201.60 = 153.37
        assertThat(lines(february)).containsExactlyInAnyOrder(
                house + " ENERGY 1344.000 1370.88 342.72",
                house + " FIXED 28.000 49.00 12.25",
                house + " NORGESPRIS 1344.000 -806.40 -201.60",
                cabin + " ENERGY 672.000 551.04 0.00",
                cabin + " FIXED 28.000 49.00 0.00",
                cabin + " NORGESPRIS 672.000 -268.80 0.00");
        assertThat(amount(february, "/netAmount")).isEqualByComparingTo("944.72");
        assertThat(amount(february, "/vatAmount")).isEqualByComparingTo("153.37");
        assertThat(amount(february, "/totalAmount")).isEqualByComparingTo("1098.09");
        assertThat(validKid(february.at("/kid").asString())).isTrue();

        // The settlement is stored for customer service and RME.
        Api.Response settlement = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + house + "/settlements/2026-02");
        assertThat(settlement.status()).as(settlement.raw()).isEqualTo(200);
        assertThat(amount(settlement.body(), "/norgespris/amount")).isEqualByComparingTo("1008.00");   // 806.40 × 1.25
        assertThat(amount(settlement.body(), "/norgespris/coveredKwh")).isEqualByComparingTo("1344");
        assertThat(settlement.json("/days")).hasSize(28);

        // The cost explainer for 10 February: 0.500 kWh a quarter = 2.000 kWh an hour at spot 1.00, 9 × 48 = 432 kWh used
        // before the day, all inside the 5 000 kWh cap: each hour (1.00 − 0.40) × 2.000 × 1.25 = 1.5000, the day 24 × 1.5 = 36.0000
        Api.Response why = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + house + "/settlement-days/2026-02-10");
        assertThat(why.status()).as(why.raw()).isEqualTo(200);
        assertThat(why.text("/settledPer")).isEqualTo("PT60M");
        assertThat(amount(why.body(), "/monthToDateBeforeKwh")).isEqualByComparingTo("432");
        assertThat(amount(why.body(), "/capKwh")).isEqualByComparingTo("5000");
        assertThat(amount(why.body(), "/referencePrice")).isEqualByComparingTo("0.40");
        assertThat(why.json("/intervals")).hasSize(24);
        assertThat(why.text("/intervals/0/start")).isEqualTo("2026-02-09T23:00:00Z");    // midnight in Oslo
        assertThat(amount(why.body(), "/intervals/0/kwh")).isEqualByComparingTo("2.000");
        assertThat(amount(why.body(), "/intervals/0/spotPrice")).isEqualByComparingTo("1.00");
        assertThat(amount(why.body(), "/intervals/0/coveredKwh")).isEqualByComparingTo("2.000");
        assertThat(amount(why.body(), "/intervals/23/amount")).isEqualByComparingTo("1.5000");
        assertThat(amount(why.body(), "/intervals/23/monthToDateKwh")).isEqualByComparingTo("480");
        assertThat(amount(why.body(), "/amount")).isEqualByComparingTo("36.0000");
        assertThat(why.text("/storedSettlement")).isEqualTo("MATCHES");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + house + "/settlement-days/2026-13-01")
                .text("/violations/0/field")).isEqualTo("day");

        // Re-running bills nothing twice.
        DatabaseSnapshot before = snapshotOfInvoices();
        Api.Response again = runAndWait(customer);
        assertThat(again.json("/invoices").asInt()).isZero();
        assertThat(again.json("/customersSkipped").asInt()).isEqualTo(1);
        // its progress: one customer to look at (counted at the start), one done, no time left once it is over
        assertThat(again.json("/customersTotal").asInt()).isEqualTo(1);
        assertThat(again.json("/customersDone").asInt()).isEqualTo(1);
        assertThat(again.json("/estimatedSecondsLeft").isNull() || again.json("/estimatedSecondsLeft").isMissingNode()).isTrue();
        assertThat(snapshotOfInvoices()).isEqualTo(before);

        // A correction for 10 February arrives (1.000 kWh a quarter: +48 kWh on the house) → recalculation need.
        Api.Response corrected = api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-correction", "text/csv",
                "metering_point_id,day,resolution,values\n" + Steps.day(house, LocalDate.of(2026, 2, 10), 1000));
        assertThat(corrected.json("/recalculationNeeds").asInt()).isEqualTo(1);
        // until the next run, the explainer shows the corrected day (96 kWh) and says the invoiced settlement differs
        Api.Response changed = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + house + "/settlement-days/2026-02-10");
        assertThat(amount(changed.body(), "/actualKwh")).isEqualByComparingTo("96");
        assertThat(changed.text("/storedSettlement")).isEqualTo("DIFFERS");

        Api.Response correction = runAndWait(customer);
        assertThat(correction.json("/creditNotes").asInt()).isEqualTo(1);
        assertThat(correction.json("/invoices").asInt()).isEqualTo(1);
        invoices = invoices(customer);
        assertThat(invoices).hasSize(3);
        JsonNode original = invoices.get(0);
        JsonNode credit = invoices.get(1);
        JsonNode reissued = invoices.get(2);
        assertThat(original.at("/credited").asBoolean()).isTrue();
        assertThat(credit.at("/kind").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(credit.at("/creditsInvoiceNumber").asLong()).isEqualTo(original.at("/invoiceNumber").asLong());
        assertThat(amount(credit, "/totalAmount")).isEqualByComparingTo("-1098.09");
        assertThat(reissued.at("/replacesInvoiceNumber").asLong()).isEqualTo(original.at("/invoiceNumber").asLong());
        // House now 1 392 kWh: energy 1 392 × 1.02 = 1 419.84 (VAT 354.96); Norgespris 0.60 × 1 392 = 835.20 (VAT 208.80)
        // net 1 419.84 + 49.00 − 835.20 + 551.04 + 49.00 − 268.80 = 964.88; VAT 354.96 + 12.25 − 208.80 = 158.41
        assertThat(amount(reissued, "/netAmount")).isEqualByComparingTo("964.88");
        assertThat(amount(reissued, "/vatAmount")).isEqualByComparingTo("158.41");
        assertThat(amount(reissued, "/totalAmount")).isEqualByComparingTo("1123.29");
        assertThat(api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + house).json("")).isEmpty();

        // Invoice numbers: unique and without gaps, across everything ever issued.
        List<Long> numbers = jdbc.sql("select invoice_number from invoice order by 1").query(Long.class).list();
        assertThat(numbers.getLast() - numbers.getFirst() + 1).isEqualTo(numbers.size());
    }

    @Test
    void aRunStoppedHalfWayResumesWithoutDuplicatesOrGaps() {
        List<Long> customers = customersWithFebruaryValues("Restartnett AS", 6);

        // A crash after the first customers were billed leaves exactly this state: some customers billed, the rest not.
        for (long c : customers.subList(0, 2)) {
            assertThat(runAndWait(c).json("/invoices").asInt()).isEqualTo(1);
        }
        Api.Response resumed = runAndWait(null);
        assertThat(resumed.text("/status")).isEqualTo("COMPLETED");
        assertEachBilledOnceWithGapFreeNumbers(customers);

        // A stopped or failed run can be restarted; a completed one cannot.
        Api.Response restart = api.post(Role.BILLING, "/api/v1/billing-runs/" + resumed.json("/id").asLong() + "/restart", Map.of());
        assertThat(restart.status()).isEqualTo(409);
    }

    @Test
    void aRunStoppedMidWayIsRestartedThroughSpringBatchAndFinishesWithoutDuplicatesOrGaps() {
        List<Long> customers = customersWithFebruaryValues("Stoppnett AS", 40);

        Api.Response started = api.post(Role.BILLING, "/api/v1/billing-runs", json("month", "2026-02"));
        long id = started.json("/id").asLong();
        org.junit.jupiter.api.Assumptions.assumeTrue(stopAfterThreeBilled(id), "the run finished before it could be stopped");
        Api.Response afterStop = steps.waitForRun(id);
        assertThat(afterStop.text("/status")).isEqualTo("STOPPED");
        long billedBefore = customers.stream().filter(c -> !invoices(c).isEmpty()).count();
        assertThat(billedBefore).isLessThan(customers.size());

        Api.Response restarted = api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/restart", Map.of());
        assertThat(restarted.status()).as(restarted.raw()).isEqualTo(202);
        assertThat(steps.waitForRun(id).text("/status")).isEqualTo("COMPLETED");
        assertEachBilledOnceWithGapFreeNumbers(customers);
    }

    @org.springframework.beans.factory.annotation.Autowired
    no.kraft.cis.billing.run.BillingRuns billingRuns;

    @Test
    void aRunInterruptedByTheApplicationDyingIsFoundAtStartUpAndResumedByRestart() {
        List<Long> customers = customersWithFebruaryValues("Krasjnett AS", 40);

        long id = api.post(Role.BILLING, "/api/v1/billing-runs", json("month", "2026-02")).json("/id").asLong();
        // a second run for the month while this one runs is refused, naming the running run
        Api.Response second = api.post(Role.BILLING, "/api/v1/billing-runs", json("month", "2026-02"));
        Api.Response first = api.get(Role.BILLING, "/api/v1/billing-runs/" + id);
        if (first.text("/status").equals("STARTED")) {
            assertThat(second.status()).as(second.raw()).isEqualTo(409);
            assertThat(second.text("/violations/0/rule")).isEqualTo("billingRun.alreadyRunning");
            assertThat(second.text("/violations/0/message")).contains("billing run " + id);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(stopAfterThreeBilled(id), "the run finished before it could be interrupted");
        assertThat(steps.waitForRun(id).text("/status")).isEqualTo("STOPPED");

        // What killing the JVM at this point leaves in the database: every row as last committed, the run and its Spring
        // Batch executions still marked running (nothing got to write an end). Then the application starts again.
        long execution = jdbc.sql("select job_execution_id from billing_run where id = :id").param("id", id).query(Long.class).single();
        jdbc.sql("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null where job_execution_id = :e")
                .param("e", execution).update();
        jdbc.sql("""
                update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null
                where job_execution_id = :e and status = 'STOPPED'""").param("e", execution).update();
        jdbc.sql("update billing_run set status = 'STARTED', finished_at = null where id = :id").param("id", id).update();
        assertThat(api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/restart", Map.of()).status())
                .as("still marked running: not restartable").isEqualTo(409);

        assertThat(billingRuns.recoverInterrupted()).containsExactly(id);       // the start-up check
        assertThat(api.get(Role.BILLING, "/api/v1/billing-runs/" + id).text("/status")).isEqualTo("INTERRUPTED");
        assertThat(api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/stop", Map.of()).status()).isEqualTo(409);
        Api.Response restarted = api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/restart", Map.of());
        assertThat(restarted.status()).as(restarted.raw()).isEqualTo(202);
        assertThat(steps.waitForRun(id).text("/status")).isEqualTo("COMPLETED");
        assertEachBilledOnceWithGapFreeNumbers(customers);
    }

    @Test
    void aRunForACustomerWhoDoesNotExistIs404() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/billing-runs", json("month", "2026-02", "customerNumber", "9999999"));
        assertThat(r.status()).as(r.raw()).isEqualTo(404);
    }

    @Test
    void aCorrectionAfterAMoveIsCreditedOnlyToTheCustomerWhoHadTheDays() {
        setUpProductAndPrices();
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Flyttenett AS"));
        String flat = point(gridOwner, "NO1", "35", "0301");
        long leaving = customer();
        long arriving = customer();
        // the first tenant has the flat 1–15 February, the next from the 15th
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(leaving, "2026-02-01",
                List.of(TestData.delivery(flat, PRODUCT, "2026-02-01", "2026-02-15")))).status()).isEqualTo(201);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(arriving, "2026-02-15",
                List.of(TestData.delivery(flat, PRODUCT, "2026-02-15", null)))).status()).isEqualTo(201);
        meterValues(flat, 200);
        runAndWait(leaving);
        runAndWait(arriving);
        assertThat(invoices(leaving)).hasSize(1);
        assertThat(invoices(arriving)).hasSize(1);

        // A correction for 20 February concerns the new tenant's invoice only.
        api.postText(Role.BILLING, "/api/v1/meter-values?source=elhub-correction", "text/csv",
                "metering_point_id,day,resolution,values\n" + Steps.day(flat, LocalDate.of(2026, 2, 20), 300));
        assertThat(runAndWait(leaving).json("/creditNotes").asInt()).isZero();
        assertThat(runAndWait(arriving).json("/creditNotes").asInt()).isEqualTo(1);
        assertThat(invoices(leaving)).hasSize(1);
        assertThat(invoices(arriving)).hasSize(3);
    }

    @Test
    void compensationLinesSplitByAProductChangeAddUpToTheSettlementToTheOre() {
        setUpProductAndPrices();
        jdbc.sql("""
                insert into product (code, name, kind, version, created_at, created_by, updated_at, updated_by)
                values ('E2EBILL2', 'Spot e2e 2', 'SPOT', 0, now(), 'test', now(), 'test') on conflict do nothing""").update();
        if (api.get(Role.BILLING, "/api/v1/tariff-elements/E2E-NP-HOUSE-2").status() != 200) {
            steps.tariffElement(json("code", "E2E-NP-HOUSE-2", "groupCode", "STROMSTOTTE", "productCode", "E2EBILL2", "kind", "COMPENSATION",
                    "invoiceText", "Norgespris", "vat", "STANDARD", "requiredSegmentId", 101, "validFrom", "2025-10-01",
                    "price", json("amount", "0.40")));
        }
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Ørenett AS"));
        String house = point(gridOwner, "NO1", "35", "0301");
        long customer = customer();
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-02-01",
                List.of(TestData.delivery(house, PRODUCT, "2026-02-01", null))));
        long number = contract.json("/contractNumber").asLong();
        Api.Response changed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + number + "/deliveries/"
                + contract.json("/deliveries/0/id").asLong() + "/product-change",
                json("date", "2026-02-15", "productCode", "E2EBILL2", "version", contract.json("/version").asLong()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        norgesprisFrom(house, "2026-02-01");
        meterValues(house, 333);          // 0.333 kWh a quarter = 31.968 kWh a day
        runAndWait(customer);

        // a day: (1.00 − 0.40) × 31.968 × 1.25 = 23.976; 14 days each side: 335.664 + 335.664 = 671.328 → 671.33
        // rounded per line: 335.66 + 335.66 = 671.32 — one øre short; cumulatively: 335.66 + (671.33 − 335.66 = 335.67)
        JsonNode invoice = invoices(customer).getFirst();
        List<BigDecimal> norgespris = invoice.at("/lines").valueStream().filter(l -> l.at("/elementCode").asString().startsWith("E2E-NP"))
                .map(l -> l.at("/netAmount").decimalValue().add(l.at("/vatAmount").decimalValue())).toList();
        assertThat(norgespris).hasSize(2);
        assertThat(norgespris.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("-671.33");
        Api.Response settlement = api.get(Role.BILLING, "/api/v1/metering-points/" + house + "/settlements/2026-02");
        assertThat(settlement.json("/norgespris/amount").decimalValue()).isEqualByComparingTo("671.33");
    }

    @Test
    void aSecondCompensationElementForTheSameDeliveriesAndSegmentIsRefused() {
        setUpProductAndPrices();
        DatabaseSnapshot before = snapshot();
        Api.Response twice = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", "E2E-NP-AGAIN-" + TestData.unique(),
                "groupCode", "STROMSTOTTE", "kind", "COMPENSATION", "invoiceText", "Norgespris igjen", "vat", "STANDARD",
                "requiredSegmentId", 101, "validFrom", "2026-01-01", "price", json("amount", "0.40")));
        assertThat(twice.status()).as(twice.raw()).isEqualTo(409);
        assertThat(twice.text("/violations/0/rule")).isEqualTo("tariffElement.compensationTwice");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMonthThatIsNotOverIsNotBilledAndCustomerServiceCannotStartRuns() {
        Api.Response notOver = api.post(Role.BILLING, "/api/v1/billing-runs", json("month", "2026-03"));
        assertThat(notOver.status()).isEqualTo(409);
        assertThat(notOver.text("/violations/0/rule")).isEqualTo("billingRun.monthNotOver");
        Api.Response bad = api.post(Role.BILLING, "/api/v1/billing-runs", json("month", "februar"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/violations/0/field")).isEqualTo("month");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/billing-runs", json("month", "2026-02")).status()).isEqualTo(403);
    }

    // --- set-up through the API, as billing staff would ---------------------------------------------------------------

    private void setUpProductAndPrices() {
        jdbc.sql("""
                insert into product (code, name, kind, version, created_at, created_by, updated_at, updated_by)
                values ('E2EBILL', 'Spot e2e', 'SPOT', 0, now(), 'test', now(), 'test') on conflict do nothing""").update();
        if (api.get(Role.BILLING, "/api/v1/tariff-elements/E2E-ENERGY").status() == 200) {
            return;
        }
        steps.spotPrices(FEBRUARY, Map.of("NO1", "1.00", "NO4", "0.80"));
        int calculation = 9000 + TestData.unique() % 1000;
        assertThat(api.post(Role.BILLING, "/api/v1/price-calculations", json("number", calculation, "name", "Spot + 2 øre",
                "formula", ":a+0.02")).status()).isEqualTo(201);
        for (String area : List.of("NO1", "NO4")) {
            Api.Response table = api.post(Role.BILLING, "/api/v1/price-calculations/" + calculation + "/tables",
                    json("priceArea", area, "from", "2026-02-01", "to", "2026-03-01"));
            assertThat(table.status()).as(table.raw()).isEqualTo(200);
        }
        steps.tariffElement(json("code", "E2E-ENERGY", "groupCode", "KRAFT", "productCode", PRODUCT, "kind", "ENERGY_PRICE",
                "invoiceText", "Strøm", "vat", "STANDARD", "validFrom", "2026-01-01", "price", json("priceCalculation", calculation)));
        steps.tariffElement(json("code", "E2E-FIXED", "groupCode", "KRAFT", "productCode", PRODUCT, "kind", "FIXED_MONTHLY",
                "invoiceText", "Fastbeløp", "vat", "STANDARD", "validFrom", "2026-01-01", "price", json("amount", "49.00")));
        steps.tariffElement(json("code", "E2E-NP-HOUSE", "groupCode", "STROMSTOTTE", "productCode", PRODUCT, "kind", "COMPENSATION",
                "invoiceText", "Norgespris", "vat", "STANDARD", "requiredSegmentId", 101, "validFrom", "2025-10-01",
                "price", json("amount", "0.40")));
        steps.tariffElement(json("code", "E2E-NP-CABIN", "groupCode", "STROMSTOTTE", "productCode", PRODUCT, "kind", "COMPENSATION",
                "invoiceText", "Norgespris hytte", "vat", "STANDARD", "requiredSegmentId", 102, "validFrom", "2025-10-01",
                "price", json("amount", "0.40")));
    }

    /** Asks the running run to stop once it has billed three customers; false if it ended before that. */
    private boolean stopAfterThreeBilled(long id) {
        for (int i = 0; i < 500; i++) {
            Api.Response run = api.get(Role.BILLING, "/api/v1/billing-runs/" + id);
            if (!run.text("/status").equals("STARTED")) {
                return false;
            }
            if (run.json("/customersBilled").asInt() >= 3
                    && api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/stop", Map.of()).status() == 200) {
                return true;
            }
            Steps.pause(10);
        }
        return false;
    }

    /** Every customer has exactly one invoice, and the invoice numbers ever issued are unique and without gaps. */
    private void assertEachBilledOnceWithGapFreeNumbers(List<Long> customers) {
        for (long c : customers) {
            assertThat(invoices(c)).as("customer " + c + " billed exactly once").hasSize(1);
        }
        List<Long> numbers = jdbc.sql("select invoice_number from invoice order by 1").query(Long.class).list();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.getLast() - numbers.getFirst() + 1).isEqualTo(numbers.size());
    }

    /** {@code count} customers, each with one household point on the test product and February's meter values. */
    private List<Long> customersWithFebruaryValues(String gridOwnerName, int count) {
        setUpProductAndPrices();
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", gridOwnerName));
        return IntStream.range(0, count).mapToObj(i -> {
            String point = point(gridOwner, "NO1", "35", "0301");
            long c = customer();
            contract(c, List.of(point));
            meterValues(point, 100);
            return c;
        }).toList();
    }


    private String point(String gridOwner, String area, String group, String municipality) {
        String id = TestData.meteringPointId();
        Map<String, Object> body = TestData.meteringPoint(id, area, gridOwner, group, municipality);
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        steps.classify(id);
        return id;
    }


    private long customer() {
        return api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Faktura", "Kunde"))
                .json("/customerNumber").asLong();
    }

    private void contract(long customer, List<String> points) {
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-02-01",
                points.stream().map(p -> TestData.delivery(p, PRODUCT, "2026-02-01", null)).toList()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private void norgesprisFrom(String point, String from) {
        steps.setProperty(Role.CUSTOMER_SERVICE, point, 888, 1, from);
        assertThat(api.post(Role.BILLING, "/api/v1/metering-points/" + point + "/compensation-classification", Map.of())
                .json("/changed").asBoolean()).isTrue();
    }

    private void meterValues(String point, int whPerQuarter) {
        steps.meterValues(FEBRUARY, Map.of(point, whPerQuarter));
    }

    private Api.Response runAndWait(Long customerNumber) {
        return steps.bill(FEBRUARY, customerNumber);
    }

    private List<JsonNode> invoices(long customer) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/invoices").json("").valueStream().toList();
    }

    private static List<String> lines(JsonNode invoice) {
        return invoice.at("/lines").valueStream().map(l -> l.at("/meteringPointId").asString() + " "
                + l.at("/elementCode").asString().replace("E2E-", "").replace("NP-HOUSE", "NORGESPRIS").replace("NP-CABIN", "NORGESPRIS")
                + " " + l.at("/quantity").decimalValue().setScale(3).toPlainString() + " "
                + l.at("/netAmount").decimalValue().setScale(2).toPlainString() + " "
                + l.at("/vatAmount").decimalValue().setScale(2).toPlainString()).toList();
    }

    private static BigDecimal amount(JsonNode node, String pointer) {
        return node.at(pointer).decimalValue();
    }

    /** Everything but the run's own bookkeeping: invoices, lines, numbers, settlements, horizons, needs, … */
    private DatabaseSnapshot snapshotOfInvoices() {
        return snapshot().withoutRunBookkeeping();
    }

    /** MOD10 over all digits including the check digit sums to a multiple of 10. */
    private static boolean validKid(String kid) {
        int sum = 0;
        for (int i = 0; i < kid.length(); i++) {
            int d = kid.charAt(kid.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return kid.length() == 17 && sum % 10 == 0;
    }

}
