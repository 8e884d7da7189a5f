package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The list of contract orders staff work from ({@code GET /api/v1/contract-orders?stage=&status=}): newest first, filtered
 * by stage and status, paged; an unknown stage or status refused at its field; not for partners (their orders are in the
 * partner API).
 */
class ContractOrderListTest extends ApiTest {

    /** Tests share the database: the consents placed here are parked, so no other test's driver run picks them up. */
    @AfterEach
    void parkOpenConsents() {
        jdbc.sql("update consent set next_attempt_at = null").update();
    }

    private String point() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", Map.of("gln", gridOwner, "name", "Vossnett AS"));
        String id = TestData.meteringPointId();
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(id, "NO5", gridOwner, "35", "4621"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return id;
    }

    private long place(Map<String, Object> body) {
        Api.Response placed = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders", body);
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        return placed.body().path("orderNumber").asLong();
    }

    private Map<String, Object> person(String lastName) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("channel", "CUSTOMER_SERVICE", "kind", "SWITCH", "customerKind", "PRIVATE",
                "nationalId", TestData.nationalId(), "firstName", "Kari", "lastName", lastName, "email", "kari@example.no",
                "productCode", "SPOT", "startDate", "2026-04-01"));
        body.put("meteringPointId", point());
        return body;
    }

    private Map<String, Object> organisation(String name) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("channel", "CUSTOMER_SERVICE", "kind", "SWITCH", "customerKind", "ORGANISATION",
                "organisationNumber", TestData.organisationNumber(), "organisationName", name, "productCode", "SPOT", "startDate", "2026-04-01"));
        body.put("address", Map.of("street", "Fjellveien 3", "postcode", "5019", "city", "Bergen"));
        body.put("meteringPointId", point());
        return body;
    }

    private List<Long> numbers(JsonNode page) {
        return page.path("items").valueStream().map(o -> o.path("orderNumber").asLong()).toList();
    }

    @Test
    void ordersAreListedNewestFirstByStageAndStatusAndPaged() {
        String unique = String.valueOf(TestData.unique());
        long first = place(person("Liste" + unique));
        long second = place(person("Liste" + unique));
        long business = place(organisation("Listebedrift " + unique + " AS"));

        // both persons' orders wait on hold for consent, newest first; the organisation's skipped consent and waits in Import
        JsonNode onHold = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?stage=ON_HOLD&status=WAITING&size=200").body();
        assertThat(numbers(onHold)).contains(first, second).doesNotContain(business);
        assertThat(numbers(onHold).indexOf(second)).isLessThan(numbers(onHold).indexOf(first));
        JsonNode mine = onHold.path("items").valueStream().filter(o -> o.path("orderNumber").asLong() == second).findFirst().orElseThrow();
        assertThat(mine.path("customerName").asString()).isEqualTo("Kari Liste" + unique);
        assertThat(mine.path("kind").asString()).isEqualTo("SWITCH");
        assertThat(mine.path("startDate").asString()).isEqualTo("2026-04-01");
        JsonNode importing = api.get(Role.BILLING, "/api/v1/contract-orders?stage=IMPORT&size=200").body();
        assertThat(numbers(importing)).contains(business).doesNotContain(first, second);
        assertThat(importing.path("items").valueStream().allMatch(o -> o.path("stage").asString().equals("IMPORT"))).isTrue();

        // paged: one a page, the newest order of all first, the total counting every order
        JsonNode page0 = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?size=1").body();
        JsonNode page1 = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?size=1&page=1").body();
        assertThat(numbers(page0)).containsExactly(business);
        assertThat(numbers(page1)).containsExactly(second);
        long total = jdbc.sql("select count(*) from contract_order").query(Long.class).single();
        assertThat(page0.path("totalElements").asLong()).isEqualTo(total);

        // cancelled: its status filter finds it and the waiting list no longer does
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders/" + first + "/cancel", Map.of("reason", "Angret")).status())
                .isEqualTo(200);
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?status=CANCELLED&size=200").body())).contains(first);
        assertThat(numbers(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?stage=ON_HOLD&status=WAITING&size=200").body()))
                .doesNotContain(first).contains(second);
    }

    @Test
    void anUnknownStageOrStatusOrPageIsRefusedAtItsField() {
        Api.Response stage = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?stage=WAITING");
        assertThat(stage.status()).as(stage.raw()).isEqualTo(400);
        assertThat(stage.text("/violations/0/field")).isEqualTo("stage");
        assertThat(stage.text("/violations/0/rule")).isEqualTo("stage.unknown");
        Api.Response status = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?status=DONE");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.text("/violations/0/field")).isEqualTo("status");
        assertThat(status.text("/violations/0/rule")).isEqualTo("status.unknown");
        Api.Response size = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contract-orders?size=201");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.text("/violations/0/field")).isEqualTo("size");
    }

    @Test
    void partnersFollowTheirOrdersInThePartnerApiNotHere() {
        assertThat(api.get(Role.PARTNER, "/api/v1/contract-orders").status()).isEqualTo(403);
    }
}
