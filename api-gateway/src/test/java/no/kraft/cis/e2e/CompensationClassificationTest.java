package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/** The daily classification: 888 + end-user group + 870 → 900 → segments 101–103, back in time when inputs are. */
class CompensationClassificationTest extends ApiTest {

    @Test
    void norgesprisMakesAHouseholdSegment101AndABackDatedOverrideReDerivesHistory() {
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Klassenett AS"));
        String point = TestData.meteringPointId();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO1", gridOwner, "35", "0301"));
        steps.setProperty(Role.CUSTOMER_SERVICE, point, 888, 1, "2026-02-01");    // active Norgespris from 1 February; the point is ours from 1 January

        Api.Response first = classify(point);
        assertThat(first.json("/changed").asBoolean()).isTrue();
        assertThat(history900(point)).containsExactly("0 2026-01-01..2026-02-01", "1 2026-02-01..open");
        assertThat(segments(point)).containsExactly("103 2026-01-01..2026-02-01", "101 2026-02-01..open");

        // Twice changes nothing — for this point, and for the whole run over every point in the database.
        assertThat(classify(point).json("/changed").asBoolean()).isFalse();
        Api.Response all = api.post(Role.BILLING, "/api/v1/compensation-classification", Map.of());
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        DatabaseSnapshot before = snapshot();
        Api.Response again = api.post(Role.BILLING, "/api/v1/compensation-classification", Map.of());
        assertThat(again.json("/checked").asInt()).isPositive();
        assertThat(again.json("/changed").asInt()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        // Invoiced up to 1 March; then staff force "no compensation" from 15 January (870), before 900's latest start.
        steps.billedUntil(point, "2026-03-01");
        steps.setProperty(Role.CUSTOMER_SERVICE, point, 870, 3, "2026-01-15");
        assertThat(classify(point).json("/changed").asBoolean()).isTrue();

        assertThat(history900(point)).containsExactly("0 2026-01-01..2026-01-15", "3 2026-01-15..open");
        assertThat(segments(point)).containsExactly("103 2026-01-01..2026-01-15");
        Api.Response needs = api.get(Role.BILLING, "/api/v1/recalculation-needs?meteringPointId=" + point);
        assertThat(needs.json("")).hasSize(1);
        assertThat(needs.text("/0/reason")).isEqualTo("SEGMENT");
        assertThat(needs.text("/0/from")).isEqualTo("2026-01-15");
        assertThat(needs.text("/0/to")).isEqualTo("2026-03-01");
        // the replaced value is kept, in force on no day
        Api.Response mp = api.get(Role.BILLING, "/api/v1/metering-points/" + point);
        assertThat(mp.json("/propertyHistory/900").valueStream().map(v -> v.at("/value").asInt()).toList()).contains(1);
    }

    @Test
    void onlyBillingRunsTheClassification() {
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/compensation-classification", Map.of()).status()).isEqualTo(403);
    }

    private Api.Response classify(String point) {
        Api.Response r = api.post(Role.BILLING, "/api/v1/metering-points/" + point + "/compensation-classification", Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    private List<String> history900(String point) {
        return steps.propertyHistory(point, 900);
    }

    private List<String> segments(String point) {
        return api.get(Role.BILLING, "/api/v1/metering-points/" + point + "/segments").json("").valueStream()
                .map(m -> m.at("/segmentId").asInt() + " " + m.at("/validFrom").asString() + ".."
                        + (m.at("/validTo").isMissingNode() ? "open" : m.at("/validTo").asString()))
                .toList();
    }
}
