package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.kraft.cis.consent.control.ConsentDriver;
import no.kraft.cis.consent.standin.ElhubAccessStandIn;
import no.kraft.cis.consent.standin.SignicatStandIn;
import no.kraft.cis.security.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Contract orders through the API with Elhub consent control, against the Elhub Access API and Signicat stand-ins over
 * HTTP. The test plays the scheduler (the driver) and the customer (signing at Signicat, approving at Elhub).
 */
class ContractOrderTest extends ApiTest {

    @Autowired
    ConsentDriver driver;

    @Autowired
    ElhubAccessStandIn elhub;

    @Autowired
    SignicatStandIn signicat;

    @Autowired
    FixedClock.Movable clock;

    /** Tests share the database: park consents a test left waiting, so the next test's driver runs count only its own. */
    @AfterEach
    void resetClockAndParkOpenConsents() {
        clock.reset();
        jdbc.sql("update consent set next_attempt_at = null").update();
    }

    /** 15 March 2026 is the test's today; a switch may start from today to 90 days ahead. */
    static final LocalDate START = LocalDate.of(2026, 4, 1);

    private String point() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", Map.of("gln", gridOwner, "name", "Vossnett AS"));
        String id = TestData.meteringPointId();
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(id, "NO5", gridOwner, "35", "4621"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return id;
    }

