package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Billing staff maintain tariff elements and their dated prices; property 900 drives the compensation segments; staff
 * put metering points and contracts in manual segments; anything reaching into an invoiced period asks for recalculation.
 */
class SegmentsAndTariffsTest extends ApiTest {

    private String gridOwner;

    @BeforeEach
    void gridOwner() {
        gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Segmentnett AS"));
    }

    @Test
    void property900DrivesTheCompensationSegments() {
        String point = registerPoint("35");
        steps.setProperty(Role.BILLING, point, 900, 0, "2026-01-01");                   // strømstøtte
        steps.setProperty(Role.BILLING, point, 900, 1, "2026-03-01");                   // Norgespris household from 1 March

        Api.Response segments = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/segments");
        assertThat(segments.status()).as(segments.raw()).isEqualTo(200);
        assertThat(memberships(segments)).containsExactly(
                "103 2026-01-01..2026-03-01 METERING_POINT",
                "101 2026-03-01..open METERING_POINT");
        assertThat(segments.text("/0/kind")).isEqualTo("DERIVED");

        // Re-deriving with nothing changed writes nothing.
        DatabaseSnapshot before = snapshot();
        Api.Response refresh = api.post(Role.BILLING, "/api/v1/metering-points/" + point + "/segments/refresh", Map.of());
        assertThat(refresh.status()).as(refresh.raw()).isEqualTo(200);
        assertThat(refresh.json("/changed").asBoolean()).isFalse();
        assertThat(snapshot()).isEqualTo(before);

        // No compensation from 1 May: the Norgespris membership ends, no segment follows.
        steps.setProperty(Role.BILLING, point, 900, 3, "2026-05-01");
        assertThat(memberships(api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/segments"))).containsExactly(
                "103 2026-01-01..2026-03-01 METERING_POINT",
                "101 2026-03-01..2026-05-01 METERING_POINT");
    }

    @Test
    void derivedSegmentsCannotBeChangedByHand() {
        String point = registerPoint("35");
        DatabaseSnapshot before = snapshot();
        Api.Response refused = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/segments",
                json("segmentId", 101, "validFrom", "2026-01-01"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("/violations/0/field")).isEqualTo("segmentId");
        assertThat(refused.text("/violations/0/rule")).isEqualTo("segment.derived");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMembershipReachingBackIntoAnInvoicedPeriodRaisesARecalculationNeed() {
        int segment = manualSegment();
        String point = registerPoint("35");
        steps.billedUntil(point, "2026-03-01");

        Api.Response added = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/segments",
                json("segmentId", segment, "validFrom", "2026-02-01", "validTo", "2026-06-01"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.text("/kind")).isEqualTo("MANUAL");

        // Invoiced up to 1 March: only February needs recalculation.
        Api.Response needs = api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + point);
        assertThat(needs.json("")).hasSize(1);
        assertThat(needs.text("/0/reason")).isEqualTo("SEGMENT");
        assertThat(needs.text("/0/from")).isEqualTo("2026-02-01");
        assertThat(needs.text("/0/to")).isEqualTo("2026-03-01");

        // Overlapping membership of the same segment: refused, nothing stored.
        DatabaseSnapshot before = snapshot();
        Api.Response overlap = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/segments",
                json("segmentId", segment, "validFrom", "2026-05-01"));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.text("/violations/0/rule")).isEqualTo("membership.overlap");
        assertThat(snapshot()).isEqualTo(before);

