package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.e2e.BankFiles.Payment;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.ledger.DebtCollection;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The receivables figures through the API, a golden case worked by hand: three customers' invoices in 2000–2001 (a
 * time no other test writes in, so the shared database holds only these documents then), partial, late and on-account
 * payments, a credit note, a hand-over to collection, and the deliveries' channels. Then bad input and who may read.
 */
class ReceivablesFiguresTest extends InvoicingApiTest {

    @Autowired
    DebtCollection collection;

    static final String FIGURES = "/api/v1/receivables/figures?from=2001-03-01&to=2001-04-01";

    @Test
    void march2001WorkedByHand() {
        String unique = String.valueOf(TestData.unique());
        long anne = invoicing.person("Anne", "Aas" + unique, null);
        long bjorn = invoicing.person("Bjørn", "Berg" + unique, null);
        long cecilie = invoicing.person("Cecilie", "Dahl" + unique, null);

        // Anne: A0 250.00 due 20 Dec 2000, never paid; A1 1000.00 due 5 Mar, paid on the day; A2 500.00 issued 15 Mar, due 5 Apr
        Invoice a0 = invoicing.invoice(anne, YearMonth.of(2000, 11), LocalDate.of(2000, 12, 1), LocalDate.of(2000, 12, 20), "200.00", "50.00");
        Invoice a1 = invoicing.invoice(anne, YearMonth.of(2001, 1), LocalDate.of(2001, 2, 15), LocalDate.of(2001, 3, 5), "800.00", "200.00");
        Invoice a2 = invoicing.invoice(anne, YearMonth.of(2001, 2), LocalDate.of(2001, 3, 15), LocalDate.of(2001, 4, 5), "400.00", "100.00");
        // Bjørn: B1 2000.00 due 20 Feb, 500.00 paid 10 Mar, to collection 20 Mar; B2 800.00 due 10 Mar, paid 20 Mar (10 days late)
        Invoice b1 = invoicing.invoice(bjorn, YearMonth.of(2000, 12), LocalDate.of(2001, 2, 1), LocalDate.of(2001, 2, 20), "1600.00", "400.00");
        Invoice b2 = invoicing.invoice(bjorn, YearMonth.of(2001, 1), LocalDate.of(2001, 2, 20), LocalDate.of(2001, 3, 10), "640.00", "160.00");
        // Cecilie: C1 1200.00 due 15 Mar, 600.00 paid on the day and 600.00 on 10 Apr; C2 400.00 due 20 Mar, credited
        // 25 Mar, and 100.00 paid on its KID on 28 Mar anyway (credit on account); C3 300.00 due 31 Mar, never paid
        Invoice c1 = invoicing.invoice(cecilie, YearMonth.of(2001, 1), LocalDate.of(2001, 2, 25), LocalDate.of(2001, 3, 15), "960.00", "240.00");
        Invoice c2 = invoicing.invoice(cecilie, YearMonth.of(2001, 2), LocalDate.of(2001, 3, 1), LocalDate.of(2001, 3, 20), "320.00", "80.00");
        Invoice c3 = invoicing.invoice(cecilie, YearMonth.of(2001, 3), LocalDate.of(2001, 3, 10), LocalDate.of(2001, 3, 31), "240.00", "60.00");
        Invoice c2credit = invoicing.credit(c2, cecilie, LocalDate.of(2001, 3, 25));

        // the channel each reached the customer by, as invoice-delivery records it (C1: e-mail not opened → SMS)
        deliveredBy(a0, "{PAPER}", 0);
        deliveredBy(a1, "{EMAIL,PAPER}", 0);
        deliveredBy(a2, "{EMAIL,PAPER}", 0);
        deliveredBy(b1, "{PAPER}", 0);
        deliveredBy(b2, "{PAPER}", 0);
        deliveredBy(c1, "{EMAIL,SMS,PAPER}", 1);
        deliveredBy(c2, "{PAPER}", 0);
        deliveredBy(c3, "{EMAIL,PAPER}", 0);
        deliveredBy(c2credit, "{PAPER}", 0);

        Api.Response imported = api.postText(Role.BILLING, "/api/v1/payment-files?fileName=2001.xml", "application/xml",
                BankFiles.camt054("MSG-2001-" + unique,
                        new Payment("R1-" + unique, "2001-03-05", "1000.00", a1.kid().value(), null, null),
                        new Payment("R2-" + unique, "2001-03-10", "500.00", b1.kid().value(), null, null),
                        new Payment("R3-" + unique, "2001-03-20", "800.00", b2.kid().value(), null, null),
                        new Payment("R4-" + unique, "2001-03-15", "600.00", c1.kid().value(), null, null),
                        new Payment("R5-" + unique, "2001-04-10", "600.00", c1.kid().value(), null, null),
                        new Payment("R6-" + unique, "2001-03-28", "100.00", c2.kid().value(), null, null)));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json("/matchedByKid").asInt()).isEqualTo(6);
        collection.handOver(b1.customerId(), b1.invoiceNumber(), "Lindorff Inkasso", LocalDate.of(2001, 3, 20));
        // C1 got a purring on 29 Mar (due + 14), as the nightly dunning job records it, before its last 600.00
        jdbc.sql("insert into dunning_event (invoice_id, step, day, actor, created_at) values (:i, 'PURRING', date '2001-03-29', 'test', now())")
                .param("i", c1.id()).update();

