package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/** Cases (saker) as customer service works them: open, take, "my cases", flagged, dialogue, close; and stale edits refused. */
class CaseworkTest extends ApiTest {

    @Test
    void openTakeConverseAndClose() {
        String unique = String.valueOf(TestData.unique());
        Api.Response customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Siri", "Holm" + unique));
        long customerNumber = customer.json("/customerNumber").asLong();
        Api.Response opened = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases", json("customerNumber", String.valueOf(customerNumber),
                "kind", "COMPLAINT", "title", "Disputes the February bill", "description", "Says the meter was read twice",
                "deadline", "2026-03-20", "flagged", true));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        long number = opened.json("/caseNumber").asLong();
        assertThat(opened.text("/status")).isEqualTo("OPEN");
        assertThat(opened.json("/owner").isMissingNode() || opened.json("/owner").isNull()).isTrue();

        // a named staff member takes it
        Api me = api.client("siv.saksbehandler-" + unique);
        Api.Response taken = me.patch(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + number, json("owner", "me", "status", "IN_PROGRESS",
                "version", opened.json("/version").asLong()));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        assertThat(taken.text("/owner")).isEqualTo("siv.saksbehandler-" + unique);
        Api.Response mine = me.get(Role.CUSTOMER_SERVICE, "/api/v1/cases/mine");
        assertThat(mine.json("/items").valueStream().map(c -> c.at("/caseNumber").asLong()).toList()).containsExactly(number);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/cases/flagged").json("/items").valueStream()
                .map(c -> c.at("/caseNumber").asLong()).toList()).contains(number);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/cases?customerNumber=" + customerNumber).json("/total").asLong()).isEqualTo(1);

        // someone edits with the version from before the take: refused
        Api.Response stale = api.patch(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + number, json("flagged", false,
                "version", opened.json("/version").asLong()));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("/violations/0/rule")).isEqualTo("version.stale");

        Api.Response message = me.post(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + number + "/messages", json("text", "Called back; asked for a photo"));
        assertThat(message.json("/messages/0/author").asString()).isEqualTo("siv.saksbehandler-" + unique);
        assertThat(message.json("/messages/0/text").asString()).isEqualTo("Called back; asked for a photo");

        Api.Response closed = me.patch(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + number, json("status", "CLOSED", "flagged", false));
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(me.get(Role.CUSTOMER_SERVICE, "/api/v1/cases/mine").json("/items").size()).isZero();
        Api.Response afterClose = me.post(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + number + "/messages", json("text", "one more"));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.text("/violations/0/rule")).isEqualTo("case.closed");
    }

    @Test
    void badCasesAreRefusedNamingFieldAndRule() {
        DatabaseSnapshot before = snapshot();
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases", json("kind", "GOSSIP", "title", " ", "deadline", "2026-13-01"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()).toList())
                .containsExactlyInAnyOrder("kind|kind.unknown", "title|required", "description|required", "deadline|date.format");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/cases/999999999").status()).isEqualTo(404);
        assertThat(api.post(Role.BILLING, "/api/v1/cases", Map.of()).status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }
}
