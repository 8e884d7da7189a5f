package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import no.kraft.cis.delivery.standin.StandInBounces;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The delivery work queue and what a person does with it: filtered by status (failed, waiting, resolved), a failed
 * delivery sent again after the customer's e-mail address was put right, or resolved by hand with a comment; the
 * refusals (no channel yet, not failed, no comment, a status that is not one) change nothing.
 */
class DeliveryWorkQueueTest extends MailingApiTest {

    @Autowired
    StandInBounces bounces;

    @Test
    void aBouncedEmailWithNoChannelLeftIsSentAgainToTheAddressPutRight() {
        // e-mail only (no mobile, no postal address), to a mailbox that does not exist
        Map<String, Object> body = new HashMap<>(json("kind", "PRIVATE", "nationalId", TestData.nationalId(), "firstName", "Bente",
                "lastName", "Sprett", "email", "bente.sprett@bounce.example"));
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long customer = created.json("/customerNumber").asLong();
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "16.00",
                "4.00");
        String deliveries = "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries";
        api.post(Role.BILLING, deliveries, json());
        deliver();
        bounces.bounceNow();
        deliver();
        JsonNode failed = api.get(Role.CUSTOMER_SERVICE, deliveries).body();
        assertThat(failed.at("/status").asString()).isEqualTo("FAILED");
        assertThat(failed.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT", "BOUNCED", "NO_CHANNEL");
        assertThat(queue("FAILED")).contains(invoice.invoiceNumber());
        assertThat(queue("RESOLVED")).doesNotContain(invoice.invoiceNumber());

        // the address put right in the customer's details, then sent again: a new plan after the old one, queued now
        body.put("email", "bente.sprett@example.no");
        body.put("version", created.json("/version").asLong());
        Api.Response changed = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer, body);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        Api.Response retried = api.post(Role.CUSTOMER_SERVICE, deliveries + "/retry", json());
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.text("/status")).isEqualTo("PENDING");
        assertThat(retried.json("/plan").toString()).isEqualTo("[\"EMAIL\",\"EMAIL\"]");
        assertThat(retried.json("/step").asInt()).isEqualTo(1);
        assertThat(retried.json("/events").findValuesAsString("kind"))
                .containsExactly("QUEUED", "SENT", "BOUNCED", "NO_CHANNEL", "RETRIED", "QUEUED");
        assertThat(retried.json("/events/4/detail").asString()).isEqualTo("test-customer-service: sent again by [EMAIL]");
        assertThat(queue("FAILED")).doesNotContain(invoice.invoiceNumber());
        deliver();
        JsonNode sent = api.get(Role.CUSTOMER_SERVICE, deliveries).body();
        assertThat(sent.at("/status").asString()).isEqualTo("SENT");
        assertThat(sent.at("/events/6/detail").asString()).contains("bente.sprett@example.no");
        // sent: not failed any more, so neither sent again nor resolved
        Api.Response again = api.post(Role.CUSTOMER_SERVICE, deliveries + "/retry", json());
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.raw()).contains("delivery.notFailed");
    }

    @Test
    void aDeliveryNoChannelReachesIsResolvedByHandWithAComment() {
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", json("kind", "PRIVATE", "nationalId",
                TestData.nationalId(), "firstName", "Ingen", "lastName", "Kanal"));
        long customer = created.json("/customerNumber").asLong();
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "8.00",
                "2.00");
        String deliveries = "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries";
        assertThat(api.post(Role.BILLING, deliveries, json()).text("/status")).isEqualTo("FAILED");

        // still no channel: sending again is refused and changes nothing
        Api.Response noChannel = api.post(Role.CUSTOMER_SERVICE, deliveries + "/retry", json());
        assertThat(noChannel.status()).as(noChannel.raw()).isEqualTo(409);
        assertThat(noChannel.contentType()).startsWith("application/problem+json");
        assertThat(noChannel.raw()).contains("delivery.noChannel");
        assertThat(api.get(Role.CUSTOMER_SERVICE, deliveries).json("/events").findValuesAsString("kind")).containsExactly("NO_CHANNEL");

        // a comment is required
        Api.Response noComment = api.post(Role.CUSTOMER_SERVICE, deliveries + "/resolve", json("comment", "  "));
        assertThat(noComment.status()).as(noComment.raw()).isEqualTo(400);
        assertThat(noComment.raw()).contains("\"field\":\"comment\"").contains("\"rule\":\"required\"");
        assertThat(api.post(Role.CUSTOMER_SERVICE, deliveries + "/resolve", null).status()).isEqualTo(400);
        assertThat(api.get(Role.CUSTOMER_SERVICE, deliveries).json("/status").asString()).isEqualTo("FAILED");
        // a partner has no business here
        assertThat(api.post(Role.PARTNER, deliveries + "/resolve", json("comment", "x")).status()).isEqualTo(403);

        Api.Response resolved = api.post(Role.BILLING, deliveries + "/resolve", json("comment", "Levert i hånden på kundesenteret"));
        assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
        assertThat(resolved.text("/status")).isEqualTo("RESOLVED");
        assertThat(resolved.json("/events").findValuesAsString("kind")).containsExactly("NO_CHANNEL", "RESOLVED");
        assertThat(resolved.json("/events/1/detail").asString()).isEqualTo("test-billing: Levert i hånden på kundesenteret");
        assertThat(queue("FAILED")).doesNotContain(invoice.invoiceNumber());
        assertThat(queue("RESOLVED")).contains(invoice.invoiceNumber());
        Api.Response twice = api.post(Role.CUSTOMER_SERVICE, deliveries + "/resolve", json("comment", "igjen"));
        assertThat(twice.status()).as(twice.raw()).isEqualTo(409);
        assertThat(twice.raw()).contains("delivery.notFailed");

        // an invoice with no delivery
        Invoice none = invoicing.invoice(customer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "8.00", "2.00");
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + none.invoiceNumber() + "/deliveries/retry", json()).status())
                .isEqualTo(404);
    }

    @Test
    void anEmailRetriedForNowIsWaitingAndAStatusThatIsNotOneIsRefused() {
        long customer = invoicing.person("Vente", "Venter", null);
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "4.00",
                "1.00");
        api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
        smtp.stop();
        try {
            deliver();
        } finally {
            smtp.start();
        }
        assertThat(queue("WAITING")).contains(invoice.invoiceNumber());
        assertThat(queue("FAILED")).doesNotContain(invoice.invoiceNumber());

        Api.Response bad = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoice-deliveries?status=BROKEN");
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.raw()).contains("\"field\":\"status\"").contains("delivery.queueStatus");
        // waiting is not failed: it retries by itself
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries/retry", json()).status())
                .isEqualTo(409);
    }

    private java.util.List<Long> queue(String status) {
        Api.Response r = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoice-deliveries?limit=500&status=" + status);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json("").findValues("invoiceNumber").stream().map(JsonNode::asLong).toList();
    }

    private void deliver() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/invoice-deliveries/due", json());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }
}
