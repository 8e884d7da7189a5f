package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.e2e.BankFiles.Payment;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.ledger.InstalmentPlanCoverage;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Instalment plans end to end on the API tests' clock (15 March 2026): options with the arithmetic, a plan made,
 * payments to the instalments' KIDs settling them in order, the dunning job's coverage query, a missed instalment
 * defaulting the plan, a completed plan, the refusals, and the partner API naming the reason.
 */
class InstalmentPlanTest extends InvoicingApiTest {

    @Autowired
    InstalmentPlanCoverage coverage;

    @Autowired
    FixedClock.Movable clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api.Response pay(String reference, String amount, String kid) {
        return api.postText(Role.BILLING, "/api/v1/payment-files?fileName=innbetalinger.xml", "application/xml",
                BankFiles.camt054("MSG-" + reference, new Payment(reference, "2026-03-20", amount, kid, "BETALER", null)));
    }

    /** Two overdue invoices: 944.00 + 236.00 = 1 180.00 due 20 Feb, 932.54 + 233.13 = 1 165.67 due 1 Mar; 2 345.67 in all. */
    private long customerOwing2345_67(String unique, Invoice[] made) {
        long customer = invoicing.person("Avdrag", "Kunde" + unique, null);
        made[0] = invoicing.invoice(customer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "944.00", "236.00");
        made[1] = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 2, 15), LocalDate.of(2026, 3, 1), "932.54", "233.13");
        assertThat(made[1].totalAmount()).isEqualByComparingTo("1165.67");
        return customer;
    }

    @Test
    void aPlanOfThreeInstalmentsPaidByKidThenDefaultedByAMissedOne() {
        String unique = String.valueOf(TestData.unique());
        Invoice[] inv = new Invoice[2];
        long customer = customerOwing2345_67(unique, inv);

        Api.Response options = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plan-options");
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        assertThat(options.json("/available").asBoolean()).isTrue();
        // 1 180.00 + 1 165.67 = 2 345.67
        assertThat(options.json("/amount").decimalValue()).isEqualByComparingTo("2345.67");
        // ÷6 = 390.94 ≥ 200.00: 2 to 6 instalments; ÷3 = 781.89 exactly
        assertThat(options.json("/choices").size()).isEqualTo(5);
        assertThat(options.json("/choices/1/instalments").asInt()).isEqualTo(3);
        assertThat(options.json("/choices/1/instalment").decimalValue()).isEqualByComparingTo("781.89");
        assertThat(options.json("/choices/1/lastInstalment").decimalValue()).isEqualByComparingTo("781.89");
        // ÷4 = 586.4175 → 586.41 three times, the last 2 345.67 − 1 759.23 = 586.44
        assertThat(options.json("/choices/2/instalment").decimalValue()).isEqualByComparingTo("586.41");
        assertThat(options.json("/choices/2/lastInstalment").decimalValue()).isEqualByComparingTo("586.44");
        assertThat(options.json("/firstDueDate").asString()).isEqualTo("2026-03-29");

        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans", Api.json("instalments", 3));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long planId = created.json("/planId").asLong();
        assertThat(created.json("/status").asString()).isEqualTo("ACTIVE");
        JsonNode instalments = created.json("/instalments");
        assertThat(instalments.size()).isEqualTo(3);
        assertThat(List.of(instalments.get(0).path("dueDate").asString(), instalments.get(1).path("dueDate").asString(),
                instalments.get(2).path("dueDate").asString())).containsExactly("2026-03-29", "2026-04-29", "2026-05-29");
        for (JsonNode i : instalments) {
            assertThat(i.path("amount").decimalValue()).isEqualByComparingTo("781.89");
            assertThat(i.path("kid").asString()).hasSize(16).startsWith(String.format("%07d", customer));
        }
        assertThat(coverage.invoicesUnderActivePlan(List.of(inv[0].id(), inv[1].id()))).containsExactlyInAnyOrder(inv[0].id(), inv[1].id());
        assertThat(coverage.coversInvoice(inv[0].id())).isTrue();
        // the dunning run pauses both: on 15 March the first is due + 23 days and the second due + 14, a purring each
        // without the plan
        Api.Response dunning = api.post(Role.BILLING, "/api/v1/dunning-runs",
                Api.json("customerNumbers", List.of(String.valueOf(customer))));
        assertThat(dunning.status()).as(dunning.raw()).isEqualTo(200);
        assertThat(dunning.json("/stepsTaken").asInt()).as(dunning.raw()).isZero();
        assertThat(dunning.json("/nothingBecause/PAYMENT_ARRANGEMENT").asInt()).as(dunning.raw()).isEqualTo(2);

        // one plan at a time; a covered invoice is not handed over to debt collection
        Api.Response second = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plan-options");
        assertThat(second.json("/available").asBoolean()).isFalse();
        assertThat(second.json("/refusals/0/rule").asString()).isEqualTo("plan.active");
        Api.Response again = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans", Api.json("instalments", 2));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json("/violations/0/rule").asString()).isEqualTo("plan.active");
        Api.Response handOver = api.post(Role.BILLING, "/api/v1/invoices/" + inv[0].invoiceNumber() + "/debt-collection",
                Api.json("agency", "Kredinor"));
        assertThat(handOver.status()).isEqualTo(409);
        assertThat(handOver.json("/violations/0/rule").asString()).isEqualTo("collection.underInstalmentPlan");

        // the first instalment paid to its KID: the oldest invoice, 1 180.00 − 781.89 = 398.11 left on it
        Api.Response paid1 = pay("IP1-" + unique, "781.89", instalments.get(0).path("kid").asString());
        assertThat(paid1.json("/matchedByKid").asInt()).as(paid1.raw()).isEqualTo(1);
        Api.Response plan = api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId);
        assertThat(plan.json("/paid").decimalValue()).isEqualByComparingTo("781.89");
        assertThat(plan.json("/instalments/0/status").asString()).isEqualTo("PAID");
        assertThat(plan.json("/instalments/1/status").asString()).isEqualTo("OPEN");
        assertThat(plan.json("/invoices/0/openNow").decimalValue()).isEqualByComparingTo("398.11");

        // the second too: 398.11 closes the first invoice, the 383.78 beyond it is credit on account on the second:
        // 1 165.67 − 383.78 = 781.89 left, exactly the third instalment
        pay("IP2-" + unique, "781.89", instalments.get(1).path("kid").asString());
        plan = api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId);
        assertThat(plan.json("/paid").decimalValue()).isEqualByComparingTo("1563.78");
        assertThat(plan.json("/remaining").decimalValue()).isEqualByComparingTo("781.89");
        assertThat(plan.json("/instalments/1/status").asString()).isEqualTo("PAID");
        assertThat(plan.json("/invoices/0/openNow").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(plan.json("/invoices/1/openNow").decimalValue()).isEqualByComparingTo("781.89");
        Api.Response ledger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/ledger");
        assertThat(ledger.json("/balance").decimalValue()).isEqualByComparingTo("781.89");

        // the nightly check on 12 June (29 May + 14 days): not yet missed
        clock.advance(Duration.ofDays(89));
        assertThat(api.post(Role.BILLING, "/api/v1/instalment-plans/settlement-runs", Api.json()).status()).isEqualTo(200);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId).json("/status").asString()).isEqualTo("ACTIVE");
        // 13 June: the third instalment is missed → the plan defaults, the invoice is ordinary overdue again
        clock.advance(Duration.ofDays(1));
        api.post(Role.BILLING, "/api/v1/instalment-plans/settlement-runs", Api.json());
        plan = api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId);
        assertThat(plan.json("/status").asString()).isEqualTo("DEFAULTED");
        assertThat(plan.json("/endedOn").asString()).isEqualTo("2026-06-13");
        assertThat(plan.json("/endReason").asString()).contains("instalment 3").contains("2026-05-29");
        assertThat(plan.json("/instalments/2/status").asString()).isEqualTo("MISSED");
        assertThat(coverage.invoicesUnderActivePlan(List.of(inv[0].id(), inv[1].id()))).isEmpty();
        // the same check again changes nothing
        assertThat(api.post(Role.BILLING, "/api/v1/instalment-plans/settlement-runs", Api.json()).status()).isEqualTo(200);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId).json("/version").asLong())
                .isEqualTo(plan.json("/version").asLong());

        // no new plan within 12 months of the default — and the partner API says why, in words for the customer
        Api agent = api.client("ai-agent-plans", "accounts:read", "billing:read", "billing:write");
        Api.Response partner = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plan-options");
        assertThat(partner.status()).as(partner.raw()).isEqualTo(200);
        assertThat(partner.json("/available").asBoolean()).isFalse();
        assertThat(partner.json("/refusals/0/rule").asString()).isEqualTo("plan.recentDefault");
        assertThat(partner.json("/refusals/0/reason").asString()).contains("2026-06-13").contains("2027-06-13");
        Api.Response refused = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plans", Api.json("instalments", 2));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json("/violations/0/rule").asString()).isEqualTo("plan.recentDefault");
        assertThat(refused.json("/violations/0/message").asString()).contains("a new plan can be made from 2027-06-13");
    }

    @Test
    void thePartnerAgentMakesAPlanThatIsPaidInFullAndCompletes() {
        String unique = String.valueOf(TestData.unique());
        Invoice[] inv = new Invoice[2];
        long customer = customerOwing2345_67(unique, inv);
        Api agent = api.client("ai-agent-plans", "accounts:read", "billing:read", "billing:write");
        Api.Response options = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plan-options");
        assertThat(options.json("/available").asBoolean()).as(options.raw()).isTrue();
        // a count not on offer: 7 > 6 instalments
        Api.Response tooMany = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plans", Api.json("instalments", 7));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json("/violations/0/rule").asString()).isEqualTo("plan.instalments");
        Api.Response bad = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plans", Api.json("instalments", 1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json("/violations/0/field").asString()).isEqualTo("instalments");

        Api.Response created = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plans", Api.json("instalments", 2));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        // 2 345.67 ÷ 2 = 1 172.835 → 1 172.83, the last 1 172.84
        assertThat(created.json("/instalments/0/amount").decimalValue()).isEqualByComparingTo("1172.83");
        assertThat(created.json("/instalments/1/amount").decimalValue()).isEqualByComparingTo("1172.84");
        // the agent can tell the customer where the confirmation with the KIDs goes: by e-mail, not sent yet
        assertThat(created.json("/confirmation/channel").asString()).isEqualTo("EMAIL");
        assertThat(created.json("/confirmation/status").asString()).isEqualTo("PENDING");
        long planId = created.json("/planId").asLong();
        pay("IPA-" + unique, "1172.83", created.json("/instalments/0/kid").asString());
        pay("IPB-" + unique, "1172.84", created.json("/instalments/1/kid").asString());
        api.post(Role.BILLING, "/api/v1/instalment-plans/settlement-runs", Api.json());
        Api.Response plan = api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId);
        assertThat(plan.json("/status").asString()).isEqualTo("COMPLETED");
        assertThat(plan.json("/paid").decimalValue()).isEqualByComparingTo("2345.67");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/ledger").json("/balance").decimalValue())
                .isEqualByComparingTo("0.00");
        List<JsonNode> list = new java.util.ArrayList<>();
        agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plans").body().forEach(list::add);
        assertThat(list).hasSize(1);
        // nothing overdue any more
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + customer + "/instalment-plan-options").json("/refusals/0/rule")
                .asString()).isEqualTo("plan.nothingOverdue");
    }

    @Test
    void staffCancelAPlanAndTheInvoicesAreOrdinaryOverdueAgain() {
        String unique = String.valueOf(TestData.unique());
        Invoice[] inv = new Invoice[2];
        long customer = customerOwing2345_67(unique, inv);
        long planId = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans", Api.json("instalments", 6))
                .json("/planId").asLong();
        DatabaseSnapshot before = snapshot();
        // billing may read plans but not make or cancel them
        assertThat(api.post(Role.BILLING, "/api/v1/instalment-plans/" + planId + "/cancel", Api.json("reason", "x")).status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
        Api.Response cancelled = api.post(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId + "/cancel",
                Api.json("reason", "the customer pays in full"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.json("/status").asString()).isEqualTo("CANCELLED");
        assertThat(coverage.coversInvoice(inv[1].id())).isFalse();
        Api.Response twice = api.post(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId + "/cancel", Api.json());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json("/violations/0/rule").asString()).isEqualTo("plan.notActive");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/999999999").status()).isEqualTo(404);
        // a cancelled plan does not block a new one
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plan-options").json("/available").asBoolean())
                .isTrue();
    }

    @Test
    void aPlanOverOneInvoiceOnlyWithTheFirstDueDateTheCustomerAskedFor() {
        String unique = String.valueOf(TestData.unique());
        Invoice[] inv = new Invoice[2];
        long customer = customerOwing2345_67(unique, inv);
        // today is 15 March 2026: an agreed first due date may be from 16 March to 15 March + 30 days = 14 April
        Api.Response all = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plan-options");
        assertThat(all.json("/latestFirstDueDate").asString()).isEqualTo("2026-04-14");
        // only the January invoice (944.00 + 236.00 = 1 180.00): ÷5 = 236.00 ≥ 200.00, ÷6 = 196.66 < 200.00 → 2 to 5
        Api.Response one = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plan-options?invoiceNumbers="
                + inv[0].invoiceNumber());
        assertThat(one.status()).as(one.raw()).isEqualTo(200);
        assertThat(one.json("/amount").decimalValue()).isEqualByComparingTo("1180.00");
        assertThat(one.json("/invoiceNumbers").size()).isEqualTo(1);
        assertThat(one.json("/choices").size()).isEqualTo(4);
        assertThat(one.json("/choices/3/instalment").decimalValue()).isEqualByComparingTo("236.00");

        DatabaseSnapshot before = snapshot();
        // bad terms change nothing: a day outside the range, an invoice that can not be in a plan
        Api.Response tooLate = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans",
                Api.json("instalments", 2, "firstDueDate", "2026-04-15"));
        assertThat(tooLate.status()).as(tooLate.raw()).isEqualTo(400);
        assertThat(tooLate.json("/violations/0/field").asString()).isEqualTo("firstDueDate");
        assertThat(tooLate.json("/violations/0/rule").asString()).isEqualTo("plan.firstDueDate");
        assertThat(tooLate.json("/violations/0/message").asString()).contains("2026-03-16").contains("2026-04-14");
        Api.Response today = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans",
                Api.json("instalments", 2, "firstDueDate", "2026-03-15"));
        assertThat(today.json("/violations/0/rule").asString()).isEqualTo("plan.firstDueDate");
        Api.Response notHers = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans",
                Api.json("instalments", 2, "invoiceNumbers", List.of(inv[0].invoiceNumber(), 999_999_999L)));
        assertThat(notHers.status()).as(notHers.raw()).isEqualTo(400);
        assertThat(notHers.json("/violations/0/field").asString()).isEqualTo("invoiceNumbers");
        assertThat(notHers.json("/violations/0/rule").asString()).isEqualTo("plan.invoice");
        assertThat(notHers.json("/violations/0/message").asString()).contains("999999999");
        assertThat(snapshot()).isEqualTo(before);

        // agreed: the January invoice in 2, the first on 20 March (after payday), then 20 April: 1 180.00 ÷ 2 = 590.00 each
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans",
                Api.json("instalments", 2, "invoiceNumbers", List.of(inv[0].invoiceNumber()), "firstDueDate", "2026-03-20"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json("/amount").decimalValue()).isEqualByComparingTo("1180.00");
        assertThat(created.json("/invoices").findValues("invoiceNumber").stream().map(JsonNode::asLong).toList())
                .containsExactly(inv[0].invoiceNumber());
        assertThat(created.json("/instalments/0/dueDate").asString()).isEqualTo("2026-03-20");
        assertThat(created.json("/instalments/1/dueDate").asString()).isEqualTo("2026-04-20");
        assertThat(created.json("/instalments/1/amount").decimalValue()).isEqualByComparingTo("590.00");
        // the February invoice is not under the plan: it is dunned as before
        assertThat(coverage.coversInvoice(inv[0].id())).isTrue();
        assertThat(coverage.coversInvoice(inv[1].id())).isFalse();
    }
}
