package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules staff meet when they change deliveries and properties: one delivery per day, history kept. */
class DeliveriesAndPropertiesTest extends ApiTest {

    private String gridOwner;

    @BeforeEach
    void gridOwner() {
        gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Testnett AS"));
    }

    @Test
    void meteringPointAlreadySuppliedToAnotherCustomerIsRejectedAndNothingChanges() {
        String point = registerPoint("35");
        long first = customer();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(first, "2026-01-01", List.of(TestData.delivery(point, "SPOT", "2026-01-01", "2026-06-01"))));

        long second = customer();
        DatabaseSnapshot before = snapshot();
        Api.Response overlapping = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(second, "2026-05-01", List.of(TestData.delivery(point, "VARIABEL", "2026-05-01", null))));

        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.contentType()).startsWith("application/problem+json");
        assertThat(overlapping.text("/violations/0/field")).isEqualTo("deliveries[0].validFrom");
        assertThat(overlapping.text("/violations/0/rule")).isEqualTo("delivery.overlap");
        assertThat(snapshot()).as("a rejected contract leaves no trace, not even the contract row").isEqualTo(before);

        // Back to back is fine: the first delivery ends 1 June (exclusive), the next starts 1 June.
        Api.Response backToBack = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(second, "2026-06-01", List.of(TestData.delivery(point, "VARIABEL", "2026-06-01", null))));
        assertThat(backToBack.status()).as(backToBack.raw()).isEqualTo(201);
    }

    @Test
    void sameMeteringPointTwiceInOneRequestIsRejected() {
        String point = registerPoint("35");
        Api.Response twice = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer(), "2026-01-01",
                List.of(TestData.delivery(point, "SPOT", "2026-01-01", "2026-04-01"),
                        TestData.delivery(point, "FAST12", "2026-03-01", null))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/violations/0/field")).isEqualTo("deliveries[1].validFrom");
    }

    @Test
    void productChangeEndsOneDeliveryAndStartsTheNext() {
        String point = registerPoint("35");
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(customer(), "2026-01-01", List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        long number = contract.json("/contractNumber").asLong();
        long deliveryId = contract.json("/deliveries/0/id").asLong();

        Api.Response changed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + number + "/deliveries/" + deliveryId
                + "/product-change", json("date", "2026-04-01", "productCode", "FAST12", "version", contract.json("/version").asLong()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json("/deliveries")).hasSize(2);
        assertThat(changed.text("/deliveries/0/productCode")).isEqualTo("SPOT");
        assertThat(changed.text("/deliveries/0/validTo")).isEqualTo("2026-04-01");
        assertThat(changed.text("/deliveries/1/productCode")).isEqualTo("FAST12");
        assertThat(changed.text("/deliveries/1/validFrom")).isEqualTo("2026-04-01");
        assertThat(changed.json("/deliveries/1/validTo").isMissingNode()).isTrue();

        // Move-out: end the new delivery; an end before its start is refused.
        long newDelivery = changed.json("/deliveries/1/id").asLong();
        long version = changed.json("/version").asLong();
        Api.Response early = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + number + "/deliveries/" + newDelivery + "/end",
                json("endDate", "2026-03-01", "version", version));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("/violations/0/rule")).isEqualTo("period.endBeforeStart");
        Api.Response ended = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + number + "/deliveries/" + newDelivery + "/end",
                json("endDate", "2026-09-01", "version", version));
        assertThat(ended.status()).as(ended.raw()).isEqualTo(200);
        assertThat(ended.text("/deliveries/1/validTo")).isEqualTo("2026-09-01");
    }

    @Test
    void norgesprisHistoryThroughTheApi() {
        String point = registerPoint("35");
        String path = "/api/v1/metering-points/" + point + "/properties/888";
        set(path, json("value", 0, "validFrom", "2025-10-01"));
        set(path, json("value", -1, "validFrom", "2025-10-02", "note", "CONTRACT_ALREADY_EXISTS: contract exists"));
        set(path, json("value", 0, "validFrom", "2025-10-03"));
        set(path, json("value", 1, "validFrom", "2025-10-03"));

        // 1 → 0 is not a move Elhub or we make: refused, nothing stored.
        DatabaseSnapshot before = snapshot();
        Api.Response refused = api.post(Role.CUSTOMER_SERVICE, path, json("value", 0, "validFrom", "2026-01-01", "version", version(point)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/violations/0/rule")).isEqualTo("property.888.transition");
        assertThat(snapshot()).isEqualTo(before);

        Api.Response point888 = api.get(Role.BILLING, "/api/v1/metering-points/" + point);
        assertThat(point888.text("/properties/888/meaning")).isEqualTo("ACTIVE");
        assertThat(point888.json("/propertyHistory/888").valueStream().map(v -> v.at("/value").asInt()).toList())
                .containsExactly(0, -1, 0, 1);
        assertThat(point888.text("/propertyHistory/888/1/note")).startsWith("CONTRACT_ALREADY_EXISTS");
        assertThat(point888.text("/propertyHistory/888/1/validTo")).isEqualTo("2025-10-03");
        assertThat(point888.text("/propertyHistory/888/0/changedBy")).isEqualTo("test-customer-service");
    }

    @Test
    void settledCompensationIsTheBillingSide() {
        String point = registerPoint("36");
        String path = "/api/v1/metering-points/" + point + "/properties/900";
        Api.Response byCustomerService = api.post(Role.CUSTOMER_SERVICE, path, json("value", 2, "validFrom", "2026-01-01", "version", version(point)));
        assertThat(byCustomerService.status()).isEqualTo(403);
        Api.Response byBilling = api.post(Role.BILLING, path, json("value", 2, "validFrom", "2026-01-01", "version", version(point)));
        assertThat(byBilling.status()).as(byBilling.raw()).isEqualTo(200);
        assertThat(byBilling.text("/properties/900/meaning")).isEqualTo("NORGESPRIS_HOLIDAY_HOME");
    }

    @Test
    void masterDataChangeKeepsTheOldVersion() {
        String point = registerPoint("35");
        var change = TestData.meteringPoint(null, "NO1", gridOwner, "36", "0301");
        change.put("validFrom", "2026-03-01");
        change.put("version", version(point));
        Api.Response changed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/characteristics", change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json("/characteristicsHistory")).hasSize(2);
        assertThat(changed.text("/characteristicsHistory/0/validTo")).isEqualTo("2026-03-01");
        assertThat(changed.text("/characteristicsHistory/0/endUserGroup")).isEqualTo("35");
        assertThat(changed.text("/characteristics/endUserGroup")).isEqualTo("36");   // in force on 15 March 2026
    }

    private void set(String path, java.util.Map<String, Object> body) {
        String point = path.split("/")[4];
        body.put("version", version(point));
        Api.Response response = api.post(Role.CUSTOMER_SERVICE, path, body);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    private String registerPoint(String endUserGroup) {
        String id = TestData.meteringPointId();
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(id, "NO5", gridOwner, endUserGroup, "4621"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return id;
    }

    private long customer() {
        return api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Test", "Kunde"))
                .json("/customerNumber").asLong();
    }

    private long version(String point) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("/version").asLong();
    }
}
