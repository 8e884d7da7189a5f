package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.elhub.standin.ContractsStandIn;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff web UI in a real browser: Playwright (web-ui/e2e) drives Debian's Chromium against this application — the
 * UI served from the web-ui jar, the login on the local Spring Authorization Server, the API on real PostgreSQL. This
 * test sets up what the browser looks at through the API, one area after another (each method below answers the
 * environment its specs read as {@code fixture} in {@code web-ui/e2e/support.ts}), then runs the Playwright suite
 * ({@link PlaywrightSuite}) while {@link WebUiScheduler} plays the scheduler, and fails with its report. The areas are
 * made in a fixed order: later ones rely on earlier ones (the price table on the NO5 February spot prices, the sale on
 * the consents parked before it). Chromium: {@code apt-get install chromium} ({@code .ci/run} does it when it is
 * missing).
 */
class WebUiBrowserTest extends ApiTest {

    static final Path WEB_UI = Path.of("..", "web-ui");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Autowired
    Invoices invoices;

    @Autowired
    CustomerService customers;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ContractsStandIn elhub;

    // the sale's fixture and the scheduler
    @Autowired
    no.kraft.cis.consent.control.ConsentDriver consentDriver;

    @Autowired
    no.kraft.cis.elhub.outbox.OutboxRelay outboxRelay;

    @Autowired
    no.kraft.cis.elhub.inbound.ElhubReceiving elhubReceiving;

    @Test
    void theStaffScreensWorkInARealBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is needed for the browser tests: apt-get install chromium (or run .ci/run)")
                .isTrue();
        String unique = String.valueOf(TestData.unique());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.putAll(Map.of("BASE_URL", baseUrl(), "CHROMIUM", CHROMIUM.toString()));
        TheCustomer customer = theCustomer(unique);
        environment.putAll(customer.environment());
        String gridOwner = customer.gridOwner();
        environment.putAll(explainedCost(unique, gridOwner));
        environment.putAll(payments(unique));
        environment.putAll(complaint(unique, customer.number()));
        environment.putAll(elhubExceptions(gridOwner));
        environment.putAll(invoicesOutAndMoneyIn(unique));
        // reference data for the admin screens (after the NO5 February spot prices above, which the price table uses)
        environment.putAll(referenceData(unique, gridOwner));
        // contract orders and the new sale (contract-orders, new-sale and sale-to-invoice specs)
        environment.putAll(saleFixture(gridOwner, unique).environment());
        environment.putAll(pacedRun());
        Mover mover = mover(unique, gridOwner);
        environment.putAll(mover.environment());
        // a person and a metering point nobody has registered yet (register spec)
        environment.put("NEW_NATIONAL_ID", TestData.nationalId());
        environment.put("NEW_METERING_POINT_ID", TestData.meteringPointId());