        Api.Response r = api.get(Role.BILLING, FIGURES);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode f = r.body();

        // Open at the start of 1 Apr 2001 (payments before it; R5 on 10 Apr comes after):
        //   Anne:    A0 250.00, A2 500.00 (A1 paid)                                         balance 1750 − 1000 = 750.00
        //   Bjørn:   B1 2000 − 500 = 1500.00 (B2 paid)                                       balance 2800 − 1300 = 1500.00
        //   Cecilie: C1 1200 − 600 = 600.00, C3 300.00, C2 400 − 400 − 100 = −100.00;
        //            balance 1200 + 400 − 400 + 300 − 600 − 100 = 800.00 → credit 900 − 800 = 100.00 settles C1 (oldest
        //            due) → C1 500.00
        //   receivables = 250 + 500 + 1500 + 500 + 300 = 3050.00
        // Credit sales in March: A2 500 + C2 400 − C2's credit note 400 + C3 300 = 800.00
        // DSO = 3050 / 800 × 31 = 118.19 → 118.2
        assertThat(f.at("/dso/receivables").decimalValue()).isEqualByComparingTo("3050.00");
        assertThat(f.at("/dso/creditSales").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(f.at("/dso/days").asInt()).isEqualTo(31);
        assertThat(f.at("/dso/value").decimalValue()).isEqualByComparingTo("118.2");

        // days past due on 1 Apr: A0 102 (> 90), A2 −4 (not due), B1 40 (31–60), C1 17 (15–30), C3 1 (1–14)
        assertThat(buckets(f)).containsExactly("NOT_DUE=500.00", "DAYS_1_14=300.00", "DAYS_15_30=500.00", "DAYS_31_60=1500.00",
                "DAYS_61_90=0.00", "OVER_90=250.00");
        assertThat(f.at("/aging/open").decimalValue()).isEqualByComparingTo("3050.00");
        // 300 + 500 + 1500 + 250 = 2550.00
        assertThat(f.at("/aging/overdue").decimalValue()).isEqualByComparingTo("2550.00");
        assertThat(f.at("/collection/amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(f.at("/collection/invoices").asInt()).isEqualTo(1);
        assertThat(f.at("/creditLoss").decimalValue()).isEqualByComparingTo("0.00");

        // due in March: A1 (5th), B2 (10th), C1 (15th), C3 (31st); C2 was credited before 1 Apr, so it is not a claim.
        // by the due date: A1 → 1/4 = 0.2500; before any notice (paid in full before the first purring or inkassovarsel,
        // or with none sent): A1, B2 (no notice); not C1 (in full 10 Apr, purring 29 Mar), not C3 (unpaid) → 2/4 = 0.5000
        assertThat(f.at("/paidOnTime/invoicesDue").asInt()).isEqualTo(4);
        assertThat(f.at("/paidOnTime/paidByDueDate").asInt()).isEqualTo(1);
        assertThat(f.at("/paidOnTime/paidByDueDateShare").decimalValue()).isEqualByComparingTo("0.2500");
        assertThat(f.at("/paidOnTime/paidBeforeNotice").asInt()).isEqualTo(2);
        assertThat(f.at("/paidOnTime/paidBeforeNoticeShare").decimalValue()).isEqualByComparingTo("0.5000");

        // paid in full: A1 0 days (e-mail), B2 10 (paper), C1 26 (15 Mar → 10 Apr, SMS); (0 + 10 + 26) / 3 = 12.0
        assertThat(f.at("/paymentDelay/paidInvoices").asInt()).isEqualTo(3);
        assertThat(f.at("/paymentDelay/averageDays").decimalValue()).isEqualByComparingTo("12.0");
        assertThat(f.at("/paymentDelay/byChannel").valueStream().map(c -> c.at("/channel").asString() + "="
                        + (c.at("/averageDays").isMissingNode() || c.at("/averageDays").isNull() ? "null" : c.at("/averageDays").decimalValue().toPlainString())))
                .containsExactly("EMAIL=0.0", "SMS=26.0", "EHF=null", "PAPER=10.0");

        // invoices issued in March: A2 (e-mail), C2 (paper), C3 (e-mail) — the credit note is not an invoice → 2/3 = 0.6667
        assertThat(f.at("/deliveries/total").asLong()).isEqualTo(3);
        assertThat(f.at("/deliveries/digital").asLong()).isEqualTo(2);
        assertThat(f.at("/deliveries/digitalShare").decimalValue()).isEqualByComparingTo("0.6667");

        // forecast [1 Apr, 31 May): A2's 500.00 on 5 Apr; the overdue amounts are not forecast
        assertThat(f.at("/forecast/days").size()).isEqualTo(60);
        assertThat(f.at("/forecast/days/4/dueDate").asString()).isEqualTo("2001-04-05");
        assertThat(f.at("/forecast/days/4/amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(f.at("/forecast/total").decimalValue()).isEqualByComparingTo("500.00");
        // money with two decimals on the wire
        assertThat(r.raw()).contains("\"receivables\":3050.00");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndTheRule() {
        assertProblem(api.get(Role.BILLING, "/api/v1/receivables/figures?to=2026-02-01"), "from", "required");
        assertProblem(api.get(Role.BILLING, "/api/v1/receivables/figures?from=2026-02-01&to=2026-01-01"), "to", "period.endBeforeStart");
        assertProblem(api.get(Role.BILLING, "/api/v1/receivables/figures?from=2026-01-01&to=2026-01-01"), "to", "period.endBeforeStart");
        assertProblem(api.get(Role.BILLING, "/api/v1/receivables/figures?from=2023-01-01&to=2025-01-02"), "to", "period.tooLong");
        assertProblem(api.get(Role.BILLING, "/api/v1/receivables/figures?from=2026-13-01&to=2026-02-01"), "from", "date.format");
        // two years exactly is allowed
        assertThat(api.get(Role.BILLING, "/api/v1/receivables/figures?from=2023-01-01&to=2025-01-01").status()).isEqualTo(200);
    }

    @Test
    void billingAdminAndCustomerServiceMayReadPartnersMayNot() {
        for (Role role : List.of(Role.BILLING, Role.ADMIN, Role.CUSTOMER_SERVICE)) {
            assertThat(api.get(role, FIGURES).status()).as(role.name()).isEqualTo(200);
        }
        Api.Response partner = api.get(Role.PARTNER, FIGURES);
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.contentType()).startsWith("application/problem+json");
    }

    private static void assertProblem(Api.Response r, String field, String rule) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()))
                .as(r.raw()).contains(field + "|" + rule);
    }

    private static List<String> buckets(JsonNode f) {
        return f.at("/aging/buckets").valueStream()
                .map(b -> b.at("/bucket").asString() + "=" + b.at("/amount").decimalValue().setScale(2)).toList();
    }

    private void deliveredBy(Invoice invoice, String plan, int step) {
        jdbc.sql("""
                        insert into invoice_delivery (invoice_id, plan, step, status, created_at, updated_at)
                        values (:invoice, cast(:plan as text[]), :step, 'SENT', now(), now())""")
                .param("invoice", invoice.id()).param("plan", plan).param("step", step).update();
    }
}
