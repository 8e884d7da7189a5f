package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dunning process through the REST API on a moved clock, with the notices over real SMTP (GreenMail, the
 * stand-in): the friendly reminder on the due date by e-mail, the purring on due + 14 with the 2026 fee 37.50 and its
 * letter as a PDF, a staff pause and resume, the inkassovarsel with the § 9 text, the events in the API and the partner
 * bill, the fees in the ledger; a complaint case about the invoice holds it; bad input and who may do what. Every run is
 * for the test's own customers, so nothing else in the shared database is dunned.
 */
class DunningTest extends MailingApiTest {

    @Autowired
    FixedClock.Movable clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void reminderPurringPauseAndInkassovarselByEmailWithTheFeesInTheLedger() throws Exception {
        long customer = invoicing.person("Purrine", "Dunningsen", null);
        // 400.00 net + 100.00 VAT = 500.00, due Friday 20 March 2026
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20),
                "400.00", "100.00");
        String dunning = "/api/v1/invoices/" + invoice.invoiceNumber() + "/dunning";

        // the day before the due date: nothing
        at(LocalDate.of(2026, 3, 19));
        assertThat(run(customer).json("/stepsTaken").asInt()).isZero();

        // the due date: a friendly reminder by e-mail, no fee
        at(LocalDate.of(2026, 3, 20));
        JsonNode report = run(customer).body();
        assertThat(report.at("/stepsByKind/FRIENDLY_REMINDER").asInt()).isEqualTo(1);
        sendNotices();
        List<MimeMessage> mails = Outgoing.mailsTo(smtp, "purrine@example.no");
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("Påminnelse: faktura " + invoice.invoiceNumber() + " fra Kraft Demo AS");
        assertThat(mails.getFirst().getContent().toString()).contains("500,00 kr").contains(invoice.kid().value());
        // a second run the same day adds nothing, and nothing is sent twice
        assertThat(run(customer).json("/stepsTaken").asInt()).isZero();
        sendNotices();
        assertThat(Outgoing.mailsTo(smtp, "purrine@example.no")).hasSize(1);

        // due + 14 = 3 April: the purring, fee 1/20 × 750 = 37.50, deadline 3 Apr + 14 = 17 Apr (a Friday);
        // interest 21 Mar–3 Apr = 14 days at 12.00 %: 500 × 12.00 × 14 / 36 500 = 2.3013… → 2.30 (shown, not charged)
        at(LocalDate.of(2026, 4, 3));
        assertThat(run(customer).json("/stepsByKind/PURRING").asInt()).isEqualTo(1);
        sendNotices();
        MimeMessage purring = Outgoing.mailsTo(smtp, "purrine@example.no").get(1);
        assertThat(purring.getSubject()).startsWith("Betalingspåminnelse (purring): faktura " + invoice.invoiceNumber());
        byte[] letter = Outgoing.attachment(purring);
        String text = Outgoing.pdfText(letter);
        assertThat(text).contains("Purregebyr").contains("37,50").contains("537,50").contains("17.04.2026").contains(invoice.kid().value())
                .contains("2,30");

        JsonNode state = api.get(Role.CUSTOMER_SERVICE, dunning).body();
        assertThat(state.at("/stage").asString()).isEqualTo("PURRING");
        JsonNode purringEvent = state.at("/events/1");
        assertThat(purringEvent.at("/step").asString()).isEqualTo("PURRING");
        assertThat(purringEvent.at("/fee").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(purringEvent.at("/interest").decimalValue()).isEqualByComparingTo("2.30");
        assertThat(purringEvent.at("/channel").asString()).isEqualTo("EMAIL");
        assertThat(purringEvent.at("/by").asString()).isEqualTo("dunning-job");
        assertThat(purringEvent.at("/notice").asString()).isEqualTo("DONE");
        assertThat(purringEvent.at("/deadline").asString()).isEqualTo("2026-04-17");
        // the letter as sent, from the API
        Api.Download stored = api.download(Role.BILLING, dunning + "/" + purringEvent.at("/eventId").asLong() + "/letter");
        assertThat(stored.body()).isEqualTo(letter);

        // the fee is owed: the ledger's balance is 500.00 + 37.50
        JsonNode ledger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/ledger").body();
        assertThat(ledger.at("/balance").decimalValue()).isEqualByComparingTo("537.50");

        // staff pause it: a reason is required; the run past the deadline does nothing while paused
        Api.Response noReason = api.post(Role.CUSTOMER_SERVICE, dunning + "/pause", json());
        assertThat(noReason.status()).as(noReason.raw()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.raw()).contains("\"field\":\"reason\"").contains("required");
        Api.Response paused = api.post(Role.CUSTOMER_SERVICE, dunning + "/pause", json("reason", "Kunden har ringt, betaler 25.04"));
        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(paused.text("/hold")).isEqualTo("PAUSED");
        assertThat(api.post(Role.CUSTOMER_SERVICE, dunning + "/pause", json("reason", "again")).status()).isEqualTo(409);
        at(LocalDate.of(2026, 4, 20));
        assertThat(run(customer).json("/nothingBecause/PAUSED_BY_STAFF").asInt()).isEqualTo(1);

        // resumed: the inkassovarsel, the second fee 37.50, with the § 9 text
        assertThat(api.post(Role.CUSTOMER_SERVICE, dunning + "/resume", json()).status()).isEqualTo(200);
        assertThat(run(customer).json("/stepsByKind/INKASSOVARSEL").asInt()).isEqualTo(1);
        sendNotices();
        MimeMessage varsel = Outgoing.mailsTo(smtp, "purrine@example.no").get(2);
        assertThat(varsel.getSubject()).startsWith("Inkassovarsel: faktura " + invoice.invoiceNumber());
        assertThat(Outgoing.pdfText(Outgoing.attachment(varsel))).contains("inkassovarsel etter inkassoloven § 9").contains("sendt til inkasso");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/ledger").json("/balance").decimalValue())
                .isEqualByComparingTo("575.00");

        JsonNode events = api.get(Role.BILLING, dunning).json("/events");
        assertThat(events.findValuesAsString("step")).containsExactly("FRIENDLY_REMINDER", "PURRING", "PAUSED", "RESUMED", "INKASSOVARSEL");
        assertThat(events.get(2).at("/by").asString()).isNotEqualTo("dunning-job");

        // the partner API's bill shows the steps and the charges, staff only as STAFF
        Api agent = api.client("ai-agent-dunning", "billing:read");
        JsonNode bill = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/invoices/" + invoice.invoiceNumber()).body();
        assertThat(bill.at("/charges").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(bill.at("/dunning").findValuesAsString("step"))
                .containsExactly("FRIENDLY_REMINDER", "PURRING", "PAUSED", "RESUMED", "INKASSOVARSEL");
        assertThat(bill.at("/dunning/2/by").asString()).isEqualTo("STAFF");
        assertThat(bill.at("/dunning/1/fee").decimalValue()).isEqualByComparingTo("37.50");

        // the customer's dunning
        JsonNode mine = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/dunning").body();
        assertThat(mine.get(0).at("/stage").asString()).isEqualTo("INKASSOVARSEL");

        // the inkassovarsel went 20 Apr with 14 days: 4 May (a Monday) is the last day to pay; on 5 May the claim is
        // handed over, and the claim that reaches the agency carries the notices sent and their fees 37.50 + 37.50
        at(LocalDate.of(2026, 5, 4));
        assertThat(run(customer).json("/stepsTaken").asInt()).isZero();
        at(LocalDate.of(2026, 5, 5));
        assertThat(run(customer).json("/stepsByKind/HAND_OVER").asInt()).isEqualTo(1);
        Api.Response delivered = api.post(Role.BILLING, "/api/v1/debt-collection/claims/deliveries", json());
        assertThat(delivered.status()).as(delivered.raw()).isEqualTo(200);
        JsonNode claim = api.get(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/debt-collection").body();
        assertThat(claim.at("/status").asString()).as(claim.toString()).isEqualTo("SENT");
        JsonNode sent = new tools.jackson.databind.ObjectMapper().readTree(claim.at("/payload").asString());
        assertThat(sent.at("/notices").findValuesAsString("kind")).containsExactly("FRIENDLY_REMINDER", "PURRING", "INKASSOVARSEL");
        assertThat(sent.at("/fees").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(sent.at("/notices/2/deadline").asString()).isEqualTo("2026-05-04");
    }

    @Test
    void aPurringOnPaperGoesToThePrintPartnerInTheNextPrintBatchOnce() throws Exception {
        // a customer with a postal address and no e-mail or mobile: a written notice can only go on paper
        java.util.Map<String, Object> person = TestData.person(TestData.nationalId(), "Papirpurre", "Brevsen");
        person.remove("email");
        person.remove("mobile");
        Api.Response registered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", person);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        long customer = registered.json("/customerNumber").asLong();
        // 80.00 + 20.00 = 100.00, due 20 March; on 3 April the purring: 100.00 + 37.50 = 137.50 by 17 April
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20),
                "80.00", "20.00");
        String dunning = "/api/v1/invoices/" + invoice.invoiceNumber() + "/dunning";
        at(LocalDate.of(2026, 4, 3));
        assertThat(run(customer).json("/stepsByKind/PURRING").asInt()).isEqualTo(1);
        sendNotices();
        JsonNode purring = lastEvent(dunning);
        assertThat(purring.at("/step").asString()).isEqualTo("PURRING");
        assertThat(purring.at("/channel").asString()).isEqualTo("PAPER");
        assertThat(purring.at("/notice").asString()).isEqualTo("DONE");
        long event = purring.at("/eventId").asLong();
        byte[] letter = api.download(Role.BILLING, dunning + "/" + event + "/letter").body();
        assertThat(Outgoing.pdfText(letter)).contains("Purregebyr").contains("137,50").contains("17.04.2026");

        // the next print batch carries the letter as stored, with its manifest line; the notice is then handed to print
        Api.Response batch = api.post(Role.BILLING, "/api/v1/print-batches", json());
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        java.util.Map<String, byte[]> entries = Outgoing.unzip(api.download(Role.BILLING, "/api/v1/print-batches/" + batch.json("/id").asLong() + "/file")
                .body());
        String file = invoice.invoiceNumber() + "-purring-" + event + ".pdf";
        assertThat(entries).containsKey(file);
        assertThat(entries.get(file)).isEqualTo(letter);
        String manifest = new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("invoice;customer;name;street;postcode;city;pdf_sha256;kind;file\n");
        assertThat(manifest.lines().filter(l -> l.startsWith(invoice.invoiceNumber() + ";")).toList())
                .singleElement().asString().startsWith(invoice.invoiceNumber() + ";" + customer + ";Papirpurre Brevsen;")
                .endsWith(";PURRING;" + file);
        assertThat(lastEvent(dunning).at("/notice").asString()).isEqualTo("HANDED_TO_PRINT");
        // sent again, the round sends nothing more, and the letter is in no later batch
        sendNotices();
        Api.Response next = api.post(Role.BILLING, "/api/v1/print-batches", json());
        if (next.status() == 201) {
            assertThat(Outgoing.unzip(api.download(Role.BILLING, "/api/v1/print-batches/" + next.json("/id").asLong() + "/file").body()))
                    .doesNotContainKey(file);
        } else {
            assertThat(next.status()).isEqualTo(204);
        }
    }

    private JsonNode lastEvent(String dunning) {
        JsonNode events = api.get(Role.BILLING, dunning).json("/events");
        return events.get(events.size() - 1);
    }

    @Test
    void aComplaintCaseAboutTheInvoiceHoldsItsDunning() {
        long customer = invoicing.person("Klagemette", "Reklamasjon", null);
        long other = invoicing.person("Annenkunde", "Reklamasjon", null);
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20),
                "400.00", "100.00");
        // a case can only name one of the customer's own invoices
        Api.Response wrong = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases", json("customerNumber", String.valueOf(other), "kind", "COMPLAINT",
                "title", "Disputes", "description", "x", "invoiceNumber", String.valueOf(invoice.invoiceNumber())));
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(400);
        assertThat(wrong.raw()).contains("invoice.notTheCustomers");
        Api.Response opened = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases", json("customerNumber", String.valueOf(customer),
                "kind", "COMPLAINT", "title", "Disputes the February bill", "description", "Says the meter was read twice",
                "invoiceNumber", String.valueOf(invoice.invoiceNumber())));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.json("/invoiceNumber").asLong()).isEqualTo(invoice.invoiceNumber());

        at(LocalDate.of(2026, 4, 3));
        assertThat(run(customer).json("/nothingBecause/DISPUTED").asInt()).isEqualTo(1);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/dunning").json("/events").size()).isZero();

        // closed: the next run sends the purring
        long caseNumber = opened.json("/caseNumber").asLong();
        long version = opened.json("/version").asLong();
        assertThat(api.patch(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + caseNumber, json("version", version, "status", "CLOSED")).status())
                .isEqualTo(200);
        assertThat(run(customer).json("/stepsByKind/PURRING").asInt()).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndOnlyTheRightRolesMay() {
        at(LocalDate.of(2026, 3, 20));
        Api.Response future = api.post(Role.BILLING, "/api/v1/dunning-runs", json("day", "2026-03-21", "customerNumbers", List.of("abc")));
        assertThat(future.status()).as(future.raw()).isEqualTo(400);
        assertThat(future.raw()).contains("dunning.futureDay").contains("customerNumbers[0]");
        assertThat(api.post(Role.BILLING, "/api/v1/dunning-runs", json("day", "20.03.2026")).raw()).contains("\"field\":\"day\"");
        // an empty body runs nothing: everyone must be asked for
        Api.Response empty = api.post(Role.BILLING, "/api/v1/dunning-runs", json());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.raw()).contains("dunning.scope");
        // a run is accounting's, a rate is admin's; partners reach none of it
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/dunning-runs", json("customerNumbers", List.of())).status()).isEqualTo(403);
        assertThat(api.post(Role.BILLING, "/api/v1/late-interest-rates", json()).status()).isEqualTo(403);
        assertThat(api.get(Role.PARTNER, "/api/v1/invoices/100042/dunning").status()).isEqualTo(403);
        assertThat(api.get(Role.BILLING, "/api/v1/invoices/99999999999/dunning").status()).isEqualTo(404);
        assertThat(api.get(Role.BILLING, "/api/v1/invoices/abc/dunning").status()).isEqualTo(400);

        Api.Response notAHalfYear = api.post(Role.ADMIN, "/api/v1/late-interest-rates",
                json("validFrom", "2019-02-01", "ratePercent", "8.75", "source", "test"));
        assertThat(notAHalfYear.status()).as(notAHalfYear.raw()).isEqualTo(400);
        assertThat(notAHalfYear.raw()).contains("interest.halfYear");
        Api.Response missing = api.post(Role.ADMIN, "/api/v1/late-interest-rates", json("validFrom", "2019-01-01"));
        assertThat(missing.raw()).contains("ratePercent").contains("source");
        // a half-year no other test uses: entered once, never changed
        Api.Response entered = api.post(Role.ADMIN, "/api/v1/late-interest-rates",
                json("validFrom", "2019-01-01", "ratePercent", "8.75", "source", "Finansdepartementet 2019 (test)"));
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);
        Api.Response again = api.post(Role.ADMIN, "/api/v1/late-interest-rates",
                json("validFrom", "2019-01-01", "ratePercent", "9.00", "source", "x"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.raw()).contains("interest.halfYearEntered");
        assertThat(api.get(Role.BILLING, "/api/v1/late-interest-rates").body().findValuesAsString("ratePercent")).isNotEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Moves the application's clock to 12:00 in Oslo on {@code day}. */
    private void at(LocalDate day) {
        clock.reset();
        clock.advance(Duration.between(NOW, day.atTime(12, 0).atZone(NorwegianTime.ZONE).toInstant()));
    }

    private Api.Response run(long customerNumber) {
        Api.Response r = api.post(Role.BILLING, "/api/v1/dunning-runs", json("customerNumbers", List.of(String.valueOf(customerNumber))));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json("/warnings").size()).as(r.raw()).isZero();
        return r;
    }

    private void sendNotices() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/dunning-notices/due", json());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }
}