    private Map<String, Object> order(String point, String nationalId, String flow) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("channel", "WEB_SHOP");
        body.put("kind", "SWITCH");
        body.put("customerKind", "PRIVATE");
        body.put("nationalId", nationalId);
        body.put("firstName", "Kari");
        body.put("lastName", "Nordmann");
        body.put("email", "kari@example.no");
        body.put("mobile", "912 34 567");
        body.put("address", Map.of("street", "Storgata 1", "postcode", "0155", "city", "Oslo"));
        body.put("meteringPointId", point);
        body.put("productCode", "SPOT");
        body.put("startDate", START.toString());
        if (flow != null) {
            body.put("consentFlow", flow);
        }
        return body;
    }

    @Autowired
    no.kraft.cis.elhub.standin.EmifMarketStandIn market;

    /** The outbox sends the start of supply to the EMIF stand-in, and Elhub's answer is polled and applied. */
    private void elhubAnswers() {
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/outbox/deliveries", Api.json()).status()).isEqualTo(200);
        assertThat(api.post(Role.BILLING, "/api/v1/elhub/polls", Api.json()).status()).isEqualTo(200);
    }

    @Test
    void elhubRejectingTheStartOfSupplyStopsTheOrderWithTheReasonAndOpensNoContract() {
        String point = point();
        // another supplier switches the same point from our start date: Elhub's conflict table rejects ours (E59)
        market.otherSupplierStarts(point, START);
        Map<String, Object> body = new java.util.LinkedHashMap<>(order(point, null, null));
        body.remove("nationalId");
        body.put("customerKind", "ORGANISATION");
        body.put("organisationNumber", TestData.organisationNumber());
        body.put("organisationName", "Kryssende AS");
        long number = placed(body);
        JsonNode waiting = view(number);
        assertThat(waiting.path("stage").asString()).isEqualTo("IMPORT");
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        elhubAnswers();
        JsonNode stopped = view(number);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.path("stopReason").asString()).contains("rejected").contains("E59");
        assertThat(stopped.path("contractNumber").isNull() || stopped.path("contractNumber").isMissingNode()).isTrue();
        assertThat(stepCodes(number)).endsWith("REQUEST_START_OF_SUPPLY", "START_OF_SUPPLY_REJECTED");
    }

    private JsonNode view(long number) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + number).body();
    }

    private long placed(Map<String, Object> body) {
        Api.Response placed = api.post(Role.PARTNER, "/api/v1/contract-orders", body);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        return placed.body().path("orderNumber").asLong();
    }

    private String sessionOf(long number) {
        return view(number).at("/consents/0/signicatSessionId").asString();
    }

    private List<String> stepCodes(long number) {
        return view(number).path("steps").valueStream().map(s -> s.path("code").asString()).toList();
    }

    @Test
    void documentFlowSignedThroughWebhookImportsAndFinalizesWithAllThreePdfs() throws Exception {
        String nin = TestData.nationalId();
        String point = point();
        long number = placed(order(point, nin, null));
        assertThat(view(number).path("status").asString()).isEqualTo("WAITING");
        assertThat(view(number).path("stage").asString()).isEqualTo("ON_HOLD");

        // create the Elhub document, download it, create the Signicat session, send the link — then wait for the customer
        assertThat(driver.advanceDue(10)).isEqualTo(4);
        JsonNode waiting = view(number);
        assertThat(waiting.at("/consents/0/state").asString()).isEqualTo("AWAIT_SIGNATURE");
        assertThat(waiting.at("/consents/0/signicatSessionId").asString()).startsWith("ks-");
        assertThat(driver.advanceDue(10)).as("nothing due until the customer acts or the poll comes round").isZero();

        signicat.sign(sessionOf(number));
        String webhook = "http://localhost:" + port + "/api/v1/signicat/webhook";
        assertThat(signicat.sendWebhook(webhook, "local-webhook-secret", "evt-" + number, sessionOf(number))).isEqualTo(202);
        // signed → uploaded → grant read → handed to the order: import and finalize
        assertThat(driver.advanceDue(10)).isEqualTo(4);

        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        JsonNode done = view(number);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("stage").asString()).isEqualTo("FINALIZE");
        assertThat(done.path("grantId").asString()).isEqualTo(done.at("/consents/0/grantId").asString()).isNotBlank();
        assertThat(stepCodes(number)).containsSubsequence("VALIDATE", "ADD", "CONSENT_START", "ELHUB_DOCUMENT_CREATED",
                "ELHUB_DOCUMENT_DOWNLOADED", "SIGNING_SESSION_CREATED", "SIGNING_LINK_SENT", "DOCUMENT_SIGNED",
                "SIGNED_DOCUMENT_UPLOADED", "GRANT_ACTIVE", "CREATE_CUSTOMER", "UPDATE_MARKET_EVENT", "REQUEST_START_OF_SUPPLY",
                "START_OF_SUPPLY_CONFIRMED", "CREATE_CONTRACT", "CREATE_DELIVERIES", "FINALIZE");
        // the cancellation deadline passes: Elhub notifies, and the order's log says the point is ours from the start date
        market.passCancellationDeadlines();
        elhubAnswers();
        assertThat(stepCodes(number)).endsWith("START_OF_SUPPLY_NOTIFIED");

        // customer, contract and delivery exist
        long customerNumber = done.path("customerNumber").asLong();
        JsonNode customer = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customerNumber).body();
        assertThat(customer.path("nationalId").asString()).isEqualTo(nin);
        JsonNode contract = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + done.path("contractNumber").asLong()).body();
        assertThat(contract.at("/deliveries/0/meteringPointId").asString()).isEqualTo(point);
        assertThat(contract.at("/deliveries/0/validFrom").asString()).isEqualTo(START.toString());

        // the three PDFs, on the customer, downloadable
        JsonNode documents = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customerNumber + "/documents").body();
        List<String> names = documents.valueStream().map(d -> d.path("fileName").asString()).toList();
        String elhubId = done.at("/consents/0/elhubDocumentId").asString();
        assertThat(names).containsExactlyInAnyOrder("Consent_" + number + "_" + elhubId + ".pdf",
                "Consent_" + number + "_" + elhubId + "_Signed_Kari_Nordmann.pdf", "Ordrebekreftelse_" + number + ".pdf");
        JsonNode confirmation = documents.valueStream().filter(d -> d.path("kind").asString().equals("ORDER_CONFIRMATION")).findFirst().orElseThrow();
        Api.Download download = api.download(Role.CUSTOMER_SERVICE, confirmation.path("href").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        byte[] pdf = download.body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Kari Nordmann", nin, point, "01.04.2026", String.valueOf(customerNumber), "Storgata 1",
                    "Fjellveien 3", "strøm");
            assertThat(document.getDocumentCatalog().getMetadata()).as("PDF/A carries XMP metadata").isNotNull();
            assertThat(new String(document.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("pdfaid:part", "2");
        }

        // the trail: every step in order, intact
        JsonNode verification = api.get(Role.CUSTOMER_SERVICE, "/api/v1/consent-audit/verification?orderNumber=" + number).body();
        assertThat(verification.path("brokenAt").isMissingNode() || verification.path("brokenAt").isNull()).as(verification.toString()).isTrue();
        assertThat(verification.path("events").asInt()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void signedAndFoundByPollingOnly() {
        long number = placed(order(point(), TestData.nationalId(), "DOCUMENT"));
        driver.advanceDue(10);
        signicat.sign(sessionOf(number));
        assertThat(driver.advanceDue(10)).as("no webhook: the poll is not due yet").isZero();
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(number).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Autowired
    no.kraft.cis.elhub.standin.StandInServer standIns;

    private static java.net.http.HttpResponse<String> http(String method, String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The local demo's way to finish an order: the customer's pages on the stand-in port, over HTTP as a browser would. */
    @Test
    void theCustomerSignsAndAcceptsOnTheStandInsPages() throws Exception {
        long number = placed(order(point(), TestData.nationalId(), "DOCUMENT"));
        driver.advanceDue(10);
        String session = sessionOf(number);
        String pages = standIns.baseUrl() + "/standin/customer";
        assertThat(http("GET", pages + "/").body()).contains(session).contains("Signer med BankID");
        // the signature URL the customer gets by e-mail or SMS opens the signing page
        String link = jdbc.sql("select signature_url from consent where signicat_session_id = :s").param("s", session)
                .query(String.class).single();
        assertThat(link).isEqualTo(pages + "/signing-sessions/" + session);
        assertThat(http("GET", link).body()).contains("action=\"/standin/customer/signing-sessions/" + session + "/sign\"");
        java.net.http.HttpResponse<String> signed = http("POST", link + "/sign");
        assertThat(signed.statusCode()).isEqualTo(303);
        assertThat(signed.headers().firstValue("Location")).hasValue("/standin/customer/");
        assertThat(http("POST", link + "/sign").statusCode()).as("signed once only").isEqualTo(409);
        assertThat(http("POST", pages + "/signing-sessions/no-such/sign").statusCode()).isEqualTo(404);
        assertThat(http("GET", pages + "/").body()).doesNotContain(session);
        // the page sent Signicat's webhook, so the session is due at once, without waiting for the poll
        driver.advanceDue(10);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(number).path("status").asString()).isEqualTo("COMPLETED");

        long requested = placed(order(point(), TestData.nationalId(), "REQUEST"));
        driver.advanceDue(10);
        String request = view(requested).at("/consents/0/elhubRequestId").asString();
        assertThat(http("GET", pages + "/").body()).contains(request).contains("Godta");
        assertThat(http("POST", pages + "/authorization-requests/" + request + "/approve").statusCode()).isEqualTo(303);
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(requested).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void theCustomer360ListsTheCustomersOrdersOnTheirWayAndImported() {
        String nin = TestData.nationalId();
        Api.Response customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(nin, "Kari", "Nordmann"));
        long customerNumber = customer.json("/customerNumber").asLong();
        long number = placed(order(point(), nin, "DOCUMENT"));
        driver.advanceDue(10);
        // on its way (not imported yet): found by the national ID
        Api.Response waiting = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customerNumber + "/contract-orders");
        assertThat(waiting.status()).as(waiting.raw()).isEqualTo(200);
        assertThat(waiting.json("/0/orderNumber").asLong()).isEqualTo(number);
        assertThat(waiting.text("/0/stage")).isEqualTo("ON_HOLD");
        assertThat(waiting.raw()).doesNotContain(nin);
        signicat.sign(sessionOf(number));
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        // imported onto the customer: found by the customer number, finished
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        Api.Response done = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customerNumber + "/contract-orders");
        assertThat(done.json("")).hasSize(1);
        assertThat(done.text("/0/status")).isEqualTo("COMPLETED");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + (customerNumber + 100000) + "/contract-orders").status())
                .isEqualTo(404);
    }

    @Test
    void duplicateAndForgedWebhooksChangeNothing() {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        String webhook = "http://localhost:" + port + "/api/v1/signicat/webhook";
        assertThat(signicat.sendWebhook(webhook, "wrong-secret", "evt-forged-" + number, sessionOf(number))).isEqualTo(401);
        assertThat(signicat.sendWebhook(webhook, null, "evt-forged2-" + number, sessionOf(number))).isEqualTo(401);
        assertThat(driver.advanceDue(10)).as("a forged webhook nudges nothing").isZero();
        signicat.sign(sessionOf(number));
        assertThat(signicat.sendWebhook(webhook, "local-webhook-secret", "evt-dup-" + number, sessionOf(number))).isEqualTo(202);
        driver.advanceDue(10);
        long events = jdbc.sql("select count(*) from consent_event where chain = :c").param("c", "order-" + number).query(Long.class).single();
        assertThat(signicat.sendWebhook(webhook, "local-webhook-secret", "evt-dup-" + number, sessionOf(number))).isEqualTo(202);
        assertThat(driver.advanceDue(10)).isZero();
        assertThat(jdbc.sql("select count(*) from consent_event where chain = :c").param("c", "order-" + number).query(Long.class).single())
                .isEqualTo(events);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(number).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void rejectedByTheCustomerStopsTheOrderAndStaffCanRestart() {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        signicat.reject(sessionOf(number));
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        JsonNode stopped = view(number);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.path("stopReason").asString()).contains("REJECTED", "declined");
        assertThat(stepCodes(number)).contains("CONSENT_REJECTED");

        Api.Response restarted = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + number + "/restart-consent", Map.of());
        assertThat(restarted.status()).as(restarted.raw()).isEqualTo(200);
        assertThat(restarted.body().path("status").asString()).isEqualTo("WAITING");
        driver.advanceDue(10);
        JsonNode again = view(number);
        assertThat(again.path("consents").size()).isEqualTo(2);
        String second = again.at("/consents/1/signicatSessionId").asString();
        signicat.sign(second);
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(number).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void staffCancelAnOrderOnHoldAndItsConsentStops() {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        Api.Response cancelled = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + number + "/cancel",
                Map.of("reason", "kunden angret"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().at("/consents/0/state").asString()).isEqualTo("CANCELLED");
        signicat.sign(sessionOf(number));
        clock.advance(Duration.ofMinutes(3));
        assertThat(driver.advanceDue(10)).as("a cancelled consent is never polled again").isZero();
        assertThat(view(number).path("customerNumber").isMissingNode() || view(number).path("customerNumber").isNull()).isTrue();
        Api.Response again = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + number + "/cancel", Map.of("reason", "igjen"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).contains("order.notOpen");
    }

    @Test
    void aContractCannotBeOpenedByHandOnAPointAnOrderInProgressWillSupply() {
        String point = point();
        long number = placed(order(point, TestData.nationalId(), null));
        driver.advanceDue(10);
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Per", "Hand"))
                .json("/customerNumber").asLong();
        DatabaseSnapshot before = snapshot();
        Api.Response byHand = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-04-01",
                List.of(TestData.delivery(point, "SPOT", "2026-04-01", null))));
        assertThat(byHand.status()).as(byHand.raw()).isEqualTo(409);
        assertThat(byHand.text("/violations/0/rule")).isEqualTo("contract.orderInProgress");
        assertThat(byHand.text("/violations/0/message")).contains(String.valueOf(number));
        assertThat(snapshot()).isEqualTo(before);
        // once the order is cancelled, staff may
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + number + "/cancel", Map.of("reason", "feil kunde"));
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-04-01",
                List.of(TestData.delivery(point, "SPOT", "2026-04-01", null)))).status()).isEqualTo(201);
    }

    @Test
    void expiredWhenTheCustomerNeverSigns() {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        clock.advance(Duration.ofDays(28).plusMinutes(1));
        driver.advanceDue(10);
        JsonNode expired = view(number);
        assertThat(expired.path("status").asString()).isEqualTo("STOPPED");
        assertThat(expired.at("/consents/0/state").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void tamperedPdfIsRefusedByElhubWith422AndTheOrderStops() {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        signicat.sign(sessionOf(number), "tamper");
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        JsonNode stopped = view(number);
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.at("/consents/0/state").asString()).isEqualTo("FAILED");
        assertThat(stopped.at("/consents/0/outcome").asString()).contains("422", "Original AuthorizationDocument mismatch");
        assertThat(stopped.path("customerNumber").isMissingNode() || stopped.path("customerNumber").isNull()).isTrue();
    }

    @Test
    void requestFlowAcceptedAndRejected() {
        long accepted = placed(order(point(), TestData.nationalId(), "REQUEST"));
        driver.advanceDue(10);
        assertThat(view(accepted).at("/consents/0/state").asString()).isEqualTo("AWAIT_APPROVAL");
        elhub.approve(view(accepted).at("/consents/0/elhubRequestId").asString());
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(accepted).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(stepCodes(accepted)).contains("ELHUB_REQUEST_CREATED", "REQUEST_ACCEPTED", "GRANT_ACTIVE", "CREATE_CONTRACT");

        long rejected = placed(order(point(), TestData.nationalId(), "REQUEST"));
        driver.advanceDue(10);
        elhub.rejectRequest(view(rejected).at("/consents/0/elhubRequestId").asString());
        clock.advance(Duration.ofMinutes(3));
        driver.advanceDue(10);
        assertThat(view(rejected).path("status").asString()).isEqualTo("STOPPED");
        assertThat(view(rejected).at("/consents/0/state").asString()).isEqualTo("REJECTED");
    }

    /**
     * A restart loses nothing: the flow lives in the database, so a driver built afresh (as after a restart) picks the
     * order up where it stood and finishes it once the customer signs.
     */
    @Test
    void restartedWhileOnHoldContinuesAfterSigning(@Autowired org.springframework.context.ApplicationContext context) {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        signicat.sign(sessionOf(number));
        ConsentDriver afterRestart = context.getAutowireCapableBeanFactory().createBean(ConsentDriver.class);
        clock.advance(Duration.ofMinutes(3));
        afterRestart.advanceDue(10);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(number).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void anOrganisationNeedsNoConsentAndIsImportedAtOnce() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(order(point(), null, null));
        body.remove("nationalId");
        body.put("customerKind", "ORGANISATION");
        body.put("organisationNumber", TestData.organisationNumber());
        body.put("organisationName", "Nordlys Bakeri AS");
        long number = placed(body);
        elhubAnswers();   // Elhub confirms the start of supply: the contract is opened, the order finalized
        assertThat(view(number).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(view(number).path("consentFlow").asString()).isEqualTo("NOT_REQUIRED");
    }

    @Test
    void badOrdersAreRefusedWithTheirReasonsAndNothingIsStored() {
        String point = point();
        DatabaseSnapshot before = snapshot();
        Map<String, Object> body = new java.util.LinkedHashMap<>(order(point, TestData.nationalId(), null));
        body.put("productCode", "NO-SUCH-PRODUCT");
        body.put("startDate", "2026-01-01");
        Api.Response refused = api.post(Role.PARTNER, "/api/v1/contract-orders", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("productCode", "product.unknown", "startDate", "order.startDate.window");
        assertThat(snapshot()).isEqualTo(before);

        long first = placed(order(point, TestData.nationalId(), null));
        Api.Response duplicate = api.post(Role.PARTNER, "/api/v1/contract-orders", order(point, TestData.nationalId(), null));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.raw()).contains("meteringPointId", "order.duplicate", String.valueOf(first));
    }

    @Test
    void theAuditTrailDetectsARowChangedInTheDatabase() {
        long number = placed(order(point(), TestData.nationalId(), null));
        driver.advanceDue(10);
        String chain = "order-" + number;
        assertThat(api.get(Role.ADMIN, "/api/v1/consent-audit/verification?orderNumber=" + number).body().path("brokenAt").isMissingNode()).isTrue();
        // the trigger refuses a plain update
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update consent_event set payload = 'x' where chain = :c")
                .param("c", chain).update()).rootCause().hasMessageContaining("append-only");
        // an owner who switches the trigger off (replica mode) can still change a row — verification finds it
        jdbc.sql("""
                do $$ begin
                  set local session_replication_role = replica;
                  update consent_event set payload = replace(payload, 'SIGNING_LINK_SENT', 'SIGNING_LINK_LOST')
                  where chain = '%s' and payload like '%%SIGNING_LINK_SENT%%';
                end $$""".formatted(chain)).update();
        JsonNode verification = api.get(Role.ADMIN, "/api/v1/consent-audit/verification?orderNumber=" + number).body();
        assertThat(verification.at("/brokenAt/chain").asString()).isEqualTo(chain);
        assertThat(verification.at("/brokenAt/reason").asString()).isEqualTo("hash does not match the payload");
    }
}
