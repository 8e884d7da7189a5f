package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of bad input gets the right status and an RFC 9457 problem naming field and rule — and leaves the
 * database exactly as it was.
 */
class BadInputTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static String gridOwner;
    private static long customerNumber;
    private static String meteringPoint;

    @BeforeEach
    void fixtures() {
        if (gridOwner == null) {
            gridOwner = TestData.gln();
            api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Feilnett AS"));
            customerNumber = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers",
                    TestData.person(TestData.nationalId(), "Feil", "Test")).json("/customerNumber").asLong();
            meteringPoint = TestData.meteringPointId();
            api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(meteringPoint, "NO1", gridOwner, "35", "0301"));
        }
    }

    record Case(String name, Role role, String path, String body, int status, String field, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String body(Map<String, Object> map) {
        return JSON.writeValueAsString(map);
    }

    static Map<String, Object> with(Map<String, Object> map, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> cases() {
        String person = "/api/v1/customers";
        return Stream.of(
                new Case("national ID with wrong second check digit", Role.CUSTOMER_SERVICE, person,
                        body(TestData.person("15038512364", "Kari", "Feil")), 400, "nationalId", "nationalId.checkDigit2"),
                new Case("D-nummer with impossible date", Role.CUSTOMER_SERVICE, person,
                        body(TestData.person("72138512363", "Kari", "Feil")), 400, "nationalId", "nationalId.birthDate"),
                new Case("organisation number with wrong check digit", Role.CUSTOMER_SERVICE, person,
                        body(TestData.organisation("923609017", "Feil AS")), 400, "organisationNumber", "organisationNumber.checkDigit"),
                new Case("landline as mobile", Role.CUSTOMER_SERVICE, person,
                        body(with(TestData.person(TestData.nationalId(), "Kari", "Feil"), "mobile", "22 12 34 56")),
                        400, "mobile", "mobile.norwegianMobile"),
                new Case("missing names", Role.CUSTOMER_SERVICE, person,
                        body(json("kind", "PRIVATE", "nationalId", TestData.nationalId())), 400, "firstName", "required"),
                new Case("unknown customer kind", Role.CUSTOMER_SERVICE, person,
                        body(json("kind", "COMPANY")), 400, "kind", "kind.unknown"),
                new Case("malformed JSON", Role.CUSTOMER_SERVICE, person,
                        "{\"kind\": \"PRIVATE\", ", 400, null, "json.malformed"),
                new Case("metering point ID with wrong check digit", Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                        body(TestData.meteringPoint("707057500012345678", "NO1", "7080000000012", "35", "0301")),
                        400, "meteringPointId", "meteringPointId.checkDigit"),
                new Case("unknown price area", Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                        body(TestData.meteringPoint(TestData.meteringPointId(), "NO6", "7080000000012", "35", "0301")),
                        400, "priceArea", "priceArea.unknown"),
                new Case("grid owner GLN with wrong check digit", Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                        body(TestData.meteringPoint(TestData.meteringPointId(), "NO1", "7080000000013", "35", "0301")),
                        400, "gridOwnerGln", "gln.checkDigit"),
                new Case("resolution that is not PT1H or PT15M", Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                        body(with(TestData.meteringPoint(TestData.meteringPointId(), "NO1", "7080000000012", "35", "0301"),
                                "resolution", "PT30M")), 400, "resolution", "resolution.unknown"),
                new Case("no dwelling units behind the meter", Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                        body(with(TestData.meteringPoint(TestData.meteringPointId(), "NO1", "7080000000012", "35", "0301"),
                                "dwellingUnits", 0)), 400, "dwellingUnits", "dwellingUnits.range"),
                new Case("malformed date", Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                        "{\"customerNumber\": \"1000001\", \"startDate\": \"2026-13-45\"}", 400, "startDate", "date.format"),
                new Case("delivery ending before it starts", Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                        body(json("customerNumber", "1", "startDate", "2026-01-01", "deliveries",
                                List.of(TestData.delivery(TestData.meteringPointId(), "SPOT", "2026-05-01", "2026-04-01")))),
                        400, "deliveries[0].validTo", "period.endBeforeStart"),
                new Case("contract without customer", Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                        body(json("startDate", "2026-01-01")), 400, "customerNumber", "required"),
                new Case("partner may not register customers", Role.PARTNER, person,
                        body(TestData.person(TestData.nationalId(), "Kari", "Feil")), 403, null, null),
                new Case("billing may not open contracts", Role.BILLING, "/api/v1/contracts",
                        body(json("startDate", "2026-01-01")), 403, null, null),
                new Case("no token", null, person, body(TestData.person(TestData.nationalId(), "Kari", "Feil")), 401, null, null),
                new Case("customer service may not add grid owners", Role.CUSTOMER_SERVICE, "/api/v1/grid-owners",
                        body(json("gln", "7080000000067", "name", "Ny Nett AS")), 403, null, null),
                new Case("segment membership ending on its first day", Role.CUSTOMER_SERVICE,
                        "/api/v1/metering-points/" + TestData.meteringPointId() + "/segments",
                        body(json("segmentId", 500, "validFrom", "2026-03-01", "validTo", "2026-03-01")), 400, "validTo",
                        "period.endBeforeStart"),
                new Case("segment group with a negative id", Role.ADMIN, "/api/v1/segment-groups",
                        body(json("id", -1, "name", "Negativ")), 400, "id", "positive"),
                new Case("classification of a metering point with a wrong check digit", Role.BILLING,
                        "/api/v1/metering-points/707057500012345678/compensation-classification", "{}", 400, "meteringPointId",
                        "meteringPointId.checkDigit"),
                new Case("tariff price change without the version read", Role.BILLING, "/api/v1/tariff-elements/NOSUCH/prices",
                        body(json("validFrom", "2026-01-01", "amount", "0.10")), 400, "version", "required"),
                new Case("billing run for a month written wrong", Role.BILLING, "/api/v1/billing-runs",
                        body(json("month", "2026-13")), 400, "month", "month.format"),
                new Case("RME report for a month written wrong", Role.BILLING, "/api/v1/rme-reports",
                        body(json("month", "november")), 400, "month", "month.format"),
                new Case("Norgespris order for a metering point with a wrong check digit", Role.CUSTOMER_SERVICE,
                        "/api/v1/metering-points/707057500012345678/norgespris/order", body(json("startDate", "2026-04-01")), 400,
                        "meteringPointId", "meteringPointId.checkDigit"),
                new Case("Norgespris order without a start date", Role.CUSTOMER_SERVICE,
                        "/api/v1/metering-points/" + TestData.meteringPointId() + "/norgespris/order", "{}", 400, "startDate", "required"),
                new Case("Norgespris order from 30 February", Role.CUSTOMER_SERVICE,
                        "/api/v1/metering-points/" + TestData.meteringPointId() + "/norgespris/order", "{\"startDate\":\"2026-02-30\"}", 400,
                        "startDate", "date.format"),
                new Case("Norgespris sync naming no metering point", Role.BILLING, "/api/v1/elhub/norgespris-sync/metering-points",
                        body(json("meteringPointIds", List.of())), 400, "meteringPointIds", "required"),
                new Case("Norgespris sync with a wrong metering-point ID", Role.BILLING, "/api/v1/elhub/norgespris-sync/metering-points",
                        body(json("meteringPointIds", List.of("12345"))), 400, "meteringPointIds", "meteringPointId.format"),
                new Case("metering-point look-up with a street wildcard after four letters", Role.PARTNER,
                        "/api/v1/elhub/metering-point-lookups",
                        body(json("endUserId", "01018010018", "streetName", "Stor*", "postcode", "0155")), 400, "streetName", "lookup.wildcard"),
                new Case("partners may not order Norgespris", Role.PARTNER,
                        "/api/v1/metering-points/" + TestData.meteringPointId() + "/norgespris/order", body(json("startDate", "2026-04-01")),
                        403, null, null),
                new Case("order with a wrong national ID", Role.PARTNER, "/api/v1/contract-orders",
                        body(order("01017012344", TestData.meteringPointId(), "2026-04-01")), 400, "nationalId", "nationalId.checkDigit2"),
                new Case("order with a wrong metering-point ID", Role.PARTNER, "/api/v1/contract-orders",
                        body(order(TestData.nationalId(), "707057500000000019", "2026-04-01")), 400, "meteringPointId", "meteringPointId.checkDigit"),
                new Case("order with an impossible start date", Role.PARTNER, "/api/v1/contract-orders",
                        body(order(TestData.nationalId(), TestData.meteringPointId(), "2026-02-30")), 400, "startDate", "date.format"),
                new Case("order for a metering point we do not know", Role.PARTNER, "/api/v1/contract-orders",
                        body(order(TestData.nationalId(), TestData.meteringPointId(), "2026-04-01")), 400, "meteringPointId", "meteringPoint.unknown"),
                new Case("Signicat webhook without an event id", Role.PARTNER, "/api/v1/signicat/webhook",
                        body(json("eventData", json("signingSessionId", "ks-unknown"))), 400, "id", "required"),
                new Case("billing may not place orders", Role.BILLING, "/api/v1/contract-orders",
                        body(order(TestData.nationalId(), TestData.meteringPointId(), "2026-04-01")), 403, null, null),
                new Case("partner: date of birth 30 February", Role.PARTNER, "/api/v1/partner/accounts/1000001/date-of-birth-confirmations",
                        body(json("dateOfBirth", "1980-02-30")), 400, "dateOfBirth", "date.format"),
                new Case("partner: postponement with a malformed invoice number", Role.PARTNER,
                        "/api/v1/partner/accounts/1000001/payment-arrangements", body(json("invoiceNumber", "10-42", "newDueDate", "2026-04-01")),
                        400, "invoiceNumber", "invoiceNumber.format"),
                new Case("partner: postponement without a new due date", Role.PARTNER,
                        "/api/v1/partner/accounts/1000001/payment-arrangements", body(json("invoiceNumber", "100001")), 400, "newDueDate", "required"),
                new Case("partner: contact through an unknown channel", Role.PARTNER, "/api/v1/partner/accounts/1000001/contacts",
                        body(json("channel", "TELEGRAM", "summary", "hello")), 400, "channel", "channel.unknown"),
                new Case("partner: move-in with a wrong metering-point ID", Role.PARTNER, "/api/v1/partner/accounts/1000001/move-ins",
                        body(json("meteringPointId", "707057500000000019", "startDate", "2026-04-01",
                                "newAddress", json("street", "Ny vei 1", "postcode", "5710", "city", "Voss"))),
                        400, "meteringPointId", "meteringPointId.checkDigit"),
                new Case("partner: work order without a title", Role.PARTNER, "/api/v1/partner/accounts/1000001/work-orders",
                        body(json("description", "no title")), 400, "title", "required"),
                new Case("partner: add-on with a malformed code", Role.PARTNER, "/api/v1/partner/accounts/1000001/add-ons",
                        body(json("code", "drop table;")), 400, "code", "code.format"),
                new Case("billing may not use the partner API", Role.BILLING, "/api/v1/partner/accounts/1000001/contacts",
                        body(json("channel", "PHONE", "summary", "hello")), 403, null, null),
                new Case("manual payment match naming neither invoice nor customer", Role.BILLING, "/api/v1/payments/1/match", "{}", 400,
                        "invoiceNumber", "required"),
                new Case("debt collection without an agency", Role.BILLING, "/api/v1/invoices/100001/debt-collection", "{}", 400,
                        "agency", "required"),
                new Case("case with an impossible deadline", Role.CUSTOMER_SERVICE, "/api/v1/cases",
                        body(json("title", "t", "description", "d", "deadline", "2026-02-30")), 400, "deadline", "date.format"),
                // the shared reading of every JSON body (RequestJson) and of every enum (RequestValues.oneOf)
                new Case("a field the request does not have (typo)", Role.CUSTOMER_SERVICE, person,
                        body(with(TestData.person(TestData.nationalId(), "Kari", "Feil"), "emial", "kari@example.no")), 400, "emial",
                        "field.unknown"),
                new Case("order through an unknown channel (lower case)", Role.PARTNER, "/api/v1/contract-orders",
                        body(with(order(TestData.nationalId(), TestData.meteringPointId(), "2026-04-01"), "channel", "web_shop")), 400,
                        "channel", "channel.unknown"),
                new Case("order of an unknown kind", Role.PARTNER, "/api/v1/contract-orders",
                        body(with(order(TestData.nationalId(), TestData.meteringPointId(), "2026-04-01"), "kind", "switch")), 400,
                        "kind", "kind.unknown"),
                new Case("order with an unknown consent flow", Role.PARTNER, "/api/v1/contract-orders",
                        body(with(order(TestData.nationalId(), TestData.meteringPointId(), "2026-04-01"), "consentFlow", "MAYBE")), 400,
                        "consentFlow", "consentFlow.unknown"),
                new Case("NUL in a name", Role.CUSTOMER_SERVICE, person,
                        body(TestData.person(TestData.nationalId(), "Kari\u0000", "Feil")), 400, "firstName", "text.controlCharacter"),
                new Case("a right-to-left override in a name", Role.CUSTOMER_SERVICE, person,
                        body(TestData.person(TestData.nationalId(), "Kari", "\u202Elief")), 400, "lastName", "text.controlCharacter"),
                new Case("a line break in a single-line field", Role.CUSTOMER_SERVICE, "/api/v1/cases",
                        body(json("title", "two\nlines", "description", "d")), 400, "title", "text.controlCharacter"),
                new Case("an order starting in the year +999999999", Role.PARTNER, "/api/v1/contract-orders",
                        body(order(TestData.nationalId(), TestData.meteringPointId(), "+999999999-12-31")), 400, "startDate", "date.range"),
                new Case("a contract starting before 1900", Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                        body(json("customerNumber", "1000001", "startDate", "1899-12-31")), 400, "startDate", "date.range"),
                new Case("a case deadline after 2100", Role.CUSTOMER_SERVICE, "/api/v1/cases",
                        body(json("title", "t", "description", "d", "deadline", "2101-01-01")), 400, "deadline", "date.range"),
                new Case("a case deadline in the past (today is 15 March 2026)", Role.CUSTOMER_SERVICE, "/api/v1/cases",
                        body(json("title", "t", "description", "d", "deadline", "2026-03-14")), 400, "deadline", "deadline.past")
        ).map(Arguments::of);
    }

    private static Map<String, Object> order(String nationalId, String meteringPointId, String startDate) {
        return json("channel", "WEB_SHOP", "kind", "SWITCH", "customerKind", "PRIVATE", "nationalId", nationalId, "firstName", "Kari",
                "lastName", "Nordmann", "email", "kari@example.no", "meteringPointId", meteringPointId, "productCode", "SPOT",
                "startDate", startDate);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedAndNothingChanged(Case c) {
        DatabaseSnapshot before = snapshot();
        Api.Response response = api.postRaw(c.role(), c.path(), c.body());

        assertThat(response.status()).as(response.raw()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json("/status").asInt()).isEqualTo(c.status());
        assertThat(response.text("/title")).isNotBlank();
        if (c.rule() != null) {
            assertThat(response.json("/violations").valueStream()
                    .map(v -> (v.at("/field").isMissingNode() ? null : v.at("/field").asString()) + "|" + v.at("/rule").asString()))
                    .contains(c.field() + "|" + c.rule());
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void referencesToUnknownThingsNameTheField() {
        DatabaseSnapshot before = snapshot();
        Api.Response response = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customerNumber, "2026-01-01",
                List.of(TestData.delivery(TestData.meteringPointId(), "GRATIS", "2026-01-01", null))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()))
                .containsExactlyInAnyOrder("deliveries[0].meteringPointId|meteringPoint.unknown",
                        "deliveries[0].productCode|product.unknown");
        Api.Response unknownCustomer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(1, "2026-01-01", List.of()));
        assertThat(unknownCustomer.text("/violations/0/rule")).isEqualTo("customer.unknown");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void industryCodeMustExistInTheListOfItsPeriod() {
        // 68.201 (borettslag) is SN2007; from 1 September 2025 housing cooperatives are 97.001.
        var body = TestData.meteringPoint(TestData.meteringPointId(), "NO3", gridOwner, "35", "5001");
        body.put("industryCode", "68.201");
        Api.Response rejected = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.text("/violations/0/field")).isEqualTo("industryCode");
        assertThat(rejected.text("/violations/0/rule")).isEqualTo("industryCode.unknown");
        body.put("validFrom", "2025-08-01");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body).status()).isEqualTo(201);
    }

    @Test
    void municipalityNumberMustBeInTheOfficialListInForceOnTheDay() {
        // Bærum was 3024 until 2023 and is 3201 from 2024 (the county decides VAT exemption, so a stale number matters)
        DatabaseSnapshot before = snapshot();
        var body = TestData.meteringPoint(TestData.meteringPointId(), "NO1", gridOwner, "35", "3024");
        Api.Response rejected = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body);
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(400);
        assertThat(rejected.text("/violations/0/field")).isEqualTo("address.municipalityNumber");
        assertThat(rejected.text("/violations/0/rule")).isEqualTo("municipalityNumber.unknown");
        assertThat(rejected.text("/violations/0/message")).contains("3024", "2026-01-01");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(TestData.meteringPointId(), "NO1", gridOwner, "35", "9999")).status()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
        body.put("validFrom", "2023-06-01");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body).status()).isEqualTo(201);
    }

    @Test
    void everyWrongTypeAndUnknownFieldOfOneBodyIsReportedAtOnce() {
        DatabaseSnapshot before = snapshot();
        String body = """
                {"meteringPointId": "%s", "validFrom": "2026-13-01", "priceArea": {"code": "NO1"}, "gridOwnerGln": "%s",
                 "address": {"street": "Fjellveien 3", "postcode": "5710", "city": "Vo\\u0000ss", "municipalityNumber": "4621", "flat": "H0101"},
                 "endUserGroup": ["35"], "resolution": "PT15M", "vatExempt": "maybe", "dwellingUnits": "many", "emial": "x@example.no"}
                """.formatted(TestData.meteringPointId(), gridOwner);
        Api.Response rejected = api.postRaw(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", body);
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(400);
        assertThat(rejected.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()).toList())
                .containsExactlyInAnyOrder("validFrom|date.format", "priceArea|format", "address.city|text.controlCharacter",
                        "address.flat|field.unknown", "endUserGroup|format", "vatExempt|format", "dwellingUnits|format",
                        "emial|field.unknown");
        assertThat(rejected.json("/violations").valueStream().map(v -> v.at("/message").asString()).toList())
                .contains("'priceArea' has the wrong type: text expected", "'dwellingUnits' has the wrong type or format: a number expected");
        assertThat(snapshot()).isEqualTo(before);

        // in a list, the element is named by its index; an unknown enum value lists the allowed ones
        Api.Response order = api.postRaw(Role.CUSTOMER_SERVICE, "/api/v1/cases", """
                {"kind": "ENQUIRY", "title": ["a"], "description": {"x": 1}, "flagged": "often"}""");
        assertThat(order.status()).as(order.raw()).isEqualTo(400);
        assertThat(order.json("/violations").valueStream().map(v -> v.at("/field").asString()).toList())
                .containsExactlyInAnyOrder("title", "description", "flagged");
    }

    @Test
    void duplicatesAndMissingResources() {
        String nationalId = TestData.nationalId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(nationalId, "Ola", "En")).status()).isEqualTo(201);
        DatabaseSnapshot before = snapshot();
        Api.Response duplicate = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(nationalId, "Ola", "To"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("/violations/0/rule")).isEqualTo("customer.nationalIdTaken");
        Api.Response again = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(meteringPoint, "NO1", gridOwner, "35", "0301"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/violations/0/rule")).isEqualTo("meteringPoint.exists");
        assertThat(snapshot()).isEqualTo(before);

        assertThat(api.get(Role.BILLING, "/api/v1/customers/99999999").status()).isEqualTo(404);
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + TestData.meteringPointId()).status()).isEqualTo(404);
        Api.Response badPath = api.get(Role.BILLING, "/api/v1/metering-points/12345");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.text("/violations/0/rule")).isEqualTo("meteringPointId.format");
        Api.Response badPage = api.get(Role.BILLING, "/api/v1/customers?size=1000");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.text("/violations/0/field")).isEqualTo("size");
    }

    @Test
    void anUnknownStatusInAQueryListsTheAllowedValues() {
        Api.Response response = api.get(Role.BILLING, "/api/v1/elhub/work-items?status=open");
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("/violations/0/field")).isEqualTo("status");
        assertThat(response.text("/violations/0/rule")).isEqualTo("status.unknown");
        assertThat(response.text("/violations/0/message")).contains("OPEN");
    }

    @Test
    void lineBreaksAreKeptWhereAFieldIsMultiLineByNature() {
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases",
                json("title", "Flere linjer", "description", "første linje\nandre linje"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("/description")).isEqualTo("første linje\nandre linje");
    }

    @Test
    void aNumberTooLargeForItsColumnIs400AndChangesNothing() {
        DatabaseSnapshot before = snapshot();
        // a whole day of prices (so the file passes its own checks), one trillion NOK/kWh: more than numeric(14, 6) holds
        Api.Response response = api.postText(Role.BILLING, "/api/v1/spot-prices", "text/csv",
                PriceTablesTest.csv("NO4", java.time.LocalDate.of(2024, 5, 2), "1000000000000"));
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("/violations/0/rule")).isEqualTo("number.outOfRange");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theHourIsSpelledEitherWayEverywhere() {
        // Elhub writes PT60M; registration took only PT1H while the meter-value file took both
        String point = TestData.meteringPointId();
        Api.Response registered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                with(TestData.meteringPoint(point, "NO1", gridOwner, "35", "0301"), "resolution", "pt60m"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(api.get(Role.BILLING, "/api/v1/metering-points/" + point).text("/characteristics/resolution")).isEqualTo("PT1H");
    }

    @Test
    void aDeliveryCannotStartBeforeTheMeteringPointIsRegistered() {
        DatabaseSnapshot before = snapshot();
        // the fixture's point is registered from 1 January 2026
        Api.Response early = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customerNumber, "2025-12-01",
                List.of(TestData.delivery(meteringPoint, "SPOT", "2025-12-01", null))));
        assertThat(early.status()).as(early.raw()).isEqualTo(400);
        assertThat(early.text("/violations/0/field")).isEqualTo("deliveries[0].validFrom");
        assertThat(early.text("/violations/0/rule")).isEqualTo("delivery.beforeRegistration");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void meterValuesOnlyForDaysThePointIsRegisteredAndThatHaveEnded() {
        DatabaseSnapshot before = snapshot();
        // the fixture's point is registered from 1 January 2026; the clock stands at 15 March 2026
        Api.Response response = api.postText(Role.BILLING, "/api/v1/meter-values?source=test", "text/csv",
                "metering_point_id,day,resolution,values\n"
                        + Steps.day(meteringPoint, java.time.LocalDate.of(2026, 1, 5), 100)
                        + Steps.day(meteringPoint, java.time.LocalDate.of(2025, 12, 31), 100)
                        + Steps.day(meteringPoint, java.time.LocalDate.of(2026, 3, 15), 100)
                        + Steps.day(meteringPoint, java.time.LocalDate.of(2027, 1, 5), 100));
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()))
                .containsExactly("line 3|meterValue.outsideRegistration", "line 4|meterValue.future", "line 5|meterValue.future");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBodyAboveTheEndpointsLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        DatabaseSnapshot before = snapshot();
        // a customer is a small JSON body: 1 MB is the limit (cis.upload.other); this one is 2 MB of padding in a name
        String big = "{\"kind\":\"PRIVATE\",\"firstName\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        String token = "Bearer " + tokens.issue("someone", Role.CUSTOMER_SERVICE).accessToken();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (var body : List.of(java.net.http.HttpRequest.BodyPublishers.ofString(big),
                // no Content-Length: sent chunked, counted as it streams
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))))  {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/customers"))
                    .header("Authorization", token).header("Content-Type", "application/json").POST(body).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("upload.tooLarge").contains("\"status\":413");
        }
        assertThat(snapshot()).isEqualTo(before);
    }
}
