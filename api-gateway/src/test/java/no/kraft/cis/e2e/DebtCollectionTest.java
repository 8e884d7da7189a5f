package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import no.kraft.cis.collection.standin.AgencyStandIn;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Hand-over to debt collection reaching the agency's stand-in over HTTP: retried while it is down and registered once,
 * a refusal and a deadline becoming work items, and the agency's settlement file back into the ledger (payments, a
 * closed invoice, a write-off counted as credit loss in the figures), imported once, bad lines refused whole.
 */
class DebtCollectionTest extends InvoicingApiTest {

    @Autowired
    AgencyStandIn agency;

    @Autowired
    FixedClock.Movable clock;

    @AfterEach
    void reset() {
        clock.reset();
        agency.down(false);
        agency.downFor(0);
    }

    /** An invoice of 944.00 + 236.00 = 1 180.00 due 20 February, overdue on 15 March. */
    private Invoice overdue(long customer) {
        return invoicing.invoice(customer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "944.00", "236.00");
    }

    private Api.Response handOver(Invoice invoice) {
        return api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/debt-collection", Api.json("agency", "Kredinor"));
    }

    private JsonNode claim(Invoice invoice) {
        Api.Response r = api.get(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/debt-collection");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private void deliver() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/debt-collection/claims/deliveries", Api.json());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    @Test
    void theClaimReachesTheAgencyOnceEvenWhenItIsDownFirst() {
        String unique = String.valueOf(TestData.unique());
        long customer = invoicing.person("Inkasso", "Kunde" + unique, null);
        Invoice invoice = overdue(customer);
        String reference = Long.toString(invoice.invoiceNumber());

        deliver();   // what other tests left in the outbox goes first, so the outage below meets only this claim
        agency.downFor(2);
        assertThat(handOver(invoice).status()).isEqualTo(204);
        JsonNode stored = claim(invoice);
        assertThat(stored.path("status").asString()).isEqualTo("PENDING");
        JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(stored.path("payload").asString());
        assertThat(payload.path("creditorReference").asString()).isEqualTo(reference);
        assertThat(payload.path("kid").asString()).isEqualTo(invoice.kid().value());
        assertThat(payload.path("principal").decimalValue()).isEqualByComparingTo("1180.00");
        assertThat(payload.path("dueDate").asString()).isEqualTo("2026-02-20");
        assertThat(payload.at("/debtor/type").asString()).isEqualTo("PERSON");
        assertThat(payload.at("/debtor/nationalId").asString()).hasSize(11);
        assertThat(payload.at("/debtor/address/postcode").asString()).isEqualTo("0155");
        // forsinkelsesrente 21 Feb – 15 Mar 2026: 23 days × 1 180.00 × 12.00 % / 365 = 8.9227 → 8.92
        assertThat(payload.at("/interest/amount").decimalValue()).isEqualByComparingTo("8.92");
        assertThat(payload.path("fees").decimalValue()).isEqualByComparingTo("0.00");

        // down: the first attempt fails and waits a minute, the second two, the third is taken
        deliver();
        assertThat(claim(invoice).path("attempts").asInt()).isEqualTo(1);
        assertThat(claim(invoice).path("status").asString()).isEqualTo("PENDING");
        deliver();
        assertThat(claim(invoice).path("attempts").asInt()).as("not due again before the backoff").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        deliver();
        assertThat(claim(invoice).path("attempts").asInt()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        deliver();
        JsonNode sent = claim(invoice);
        assertThat(sent.path("status").asString()).isEqualTo("SENT");
        assertThat(sent.path("attempts").asInt()).isEqualTo(3);
        String caseReference = sent.path("agencyReference").asString();
        assertThat(caseReference).startsWith("AG-");
        assertThat(agency.claims().stream().filter(c -> c.creditorReference().equals(reference)).count()).isEqualTo(1);

        // the answer lost on the way: sent again with the same idempotency key → the same case, still one claim
        jdbc.sql("update debt_collection_claim c set status = 'PENDING', agency_reference = null from invoice i "
                + "where i.id = c.invoice_id and i.invoice_number = :n").param("n", invoice.invoiceNumber()).update();
        deliver();
        assertThat(claim(invoice).path("agencyReference").asString()).isEqualTo(caseReference);
        assertThat(agency.claims().stream().filter(c -> c.creditorReference().equals(reference)).count()).isEqualTo(1);
        // handed over once
        assertThat(handOver(invoice).json("/violations/0/rule").asString()).isEqualTo("collection.already");
    }

    @Test
    void aClaimTheAgencyRefusesAndOneNeverTakenBecomeWorkItems() {
        String unique = String.valueOf(TestData.unique());
        // a person without a postal address: the agency cannot send letters → 422 debtor.address
        Map<String, Object> body = TestData.person(TestData.nationalId(), "Uten", "Adresse" + unique);
        body.remove("address");
        Api.Response registered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", body);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        Invoice refusedInvoice = overdue(registered.json("/customerNumber").asLong());
        assertThat(handOver(refusedInvoice).status()).isEqualTo(204);
        deliver();
        JsonNode refused = claim(refusedInvoice);
        assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.path("lastError").asString()).contains("422").contains("debtor.address");

        Invoice neverTaken = overdue(invoicing.person("Aldri", "Tatt" + unique, null));
        deliver();
        agency.down(true);
        assertThat(handOver(neverTaken).status()).isEqualTo(204);
        deliver();
        // after the deadline (24 h): FAILED, a work item
        clock.advance(Duration.ofHours(24));
        deliver();
        JsonNode failed = claim(neverTaken);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");

        Api.Response items = api.get(Role.BILLING, "/api/v1/debt-collection/work-items?status=OPEN");
        assertThat(items.status()).isEqualTo(200);
        JsonNode refusedItem = null;
        JsonNode deadlineItem = null;
        for (JsonNode w : items.body()) {
            if (w.path("invoiceNumber").asLong() == refusedInvoice.invoiceNumber()) {
                refusedItem = w;
            }
            if (w.path("invoiceNumber").asLong() == neverTaken.invoiceNumber()) {
                deadlineItem = w;
            }
        }
        assertThat(refusedItem).isNotNull();
        assertThat(refusedItem.path("kind").asString()).isEqualTo("REFUSED");
        assertThat(deadlineItem).isNotNull();
        assertThat(deadlineItem.path("kind").asString()).isEqualTo("DEADLINE");
        Api.Response resolved = api.post(Role.BILLING, "/api/v1/debt-collection/work-items/" + deadlineItem.path("id").asLong() + "/resolve",
                Api.json("comment", "agency called, sent by hand"));
        assertThat(resolved.json("/status").asString()).as(resolved.raw()).isEqualTo("RESOLVED");

        // the refused claim: a comment is required, a SENT claim cannot be sent again, nothing changes by either
        String resend = "/api/v1/invoices/" + refusedInvoice.invoiceNumber() + "/debt-collection/resend";
        Api.Response noComment = api.post(Role.BILLING, resend, Api.json());
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.raw()).contains("\"field\":\"comment\"");
        assertThat(api.post(Role.CUSTOMER_SERVICE, resend, Api.json("comment", "x")).status()).isEqualTo(403);
        // staff add the postal address the agency asked for, and send it again: made anew (the address in it), a new key,
        // the old one kept, the work item resolved with the comment; the agency takes it
        long customerNumber = registered.json("/customerNumber").asLong();
        body.put("version", registered.json("/version").asLong());
        body.put("address", Api.json("street", "Nyveien 1", "postcode", "0155", "city", "Oslo"));
        Api.Response addressed = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customerNumber, body);
        assertThat(addressed.status()).as(addressed.raw()).isEqualTo(200);
        String keyBefore = jdbc.sql("select idempotency_key::text from debt_collection_claim c join invoice i on i.id = c.invoice_id "
                + "where i.invoice_number = :n").param("n", refusedInvoice.invoiceNumber()).query(String.class).single();
        Api.Response again = api.post(Role.BILLING, resend, Api.json("comment", "postal address added"));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.json("/status").asString()).isEqualTo("PENDING");
        assertThat(again.json("/payload").asString()).contains("Nyveien 1");
        assertThat(jdbc.sql("select count(*) from debt_collection_claim_earlier e join debt_collection_claim c on c.id = e.claim_id "
                + "join invoice i on i.id = c.invoice_id where i.invoice_number = :n and e.idempotency_key::text = :key")
                .param("n", refusedInvoice.invoiceNumber()).param("key", keyBefore).query(Long.class).single()).isEqualTo(1);
        JsonNode item = api.get(Role.BILLING, "/api/v1/debt-collection/work-items?status=RESOLVED").body().valueStream()
                .filter(w -> w.path("invoiceNumber").asLong() == refusedInvoice.invoiceNumber()).findFirst().orElseThrow();
        assertThat(item.path("comment").asString()).isEqualTo("sent again: postal address added");
        agency.down(false);
        deliver();
        assertThat(claim(refusedInvoice).path("status").asString()).isEqualTo("SENT");
        assertThat(claim(refusedInvoice).path("agencyReference").asString()).startsWith("AG-");
        Api.Response sentAlready = api.post(Role.BILLING, resend, Api.json("comment", "again"));
        assertThat(sentAlready.status()).isEqualTo(409);
        assertThat(sentAlready.raw()).contains("collection.notResendable");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/debt-collection/work-items").status()).isEqualTo(403);
    }

    @Test
    void theSettlementFileLandsAsPaymentsAndAWriteOffOnceAndBadLinesChangeNothing() {
        String unique = String.valueOf(TestData.unique());
        long customer = invoicing.person("Oppgjor", "Kunde" + unique, null);
        Invoice paidInFull = overdue(customer);
        // 400.00 + 100.00 = 500.00 due 20 February
        Invoice writtenOff = invoicing.invoice(customer, YearMonth.of(2025, 12), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20),
                "400.00", "100.00");
        handOver(paidInFull);
        handOver(writtenOff);
        deliver();
        String ref1 = claim(paidInFull).path("agencyReference").asString();
        String ref2 = claim(writtenOff).path("agencyReference").asString();
        assertThat(ref1).startsWith("AG-");
        assertThat(ref2).startsWith("AG-");

        // bad lines: every one named, nothing stored
        DatabaseSnapshot before = snapshot();
        String bad = """
                {"fileId":"BAD-%1$s","agency":"Kredinor","createdOn":"2026-03-14","lines":[
                 {"invoiceNumber":%2$d,"agencyReference":"%3$s","principalPaid":1180.00,"paidOn":"2026-03-02","status":"CLOSED"},
                 {"invoiceNumber":%4$d,"agencyReference":"AG-999999","principalPaid":-5.00,"paidOn":"2026-03-20","status":"GONE","extra":1},
                 {"invoiceNumber":999999999,"agencyReference":"AG-1","principalPaid":1.00,"paidOn":"2026-03-02","status":"OPEN"}]}"""
                .formatted(unique, paidInFull.invoiceNumber(), ref1, writtenOff.invoiceNumber());
        Api.Response refused = api.postRaw(Role.BILLING, "/api/v1/debt-collection/settlements", bad);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.raw()).contains("lines[1].principalPaid").contains("amount.negative")
                .contains("lines[1].status").contains("status.unknown").contains("lines[1].extra").contains("field.unknown");
        // the form is checked first; with the form right, the content: wrong reference, future date, not ours
        String badContent = """
                {"fileId":"BAD2-%1$s","agency":"Kredinor","createdOn":"2026-03-14","lines":[
                 {"invoiceNumber":%2$d,"agencyReference":"AG-999999","principalPaid":5.00,"paidOn":"2026-03-20","status":"OPEN"},
                 {"invoiceNumber":999999999,"agencyReference":"AG-1","principalPaid":1.00,"paidOn":"2026-03-02","status":"OPEN"}]}"""
                .formatted(unique, writtenOff.invoiceNumber());
        Api.Response refusedContent = api.postRaw(Role.BILLING, "/api/v1/debt-collection/settlements", badContent);
        assertThat(refusedContent.status()).as(refusedContent.raw()).isEqualTo(400);
        assertThat(refusedContent.raw()).contains("lines[0].agencyReference").contains("settlement.wrongReference")
                .contains("lines[0].paidOn").contains("settlement.paidInFuture")
                .contains("lines[1].invoiceNumber").contains("settlement.notInCollection");
        assertThat(snapshot()).isEqualTo(before);

        // the agency paid 1 180.00 on the first (closed) and 200.00 on the second, written off: 500.00 − 200.00 = 300.00 lost
        String file = """
                {"fileId":"AG-SETTLE-%1$s","agency":"Kredinor","createdOn":"2026-03-14","lines":[
                 {"invoiceNumber":%2$d,"agencyReference":"%3$s","principalPaid":1180.00,"paidOn":"2026-03-02","status":"CLOSED"},
                 {"invoiceNumber":%4$d,"agencyReference":"%5$s","principalPaid":200.00,"paidOn":"2026-03-02","status":"WRITTEN_OFF"}]}"""
                .formatted(unique, paidInFull.invoiceNumber(), ref1, writtenOff.invoiceNumber(), ref2);
        Api.Response imported = api.postRaw(Role.BILLING, "/api/v1/debt-collection/settlements", file);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json("/payments").asInt()).isEqualTo(2);
        // 1 180.00 + 200.00 = 1 380.00 paid out; 300.00 written off
        assertThat(imported.json("/paidTotal").decimalValue()).isEqualByComparingTo("1380.00");
        assertThat(imported.json("/writtenOff").decimalValue()).isEqualByComparingTo("300.00");

        Api.Response ledger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/ledger");
        // 1 180.00 + 500.00 − 1 180.00 − 200.00 − 300.00 = 0.00
        assertThat(ledger.json("/balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ledger.raw()).contains("WRITE_OFF");
        for (JsonNode item : ledger.json("/items")) {
            assertThat(item.path("open").decimalValue()).isEqualByComparingTo("0.00");
        }
        Api.Response bill = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + paidInFull.invoiceNumber());
        assertThat(bill.status()).isEqualTo(200);

        // credit loss on 2 March: the 300.00 written off
        Api.Response figures = api.get(Role.BILLING, "/api/v1/receivables/figures?from=2026-03-02&to=2026-03-03");
        assertThat(figures.status()).as(figures.raw()).isEqualTo(200);
        assertThat(figures.json("/creditLoss").decimalValue()).isEqualByComparingTo("300.00");

        // the same file again: applied once
        DatabaseSnapshot after = snapshot();
        Api.Response again = api.postRaw(Role.BILLING, "/api/v1/debt-collection/settlements", file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json("/duplicate").asBoolean()).isTrue();
        assertThat(again.json("/settlementId").asLong()).isEqualTo(imported.json("/settlementId").asLong());
        assertThat(snapshot()).isEqualTo(after);
        assertThat(api.get(Role.BILLING, "/api/v1/receivables/figures?from=2026-03-02&to=2026-03-03").json("/creditLoss").decimalValue())
                .isEqualByComparingTo("300.00");
    }
}