        // Ending it after the horizon asks for nothing more; it cannot be extended.
        long id = added.json("/id").asLong();
        Api.Response ended = api.post(Role.CUSTOMER_SERVICE, "/api/v1/segment-memberships/" + id + "/end", json("validTo", "2026-04-01"));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.text("/validTo")).isEqualTo("2026-04-01");
        assertThat(api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + point).json("")).hasSize(1);
        Api.Response extend = api.post(Role.CUSTOMER_SERVICE, "/api/v1/segment-memberships/" + id + "/end", json("validTo", "2026-07-01"));
        assertThat(extend.status()).isEqualTo(409);
        assertThat(extend.text("/violations/0/rule")).isEqualTo("period.extend");

        // A membership after the invoiced period raises nothing.
        String other = registerPoint("35");
        steps.billedUntil(other, "2026-03-01");
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + other + "/segments", json("segmentId", segment, "validFrom", "2026-03-01"));
        assertThat(api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + other).json("")).isEmpty();
    }

    @Test
    void aContractsMembershipAppliesToItsMeteringPoints() {
        int segment = manualSegment();
        String point = registerPoint("35");
        long contract = contract(point, "SPOT", "2026-01-01");
        Api.Response added = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contract + "/segments",
                json("segmentId", segment, "validFrom", "2026-01-01"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(memberships(api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/segments")))
                .containsExactly(segment + " 2026-01-01..open CONTRACT");
    }

    @Test
    void onlyAdminDefinesSegments() {
        Api.Response refused = api.post(Role.CUSTOMER_SERVICE, "/api/v1/segment-groups", json("id", 9000 + TestData.unique(), "name", "X"));
        assertThat(refused.status()).isEqualTo(403);
        Api.Response groups = api.get(Role.PARTNER, "/api/v1/segment-groups");
        assertThat(groups.text("/0/segments/0/name")).isEqualTo("Norgespris husholdning kraft");
    }

    @Test
    void aPriceChangeAppendsAVersionAndNeverRewritesHistory() {
        String code = "PASLAG-" + TestData.unique();
        Api.Response created = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", code, "groupCode", "KRAFT",
                "productCode", "SPOT", "kind", "MARKUP", "invoiceText", "Påslag", "vat", "STANDARD", "validFrom", "2026-01-01",
                "price", json("amount", "0.049")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(new BigDecimal(created.text("/prices/0/amount"))).isEqualByComparingTo("0.049");

        Api.Response changed = api.post(Role.BILLING, "/api/v1/tariff-elements/" + code + "/prices",
                json("validFrom", "2026-04-01", "amount", "0.059", "version", created.json("/version").asLong()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json("/prices")).hasSize(2);
        assertThat(changed.text("/prices/0/validTo")).isEqualTo("2026-04-01");
        assertThat(new BigDecimal(changed.text("/prices/0/amount"))).isEqualByComparingTo("0.049");
        assertThat(changed.text("/prices/1/validFrom")).isEqualTo("2026-04-01");
        assertThat(changed.json("/prices/1/validTo").isMissingNode()).isTrue();

        DatabaseSnapshot before = snapshot();
        Api.Response rewrite = api.post(Role.BILLING, "/api/v1/tariff-elements/" + code + "/prices",
                json("validFrom", "2026-02-01", "amount", "0.039", "version", changed.json("/version").asLong()));
        assertThat(rewrite.status()).isEqualTo(409);
        assertThat(rewrite.text("/violations/0/rule")).isEqualTo("history.beforeLatest");
        Api.Response stale = api.post(Role.BILLING, "/api/v1/tariff-elements/" + code + "/prices",
                json("validFrom", "2026-06-01", "amount", "0.039", "version", created.json("/version").asLong()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aPriceChangeInsideAnInvoicedPeriodRaisesRecalculationForThePointsOnTheProduct() {
        String onProduct = registerPoint("35");
        contract(onProduct, "FAST12", "2026-01-01");
        steps.billedUntil(onProduct, "2026-03-01");
        String onOtherProduct = registerPoint("35");
        contract(onOtherProduct, "VARIABEL", "2026-01-01");
        steps.billedUntil(onOtherProduct, "2026-03-01");

        String code = "FASTBELOP-" + TestData.unique();
        Api.Response created = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", code, "groupCode", "KRAFT",
                "productCode", "FAST12", "kind", "FIXED_MONTHLY", "invoiceText", "Fastbeløp", "vat", "STANDARD",
                "validFrom", "2026-01-01", "price", json("amount", "39.00")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        api.post(Role.BILLING, "/api/v1/tariff-elements/" + code + "/prices",
                json("validFrom", "2026-02-15", "amount", "49.00", "version", created.json("/version").asLong()));

        // (a SUPPLY need from opening the contracts may stand too, when other tests have invoiced February already)
        List<JsonNode> needs = priceNeeds(onProduct);
        assertThat(needs).hasSize(1);
        assertThat(needs.getFirst().at("/from").asString()).isEqualTo("2026-02-15");
        assertThat(needs.getFirst().at("/to").asString()).isEqualTo("2026-03-01");
        assertThat(priceNeeds(onOtherProduct)).isEmpty();
    }

    private List<JsonNode> priceNeeds(String point) {
        return api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + point).json("").valueStream()
                .filter(n -> n.at("/reason").asString().equals("PRICE")).toList();
    }

    @Test
    void badTariffElementsAreRejectedAtTheEdge() {
        DatabaseSnapshot before = snapshot();
        Api.Response fixedFromTable = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", "BAD-" + TestData.unique(),
                "groupCode", "KRAFT", "kind", "FIXED_MONTHLY", "invoiceText", "Fast", "vat", "STANDARD", "validFrom", "2026-01-01",
                "price", json("priceCalculation", 4)));
        assertThat(fixedFromTable.status()).isEqualTo(400);
        assertThat(fixedFromTable.text("/violations/0/field")).isEqualTo("price.priceCalculation");
        assertThat(fixedFromTable.text("/violations/0/rule")).isEqualTo("tariffElement.fixedOnly");

        Api.Response tooPrecise = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", "bad code",
                "groupCode", "KRAFT", "kind", "MARKUP", "invoiceText", "Påslag", "vat", "HALF", "validFrom", "2026-01-01",
                "price", json("amount", "0.0490001")));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(violations(tooPrecise)).containsExactlyInAnyOrder("code tariffElement.code", "vat enum.unknown",
                "price.amount amount.scale");

        Api.Response unknownRefs = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", "REF-" + TestData.unique(),
                "groupCode", "NOSUCH", "productCode", "NOSUCH", "kind", "ENERGY_PRICE", "invoiceText", "Energi", "vat", "STANDARD",
                "requiredSegmentId", 999999, "validFrom", "2026-01-01", "price", json("amount", "0.5")));
        assertThat(unknownRefs.status()).isEqualTo(400);
        assertThat(violations(unknownRefs)).containsExactlyInAnyOrder("groupCode tariffGroup.unknown", "productCode product.unknown",
                "requiredSegmentId segment.unknown");

        Api.Response compensationWithoutSegment = api.post(Role.BILLING, "/api/v1/tariff-elements", json("code", "NP-" + TestData.unique(),
                "groupCode", "STROMSTOTTE", "kind", "COMPENSATION", "invoiceText", "Norgespris", "vat", "STANDARD",
                "validFrom", "2026-01-01", "price", json("amount", "0.40")));
        assertThat(compensationWithoutSegment.status()).isEqualTo(400);
        assertThat(compensationWithoutSegment.text("/violations/0/rule")).isEqualTo("tariffElement.compensationSegment");

        Api.Response byCustomerService = api.post(Role.CUSTOMER_SERVICE, "/api/v1/tariff-elements", json("code", "CS-1"));
        assertThat(byCustomerService.status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMeteringPointsPricesShowTheElementsOfItsProductAndTheCompensationLines() {
        String point = registerPoint("35");
        contract(point, "SPOT", "2026-02-10");
        String spotMarkup = "SPOTPASLAG-" + TestData.unique();
        String norgespris = "NORGESPRIS-" + TestData.unique();
        int calculation = 700 + TestData.unique() % 10_000;
        api.post(Role.BILLING, "/api/v1/price-calculations", json("number", calculation, "name", "Norgespris",
                "description", "Norgespris 40 øre basis", "formula", ":a-0.40"));
        define(json("code", spotMarkup, "groupCode", "KRAFT", "productCode", "SPOT", "kind", "MARKUP", "invoiceText", "Påslag",
                "vat", "STANDARD", "validFrom", "2026-01-01", "price", json("amount", "0.049")));
        // product-bound here so it does not reach other tests' deliveries (a real compensation element has no product)
        define(json("code", norgespris, "groupCode", "STROMSTOTTE", "productCode", "SPOT", "kind", "COMPENSATION", "invoiceText", "Norgespris",
                "vat", "STANDARD", "requiredSegmentId", 101, "validFrom", "2025-10-01", "price", json("priceCalculation", calculation)));

        Api.Response prices = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/prices?from=2026-02-01&to=2026-03-01");
        assertThat(prices.status()).as(prices.raw()).isEqualTo(200);
        assertThat(prices.text("/priceAreas/0/priceArea")).isEqualTo("NO5");
        assertThat(prices.text("/deliveries/0/productCode")).isEqualTo("SPOT");
        assertThat(prices.text("/deliveries/0/from")).isEqualTo("2026-02-10");   // supplied from 10 February
        List<String> codes = prices.json("/deliveries/0/elements").valueStream().map(e -> e.at("/code").asString()).toList();
        assertThat(codes).contains(spotMarkup, norgespris);
        var shown = prices.json("/deliveries/0/elements").valueStream().filter(e -> e.at("/code").asString().equals(norgespris))
                .findFirst().orElseThrow();
        assertThat(shown.at("/requiredSegmentId").asInt()).isEqualTo(101);
        assertThat(shown.at("/prices/0/priceCalculation").asInt()).isEqualTo(calculation);
        assertThat(shown.at("/prices/0/from").asString()).isEqualTo("2026-02-10");

        Api.Response tooLong = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/prices?from=2026-01-01&to=2026-06-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("/violations/0/rule")).isEqualTo("period.tooLong");
    }

    private void define(Map<String, Object> element) {
        Api.Response created = api.post(Role.BILLING, "/api/v1/tariff-elements", element);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    private int manualSegment() {
        int group = 200 + TestData.unique();
        int segment = 100_000 + TestData.unique();
        Api.Response g = api.post(Role.ADMIN, "/api/v1/segment-groups", json("id", group, "name", "Kampanjer", "sortOrder", 5));
        assertThat(g.status()).as(g.raw()).isEqualTo(201);
        Api.Response s = api.post(Role.ADMIN, "/api/v1/segments", json("id", segment, "groupId", group, "name", "Vinterkampanje"));
        assertThat(s.status()).as(s.raw()).isEqualTo(201);
        return segment;
    }

    private long contract(String point, String product, String from) {
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Seg", "Ment"))
                .json("/customerNumber").asLong();
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(customer, from, List.of(TestData.delivery(point, product, from, null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        return contract.json("/contractNumber").asLong();
    }

    private String registerPoint(String endUserGroup) {
        String id = TestData.meteringPointId();
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(id, "NO5", gridOwner, endUserGroup, "4621"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return id;
    }

    private static List<String> memberships(Api.Response response) {
        return response.json("").valueStream().map(m -> m.at("/segmentId").asInt() + " " + m.at("/validFrom").asString() + ".."
                + (m.at("/validTo").isMissingNode() || m.at("/validTo").isNull() ? "open" : m.at("/validTo").asString()) + " "
                + m.at("/via").asString()).toList();
    }

    private static List<String> violations(Api.Response response) {
        return response.json("/violations").valueStream().map(v -> v.at("/field").asString() + " " + v.at("/rule").asString()).toList();
    }
}
