package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Customer service takes on a customer with a house and a cabin, then finds them again every way staff do. */
class CustomerJourneyTest extends ApiTest {

    @Test
    void customerWithHouseAndCabinOnOneContract() {
        String gridOwnerOslo = TestData.gln();
        String gridOwnerVoss = TestData.gln();
        assertThat(api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwnerOslo, "name", "Oslo Nett AS")).status()).isEqualTo(201);
        assertThat(api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwnerVoss, "name", "Voss Nett AS")).status()).isEqualTo(201);

        String nationalId = TestData.nationalId();
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers",
                TestData.person(nationalId, "Søren", "Ødegård-Åsheim"));
        assertThat(created.status()).isEqualTo(201);
        long customerNumber = created.json("/customerNumber").asLong();
        assertThat(created.text("/nationalId")).isEqualTo(nationalId);
        assertThat(created.json("/dateOfBirth").isMissingNode()).isFalse();
        assertThat(created.text("/createdBy")).isEqualTo("test-customer-service");

        String house = TestData.meteringPointId();
        String cabin = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(house, "NO1", gridOwnerOslo, "35", "0301")).status()).isEqualTo(201);
        Api.Response cabinCreated = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(cabin, "NO5", gridOwnerVoss, "36", "4621"));
        assertThat(cabinCreated.status()).isEqualTo(201);
        assertThat(cabinCreated.text("/characteristics/endUserGroupDescription")).isEqualTo("Cabin / holiday home");

        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customerNumber, "2026-01-01",
                List.of(TestData.delivery(house, "SPOT", "2026-01-01", null), TestData.delivery(cabin, "SPOT", "2026-02-01", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        assertThat(contract.json("/deliveries")).hasSize(2);

        api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + house + "/properties/888",
                json("value", 1, "validFrom", "2026-01-01", "version", version(house)));

        Api.Response overview = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customerNumber + "/overview");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.text("/customer/name")).isEqualTo("Søren Ødegård-Åsheim");
        assertThat(overview.text("/asOf")).isEqualTo("2026-03-15");
        assertThat(overview.json("/contracts/0/deliveries")).hasSize(2);
        JsonNode points = overview.json("/meteringPoints");
        assertThat(points).hasSize(2);
        JsonNode housePoint = byId(points, house);
        assertThat(housePoint.at("/gridOwner/name").asString()).isEqualTo("Oslo Nett AS");
        assertThat(housePoint.at("/characteristics/priceArea").asString()).isEqualTo("NO1");
        assertThat(housePoint.at("/properties/888/value").asInt()).isEqualTo(1);
        assertThat(housePoint.at("/properties/888/meaning").asString()).isEqualTo("ACTIVE");
        assertThat(byId(points, cabin).at("/gridOwner/name").asString()).isEqualTo("Voss Nett AS");
        assertThat(byId(points, cabin).at("/deliveries/0/validFrom").asString()).isEqualTo("2026-02-01");

        // Found by partial name without Norwegian letters, by phone in local format, by metering point, by national ID.
        String mobile = created.text("/mobile");
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=odegard-ash"))).contains(customerNumber);
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=SØREN%20asheim"))).contains(customerNumber);
        // % and _ are characters, not wildcards: alone they match no one; inside a name they only separate words
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=%25"))).isEmpty();
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=___"))).isEmpty();
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?phone=" + mobile.substring(3))))
                .containsExactly(customerNumber);
        assertThat(numbers(api.get(Role.BILLING, "/api/v1/customers?meteringPointId=" + cabin))).containsExactly(customerNumber);
        Api.Response byNationalId = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/search", json("nationalId", nationalId));
        assertThat(numbers(byNationalId)).containsExactly(customerNumber);
        // Lists never show the full national ID.
        assertThat(byNationalId.text("/items/0/maskedNationalId")).isEqualTo(nationalId.substring(0, 6) + "*****");
        assertThat(byNationalId.raw()).doesNotContain(nationalId);
    }

    @Test
    void personalDataIsMaskedForPartnersAndBilling() {
        String nationalId = TestData.nationalId();
        long customerNumber = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(nationalId, "Kari", "Hansen"))
                .json("/customerNumber").asLong();
        Api.Response seen = api.get(Role.BILLING, "/api/v1/customers/" + customerNumber + "/overview");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text("/customer/nationalId")).isEqualTo(nationalId.substring(0, 6) + "*****");
        assertThat(seen.json("/customer/dateOfBirth").isMissingNode()).isTrue();
        assertThat(seen.raw()).doesNotContain(nationalId);
        // partners see customers only through the partner API, which shows no identity number at all
        assertThat(api.get(Role.PARTNER, "/api/v1/customers/" + customerNumber + "/overview").status()).isEqualTo(403);
        assertThat(api.get(Role.ADMIN, "/api/v1/customers/" + customerNumber).text("/nationalId")).isEqualTo(nationalId);
        // Searching by national ID is for staff only.
        assertThat(api.post(Role.PARTNER, "/api/v1/customers/search", json("nationalId", nationalId)).status()).isEqualTo(403);
    }

    @Test
    void organisationCustomerAndUpdateWithOptimisticLocking() {
        String orgNumber = TestData.organisationNumber();
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.organisation(orgNumber, "Fjordbakeriet AS"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long number = created.json("/customerNumber").asLong();
        long version = created.json("/version").asLong();

        var change = TestData.organisation(orgNumber, "Fjordbakeriet Tromsø AS");
        change.put("version", version);
        Api.Response changed = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + number, change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("/name")).isEqualTo("Fjordbakeriet Tromsø AS");
        assertThat(changed.json("/version").asLong()).isGreaterThan(version);

        // A second client still holding the old version is told to reload, and nothing changes.
        DatabaseSnapshot before = snapshot();
        change.put("organisationName", "Someone else's edit AS");
        Api.Response stale = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + number, change);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("/violations/0/rule")).isEqualTo("version.stale");
        assertThat(snapshot()).isEqualTo(before);

        // The organisation number identifies; it cannot be edited.
        var other = TestData.organisation(TestData.organisationNumber(), "Fjordbakeriet Tromsø AS");
        other.put("version", changed.json("/version").asLong());
        Api.Response identity = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + number, other);
        assertThat(identity.status()).isEqualTo(409);
        assertThat(identity.text("/violations/0/rule")).isEqualTo("customer.identityImmutable");
    }

    @Test
    void searchPagesAreStableAndOrderedByName() {
        String marker = "Zyxwv" + TestData.nationalId().substring(0, 4);
        for (String first : List.of("Åse", "Bjørn", "Carl", "Dag", "Eva")) {
            api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), first, marker));
        }
        Api.Response page0 = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=" + marker + "&size=2&page=0");
        Api.Response page1 = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=" + marker + "&size=2&page=1");
        Api.Response page2 = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=" + marker + "&size=2&page=2");
        assertThat(page0.json("/totalElements").asLong()).isEqualTo(5);
        assertThat(names(page0)).containsExactly("Åse " + marker, "Bjørn " + marker);   // å folds to a: sorts first
        assertThat(names(page1)).containsExactly("Carl " + marker, "Dag " + marker);
        assertThat(names(page2)).containsExactly("Eva " + marker);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?name=" + marker + "&size=2&page=3").json("/items")).isEmpty();
    }

    @Test
    void foundByTheirPostalAddressOrTheAddressOfTheirMeteringPoint() {
        String marker = "Qwøgård" + TestData.nationalId().substring(0, 4);   // one street name of this run only
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Nett AS"));
        Map<String, Object> living = new java.util.HashMap<>(TestData.person(TestData.nationalId(), "Kari", "Adresse"));
        living.put("address", json("street", marker + "vegen 12", "postcode", "7010", "city", "Trondheim"));
        long home = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", living).json("/customerNumber").asLong();
        // another customer lives elsewhere and has a cabin in the same street
        long owner = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Ola", "Hytte"))
                .json("/customerNumber").asLong();
        String cabin = TestData.meteringPointId();
        Map<String, Object> point = new java.util.HashMap<>(TestData.meteringPoint(cabin, "NO3", gridOwner, "36", "5001"));
        point.put("address", json("street", marker + "vegen 120", "postcode", "7010", "city", "Trondheim", "municipalityNumber", "5001"));
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", point).status()).isEqualTo(201);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(owner, "2026-01-01",
                List.of(TestData.delivery(cabin, "SPOT", "2026-01-01", null)))).status()).isEqualTo(201);

        String folded = marker.replace("ø", "o").replace("å", "a").toUpperCase();   // typed without Norwegian letters
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?address=" + folded + "vegen"))).containsExactlyInAnyOrder(home, owner);
        // every word must occur: "12" is in "12" and in "120", "120" only in the cabin's
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?address=" + marker + "vegen%20120,%207010")))
                .containsExactly(owner);
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?address=" + marker + "vegen%2012%20Trondheim")))
                .containsExactlyInAnyOrder(home, owner);
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?address=" + marker + "vegen%2012&name=kari")))
                .containsExactly(home);
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?address=" + marker + "vegen%2012%20Bergen"))).isEmpty();
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers?address=%25%25"))).isEmpty();
    }

    private long version(String meteringPointId) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + meteringPointId).json("/version").asLong();
    }

    private static JsonNode byId(JsonNode points, String id) {
        for (JsonNode point : points) {
            if (point.at("/meteringPointId").asString().equals(id)) {
                return point;
            }
        }
        throw new AssertionError("no metering point " + id + " in " + points);
    }

    private static List<Long> numbers(Api.Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        return page.json("/items").valueStream().map(n -> n.at("/customerNumber").asLong()).toList();
    }

    private static List<String> names(Api.Response page) {
        return page.json("/items").valueStream().map(n -> n.at("/name").asString()).toList();
    }
}