        // what the scheduler does in production (off in the tests): advance the consents, send the start and end of supply, poll Elhub
        try (var scheduler = new WebUiScheduler(jdbc, consentDriver, outboxRelay, elhubReceiving, mover.point())) {
            new PlaywrightSuite(WEB_UI).run(environment);
        }
    }

    // ---- the customer the screens look at, the cost explainer, payments, a case, Elhub's exception queue -------------

    /** The customer of the 360, the search and the change-customer specs; the grid owner of every metering point here. */
    record TheCustomer(long number, String gridOwner, Map<String, String> environment) {
    }

    /**
     * A person with a mobile number, supplied on a metering point in a street of this run only (the home search finds the
     * customer by it; the customer's own address is changed by another browser test), February invoiced, a contact
     * logged by a partner, and an order of theirs on its way (a switch of a second metering point) parked on hold.
     */
    private TheCustomer theCustomer(String unique) {
        String nationalId = TestData.nationalId();
        String local = "9" + String.format("%07d", Integer.parseInt(unique) % 10_000_000);
        Map<String, Object> person = TestData.person(nationalId, "Kari", "Lund" + unique);
        person.put("mobile", "+47" + local);
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", person);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long customer = created.json("/customerNumber").asLong();
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Vossnett AS"));
        String point = TestData.meteringPointId();
        Map<String, Object> house = TestData.meteringPoint(point, "NO5", gridOwner, "35", "4621");
        house.put("address", json("street", "Lundeveien " + unique, "postcode", "5700", "city", "Voss", "municipalityNumber", "4621"));
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", house).status()).isEqualTo(201);
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(customer, "2026-01-01", List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        // February: 944.00 + 236.00 VAT = 1 180.00, due 20 March (the test's today is 15 March): the balance the UI shows
        new Invoicing(api, invoices, customers, tx).invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 20), "944.00", "236.00");
        api.post(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/contacts",
                json("channel", "PHONE", "summary", "Spurte om fakturaen"));

        String ordered = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(ordered, "NO5", gridOwner, "35", "4621")).status()).isEqualTo(201);
        Map<String, Object> order = new LinkedHashMap<>(Map.of("channel", "CUSTOMER_SERVICE", "kind", "SWITCH",
                "customerKind", "PRIVATE", "nationalId", nationalId, "firstName", "Kari", "lastName", "Lund" + unique,
                "email", "kari@example.no", "meteringPointId", ordered, "productCode", "SPOT", "startDate", "2026-04-01"));
        Api.Response placed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders", order);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        jdbc.sql("update consent set next_attempt_at = null").update();
        return new TheCustomer(customer, gridOwner, Map.of("CUSTOMER_NUMBER", String.valueOf(customer), "CUSTOMER_NAME", "Kari Lund" + unique,
                "CUSTOMER_STREET", "Lundeveien " + unique,
                "CUSTOMER_PHONE", local.substring(0, 3) + " " + local.substring(3, 5) + " " + local.substring(5),
                "METERING_POINT_ID", point, "NATIONAL_ID", nationalId));
    }

    /**
     * A second customer with a Norgespris household in NO5, whose February 2026 the cost explainer shows: 0.500 kWh a
     * quarter = 2.000 kWh an hour at spot 1.20 (no other test prices NO5 in February 2026).
     */
    private Map<String, String> explainedCost(String unique, String gridOwner) {
        Api.Response second = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Per", "Forklar" + unique));
        String explained = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(explained, "NO5", gridOwner, "35", "4621")).status()).isEqualTo(201);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(second.json("/customerNumber").asLong(),
                "2026-01-01", List.of(TestData.delivery(explained, "SPOT", "2026-01-01", null)))).status()).isEqualTo(201);
        steps.setProperty(Role.CUSTOMER_SERVICE, explained, 888, 1, "2026-02-01");
        steps.classify(explained);
        steps.spotPrices(YearMonth.of(2026, 2), Map.of("NO5", "1.20"));
        steps.meterValues(YearMonth.of(2026, 2), Map.of(explained, 500));
        return Map.of("EXPLAINED_METERING_POINT_ID", explained);
    }

    /**
     * Payments: a third customer's January invoice, 400.00 + 100.00 = 500.00, of which an OCR giro file paid 200.00 by
     * KID; a fourth customer's January invoice, 250.96 + 62.74 = 313.70, and a bank file (OCR giro) the browser imports:
     * 313.70 with the KID mistyped, from an account never seen — queued, the invoice suggested (one typo 4 + same amount 3
     * = 7).
     */
    private Map<String, String> payments(String unique) throws java.io.IOException {
        long payer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Liv", "Betaler" + unique))
                .json("/customerNumber").asLong();
        var paidInPart = new Invoicing(api, invoices, customers, tx).invoice(payer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 20), "400.00", "100.00");
        Api.Response file = api.postText(Role.BILLING, "/api/v1/payment-files?fileName=OCR.D140326", "text/plain",
                BankFiles.ocrGiro(String.format("%07d", Integer.parseInt(unique) % 10_000_000),
                        new BankFiles.OcrPayment(paidInPart.kid().value(), 20_000, "12345678903")));
        assertThat(file.json("/matchedByKid").asInt()).as(file.raw()).isEqualTo(1);

        long matched = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Mona", "Avstem" + unique))
                .json("/customerNumber").asLong();
        var toMatch = new Invoicing(api, invoices, customers, tx).invoice(matched, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 2, 20), "250.96", "62.74");
        Path bankFile = Files.createTempDirectory("web-ui-e2e").resolve("OCR.D150326.txt");
        Files.writeString(bankFile, BankFiles.ocrGiro(String.format("%07d", (Integer.parseInt(unique) + 1) % 10_000_000),
                new BankFiles.OcrPayment(PaymentMatchingTest.typo(toMatch.kid().value()), 31_370, "86011117947")));
        return Map.of("PAID_IN_PART_INVOICE", String.valueOf(paidInPart.invoiceNumber()), "BANK_FILE", bankFile.toString(),
                "MATCHED_INVOICE", String.valueOf(toMatch.invoiceNumber()));
    }

    /** A complaint opened for the customer, nobody's yet: the browser takes it, writes in it, sets a deadline and closes it. */
    private Map<String, String> complaint(String unique, long customer) {
        String complaint = "Klage på februarfakturaen " + unique;
        Api.Response opened = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases", json("customerNumber", String.valueOf(customer), "kind", "COMPLAINT",
                "title", complaint, "description", "Mener måleren er lest av to ganger i februar"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return Map.of("CASE_TITLE", complaint);
    }

    /**
     * Two orders of Norgespris that Elhub's Contracts API (the stand-in) refuses: open items in the exception queue, one
     * for the browser to send again, one to resolve with a comment.
     */
    private Map<String, String> elhubExceptions(String gridOwner) {
        String retried = refusedNorgesprisOrder(gridOwner);
        String resolved = refusedNorgesprisOrder(gridOwner);
        return Map.of("RETRIED_METERING_POINT_ID", retried, "RESOLVED_METERING_POINT_ID", resolved);
    }

    /** A metering point whose Norgespris order Elhub refused (INVALID_INPUT): its open REJECTED work item. */
    private String refusedNorgesprisOrder(String gridOwner) {
        String point = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO5", gridOwner, "35", "4621"))
                .status()).isEqualTo(201);
        elhub.failNext(400, "INVALID_INPUT");
        Api.Response ordered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/norgespris/order",
                json("startDate", "2026-04-01"));
        assertThat(ordered.status()).as(ordered.raw()).isEqualTo(202);
        assertThat(api.post(Role.BILLING, "/api/v1/elhub/outbox/deliveries", Map.of()).status()).isEqualTo(200);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&kind=REJECTED&meteringPointId=" + point)
                .json("").size()).isEqualTo(1);
        return point;
    }

    // ---- invoices out and money in (issue 21, screen 7): deliveries, the delivery queue, dunning, instalment plans ----

    @Autowired
    no.kraft.cis.delivery.distribution.InvoiceDeliveries deliveries;

    @Autowired
    com.icegreen.greenmail.util.GreenMail smtp;

    @Autowired
    no.kraft.cis.delivery.standin.StandInBounces bounces;

    /**
     * Invoices of February 2026 (due 20 March) delivered through the stand-ins — one by e-mail and opened, one bounced
     * and gone on to SMS, one on paper for the print batch, one bounced with no channel left and one no channel reaches
     * (both in the delivery work queue) —, a January invoice due 20 February with the purring of 15 March taken by the
     * dunning run and its letter sent, and a customer owing 2 345.67 overdue who may get an instalment plan. The
     * deliveries are made with the delivery service's own rounds (not {@code /invoice-deliveries/due}, which would start
     * the deliveries of every other test's invoices too).
     */
    private Map<String, String> invoicesOutAndMoneyIn(String unique) throws Exception {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        Invoicing invoicing = new Invoicing(api, invoices, customers, tx);
        long opener = invoicing.person("Eli", "Epost" + unique, null);
        var opened = invoicing.invoice(opener, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "80.00", "20.00");
        var bounced = invoicing.invoice(customer(json("firstName", "Bo", "lastName", "Retur" + unique, "email", "bo.retur@bounce.example",
                "mobile", "4" + String.format("%07d", Integer.parseInt(unique) % 10_000_000))), YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 20), "40.00", "10.00");
        var paper = invoicing.invoice(customer(json("firstName", "Pia", "lastName", "Papir" + unique,
                "address", json("street", "Papirgata 2", "postcode", "5700", "city", "Voss"))), YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 20), "20.00", "5.00");
        var noFallback = invoicing.invoice(customer(json("firstName", "Stig", "lastName", "Sprett" + unique, "email",
                "stig.sprett@bounce.example")), YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "16.00", "4.00");
        var noChannel = invoicing.invoice(customer(json("firstName", "Ine", "lastName", "Kanalløs" + unique)), YearMonth.of(2026, 2),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "8.00", "2.00");
        for (var invoice : List.of(opened, bounced, paper, noFallback, noChannel)) {
            Api.Response started = api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
        }
        deliveries.deliverDue(500);
        // the reader's mail client fetches the tracking image
        String token = jdbc.sql("""
                        select s.message_id from invoice_delivery_send s join invoice_delivery d on d.id = s.delivery_id
                        where d.invoice_id = :invoice""").param("invoice", opened.id()).query(String.class).single().replace("@invoice.kraft-cis", "");
        var pixel = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/t/" + token + ".gif")).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(pixel.statusCode()).isEqualTo(200);
        // the receiving server's notifications for the two addresses at bounce.example, read from the bounce mailbox
        bounces.bounceNow();
        deliveries.readBounces();
        deliveries.deliverDue(500);
        assertThat(kinds(opened.invoiceNumber())).containsExactly("QUEUED", "SENT", "OPENED");
        assertThat(kinds(bounced.invoiceNumber())).containsExactly("QUEUED", "SENT", "BOUNCED", "FALLBACK", "QUEUED", "SENT");
        assertThat(kinds(paper.invoiceNumber())).containsExactly("QUEUED", "SENT");
        assertThat(kinds(noFallback.invoiceNumber())).containsExactly("QUEUED", "SENT", "BOUNCED", "NO_CHANNEL");
        assertThat(kinds(noChannel.invoiceNumber())).containsExactly("NO_CHANNEL");

        // 400.00 + 100.00 = 500.00 due 20 February: on 15 March, 23 days after, the dunning run takes the purring (fee 1/20 of
        // the inkassosats 750 = 37.50) and its letter goes by e-mail
        long dunned = invoicing.person("Dag", "Purring" + unique, null);
        var overdue = invoicing.invoice(dunned, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "400.00", "100.00");
        Api.Response run = api.post(Role.BILLING, "/api/v1/dunning-runs", json("customerNumbers", List.of(String.valueOf(dunned))));
        assertThat(run.status()).as(run.raw()).isEqualTo(200);
        assertThat(run.json("/stepsByKind/PURRING").asInt()).as(run.raw()).isEqualTo(1);
        assertThat(api.post(Role.BILLING, "/api/v1/dunning-notices/due", json()).status()).isEqualTo(200);
        Api.Response dunning = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + overdue.invoiceNumber() + "/dunning");
        assertThat(dunning.json("/events/0/fee").decimalValue()).as(dunning.raw()).isEqualByComparingTo("37.50");
        assertThat(dunning.json("/events/0/notice").asString()).as(dunning.raw()).isEqualTo("DONE");
        // the invoice itself went by e-mail (its delivery beside its dunning on the invoice screen)
        api.post(Role.BILLING, "/api/v1/invoices/" + overdue.invoiceNumber() + "/deliveries", json());
        deliveries.deliverDue(500);
        assertThat(kinds(overdue.invoiceNumber())).containsExactly("QUEUED", "SENT");

        // 944.00 + 236.00 = 1 180.00 due 20 February and 932.54 + 233.13 = 1 165.67 due 1 March: 2 345.67 overdue, in 3
        // instalments of 781.89 (3 × 781.89 = 2 345.67, nothing left over for the last)
        long planned = invoicing.person("Per", "Avdrag" + unique, null);
        invoicing.invoice(planned, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "944.00", "236.00");
        invoicing.invoice(planned, YearMonth.of(2026, 2), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 1), "932.54", "233.13");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + planned + "/instalment-plan-options").json("/amount").decimalValue())
                .isEqualByComparingTo("2345.67");

        return Map.of("OPENED_INVOICE", String.valueOf(opened.invoiceNumber()), "BOUNCED_INVOICE", String.valueOf(bounced.invoiceNumber()),
                "NO_FALLBACK_INVOICE", String.valueOf(noFallback.invoiceNumber()), "NO_CHANNEL_INVOICE", String.valueOf(noChannel.invoiceNumber()),
                "PAPER_INVOICE", String.valueOf(paper.invoiceNumber()), "DUNNED_INVOICE", String.valueOf(overdue.invoiceNumber()),
                "DUNNED_CUSTOMER", String.valueOf(dunned), "PLAN_CUSTOMER", String.valueOf(planned));
    }

    /** A private customer with only the contact details given (and a national ID): the channels follow from them. */
    private long customer(Map<String, Object> details) {
        Map<String, Object> body = new java.util.HashMap<>(details);
        body.put("kind", "PRIVATE");
        body.put("nationalId", TestData.nationalId());
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json("/customerNumber").asLong();
    }

    private List<String> kinds(long invoiceNumber) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoiceNumber + "/deliveries").json("/events").findValuesAsString("kind");
    }

    // ---- reference data for the admin screens ---------------------------------------------------------------------

    /**
     * Reference data the admin screens change, all of this run only: a tariff element (0.049 from 1 January, for a
     * product and a segment no delivery is billed with, so no invoice of the other tests changes and no price change
     * reaches an invoiced period), a price calculation over the NO5 February spot prices (1.20 − 0.40 = 0.80), a group
     * of manual segments, a metering point on a contract that is in none of them, and a Peppol list of two Norwegian
     * organisations and a German one (skipped). Answers the environment the specs read.
     */
    private Map<String, String> referenceData(String unique, String gridOwner) throws java.io.IOException {
        int n = Integer.parseInt(unique);
        int group = 900_000 + n;
        int tariffOnly = 930_000 + n;
        assertThat(api.post(Role.ADMIN, "/api/v1/segment-groups", json("id", group, "name", "Kampanjer " + unique, "sortOrder", 9))
                .status()).isEqualTo(201);
        for (var segment : Map.of(910_000 + n, "Vinterkampanje " + unique, 920_000 + n, "Bedriftsavtale " + unique,
                tariffOnly, "Tariffsegment " + unique).entrySet()) {
            Api.Response s = api.post(Role.ADMIN, "/api/v1/segments", json("id", segment.getKey(), "groupId", group, "name", segment.getValue()));
            assertThat(s.status()).as(s.raw()).isEqualTo(201);
        }
        String element = "E2E-PASLAG-" + unique;
        Map<String, Object> tariff = new LinkedHashMap<>(json("code", element, "groupCode", "KRAFT", "productCode", "FAST12",
                "kind", "MARKUP", "invoiceText", "Påslag " + unique, "vat", "STANDARD", "validFrom", "2026-01-01"));
        tariff.put("requiredSegmentId", tariffOnly);
        tariff.put("price", json("amount", new java.math.BigDecimal("0.049")));
        Api.Response defined = api.post(Role.BILLING, "/api/v1/tariff-elements", tariff);
        assertThat(defined.status()).as(defined.raw()).isEqualTo(201);
        int calculation = 500_000 + n;
        Api.Response calc = api.post(Role.BILLING, "/api/v1/price-calculations", json("number", calculation,
                "name", "Norgespris " + unique, "description", "40 øre under spot", "formula", ":a-0.40"));
        assertThat(calc.status()).as(calc.raw()).isEqualTo(201);

        long member = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Sigrid", "Segment" + unique))
                .json("/customerNumber").asLong();
        String point = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO5", gridOwner, "35", "4621"))
                .status()).isEqualTo(201);
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(member, "2026-01-01", List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);

        String inList = TestData.organisationNumber();
        Path peppolList = Files.createTempDirectory("web-ui-e2e-peppol").resolve("peppol-directory-" + unique + ".csv");
        Files.writeString(peppolList, """
                "Participant ID";"Names";"Country code";"Document types"
                "iso6523-actorid-upis::0192:%s";"Fjordlys Regnskap %s AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1"
                "iso6523-actorid-upis::0192:%s";"Kun Ordre AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1"
                "iso6523-actorid-upis::9930:DE123456789";"Beispiel GmbH";"DE";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice"
                """.formatted(inList, unique, TestData.organisationNumber()));
        return Map.ofEntries(Map.entry("TARIFF_ELEMENT", element), Map.entry("PRICE_CALCULATION", String.valueOf(calculation)),
                Map.entry("SEGMENT_CAMPAIGN", "Vinterkampanje " + unique), Map.entry("SEGMENT_AGREEMENT", "Bedriftsavtale " + unique),
                Map.entry("SEGMENT_METERING_POINT_ID", point), Map.entry("SEGMENT_CONTRACT", contract.json("/contractNumber").asText()),
                Map.entry("PEPPOL_FILE", peppolList.toString()), Map.entry("PEPPOL_ORGANISATION", inList),
                Map.entry("PEPPOL_NAME", "Fjordlys Regnskap " + unique + " AS"),
                Map.entry("PEPPOL_ABSENT_ORGANISATION", TestData.organisationNumber()));
    }

    // ---- contract orders and the new sale -----------------------------------------------------------------------------

    @Autowired
    no.kraft.cis.elhub.standin.EmifStandIn emif;

    @Autowired
    no.kraft.cis.elhub.standin.EmifMarketStandIn market;

    @Autowired
    no.kraft.cis.elhub.standin.StandInServer standIns;

    @Autowired
    no.kraft.cis.consent.standin.SignicatStandIn signicat;

    record SaleFixture(long stoppedOrder, long rejectedOrder, String nationalId, String lastName, String meteringPointId, String standInUrl) {

        Map<String, String> environment() {
            return Map.of("STOPPED_ORDER", String.valueOf(stoppedOrder), "REJECTED_ORDER", String.valueOf(rejectedOrder),
                    "SALE_NATIONAL_ID", nationalId, "SALE_LAST_NAME", lastName, "SALE_METERING_POINT_ID", meteringPointId,
                    "STAND_IN_URL", standInUrl);
        }
    }

    /**
     * An order stopped on hold (the customer refused to sign at Signicat), an organisation's order whose start of supply
     * Elhub rejected (another supplier's switch crosses it: E59), and what the browser sells from scratch: a new person
     * whom Elhub (the EMIF stand-in) knows at Salgsveien 7, 5700 Voss with a metering point registered here, and that
     * point's February meter values — 0.250 kWh a quarter-hour — its compensation classification (the nightly job's) and a
     * product with an energy price (1.25 kr/kWh), so the month can be billed.
     */
    private SaleFixture saleFixture(String gridOwner, String unique) throws Exception {
        String refusing = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(refusing, "NO5", gridOwner, "35", "4621"))
                .status()).isEqualTo(201);
        Map<String, Object> refused = new LinkedHashMap<>(Map.of("channel", "WEB_SHOP", "kind", "SWITCH", "customerKind", "PRIVATE",
                "nationalId", TestData.nationalId(), "firstName", "Rolf", "lastName", "Angrer" + unique, "email", "rolf@example.no",
                "meteringPointId", refusing, "productCode", "SPOT", "startDate", "2026-04-01"));
        refused.put("address", Map.of("street", "Angreveien 1", "postcode", "5700", "city", "Voss"));
        Api.Response placed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders", refused);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        long stopped = placed.json("/orderNumber").asLong();
        consentDriver.advanceDue(20);
        String session = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + stopped).json("/consents/0/signicatSessionId").asString();
        java.net.http.HttpResponse<String> rejected = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(standIns.baseUrl() + "/standin/customer/signing-sessions/" + session + "/reject"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(303);
        consentDriver.advanceDue(20);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + stopped).json("/status").asString()).isEqualTo("STOPPED");

        String crossed = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(crossed, "NO5", gridOwner, "35", "4621"))
                .status()).isEqualTo(201);
        market.otherSupplierStarts(crossed, LocalDate.of(2026, 4, 1));
        Map<String, Object> business = new LinkedHashMap<>(Map.of("channel", "CUSTOMER_SERVICE", "kind", "SWITCH",
                "customerKind", "ORGANISATION", "organisationNumber", TestData.organisationNumber(), "organisationName", "Kryss " + unique + " AS",
                "meteringPointId", crossed, "productCode", "SPOT", "startDate", "2026-04-01"));
        business.put("address", Map.of("street", "Fjellveien 3", "postcode", "5019", "city", "Bergen"));
        Api.Response crossing = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders", business);
        assertThat(crossing.status()).as(crossing.raw()).isEqualTo(201);
        long rejectedOrder = crossing.json("/orderNumber").asLong();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/outbox/deliveries", Map.of()).status()).isEqualTo(200);
        assertThat(api.post(Role.BILLING, "/api/v1/elhub/polls", Map.of()).status()).isEqualTo(200);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + rejectedOrder).json("/status").asString()).isEqualTo("STOPPED");

        String nationalId = TestData.nationalId();
        String point = TestData.meteringPointId();
        Map<String, Object> house = TestData.meteringPoint(point, "NO5", gridOwner, "35", "4621");
        house.put("address", json("street", "Salgsveien 7", "postcode", "5700", "city", "Voss", "municipalityNumber", "4621"));
        house.put("validFrom", "2026-01-01");
        Api.Response registered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", house);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        emif.add(new no.kraft.cis.elhub.standin.EmifStandIn.Point(point, nationalId, "Salgsveien", "7", "5700", "VOSS", "M-" + unique,
                gridOwner, "50Y0000000000000", LocalDate.of(2026, 2, 1), null));
        steps.meterValues(YearMonth.of(2026, 2), Map.of(point, 250));
        // the nightly compensation classification (900 from 888, the end-user group and 870) has seen the point since January
        steps.classify(point);
        // the product sold (energy at 1.25 kr/kWh from 1 January) is defined by an admin in the browser (sale-to-invoice spec)
        // parked again, so only what the browser starts is advanced by the scheduler below
        jdbc.sql("update consent set next_attempt_at = null").update();
        return new SaleFixture(stopped, rejectedOrder, nationalId, "Salg" + unique, point, standIns.baseUrl());
    }

    // ---- a billing run followed live and a move-out --------------------------------------------------------------------

    /** A billing run followed live, stopped and restarted (billing-run-progress spec): 18 businesses supplied in June 2025 only. */
    private Map<String, String> pacedRun() {
        List<Long> paced = PacedRunCustomers.create(api, steps, YearMonth.of(2025, 6), 18);
        return Map.of("PACED_MONTH", "2025-06", "PACED_CUSTOMERS", "18", "PACED_CUSTOMER", String.valueOf(paced.getFirst()));
    }

    /** The customer who moves out and their point: its end of supply is what {@link WebUiScheduler} sends and follows. */
    record Mover(long customer, String point) {

        Map<String, String> environment() {
            return Map.of("MOVER_CUSTOMER", String.valueOf(customer), "MOVER_POINT", point);
        }
    }

    /** A customer who moves out (move-out spec): supplied on a time-metered point of their own from 1 January, open-ended. */
    private Mover mover(String unique, String gridOwner) {
        long mover = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Mia", "Flytter" + unique))
                .json("/customerNumber").asLong();
        String point = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO5", gridOwner, "35", "4621"))
                .status()).isEqualTo(201);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(mover, "2026-01-01",
                List.of(TestData.delivery(point, "SPOT", "2026-01-01", null)))).status()).isEqualTo(201);
        return new Mover(mover, point);
    }
}
