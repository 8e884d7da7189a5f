package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every partner function end to end, as the AI customer-service agent calls it with a partner token: found, ambiguous
 * and not found; scopes; the audit of every call; the rate limit. Today is 15 March 2026.
 */
class PartnerApiTest extends InvoicingApiTest {

    /** The agent with every partner scope. */
    Api agent;

    String unique;
    String mobile;
    long kari;
    String point;
    String gridOwner;
    Invoice january;
    Invoice february;

    @BeforeEach
    void setUp() {
        agent = api.client("ai-agent", "accounts:read", "accounts:write", "billing:read", "billing:write", "orders:write", "cases:write");
        unique = String.valueOf(TestData.unique());
        mobile = "+479" + String.format("%07d", Integer.parseInt(unique));
        kari = invoicing.person("Kari", "Lund" + unique, mobile);
        gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", Map.of("gln", gridOwner, "name", "Vossnett AS"));
        point = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(point, "NO5", gridOwner, "35", "4621")).status()).isEqualTo(201);
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                TestData.contract(kari, "2026-01-01", List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        // January: 400.00 + 100.00 = 500.00, due 20 Feb (overdue on 15 Mar); February: 944.00 + 236.00 = 1180.00, due 20 Mar
        january = invoicing.invoice(kari, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "400.00", "100.00");
        february = invoicing.invoice(kari, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "944.00", "236.00");
    }

    @Test
    void findAccountByPhoneOneSeveralOrNone() {
        Api.Response one = agent.get(Role.PARTNER, "/api/v1/partner/accounts?phone=" + mobile.substring(3));
        assertThat(one.status()).as(one.raw()).isEqualTo(200);
        assertThat(one.text("/match")).isEqualTo("ONE");
        assertThat(one.json("/accounts/0/customerNumber").asLong()).isEqualTo(kari);
        assertThat(one.text("/accounts/0/supplyAddresses/0")).isEqualTo("Fjellveien 3, 5710 Voss");
        assertThat(one.text("/accounts/0/maskedMobile")).isEqualTo("******" + mobile.substring(mobile.length() - 3));
        assertThat(one.raw()).doesNotContain("nationalId").doesNotContain(mobile);

        // a household: Kari's partner registered with the same phone
        long ola = invoicing.person("Ola", "Lund" + unique, mobile);
        Api.Response several = agent.get(Role.PARTNER, "/api/v1/partner/accounts?phone=%2B" + mobile.substring(1));
        assertThat(several.text("/match")).isEqualTo("SEVERAL");
        assertThat(several.json("/accounts").valueStream().map(a -> a.at("/customerNumber").asLong()).toList())
                .containsExactlyInAnyOrder(kari, ola);
        // the name narrows it down
        Api.Response narrowed = agent.get(Role.PARTNER, "/api/v1/partner/accounts?phone=" + mobile.substring(3) + "&name=ola");
        assertThat(narrowed.text("/match")).isEqualTo("ONE");
        assertThat(narrowed.json("/accounts/0/customerNumber").asLong()).isEqualTo(ola);

        Api.Response none = agent.get(Role.PARTNER, "/api/v1/partner/accounts?phone=40000001");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text("/match")).isEqualTo("NONE");
        assertThat(none.json("/accounts").size()).isZero();
    }

    @Test
    void findAccountByNameAndByCustomerNumber() {
        Api.Response byName = agent.get(Role.PARTNER, "/api/v1/partner/accounts?name=kari%20lund" + unique);
        assertThat(byName.text("/match")).isEqualTo("ONE");
        assertThat(byName.json("/accounts/0/customerNumber").asLong()).isEqualTo(kari);
        Api.Response byNumber = agent.get(Role.PARTNER, "/api/v1/partner/accounts?customerNumber=" + kari);
        assertThat(byNumber.json("/accounts/0/name").asString()).isEqualTo("Kari Lund" + unique);
        Api.Response get = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text("/maskedEmail")).isEqualTo("k***@example.no");

        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/9999999").status()).isEqualTo(404);
        Api.Response noCriterion = agent.get(Role.PARTNER, "/api/v1/partner/accounts");
        assertThat(noCriterion.status()).isEqualTo(400);
        assertThat(noCriterion.text("/violations/0/rule")).isEqualTo("search.criterionRequired");
        Api.Response punctuation = agent.get(Role.PARTNER, "/api/v1/partner/accounts?name=!!");
        assertThat(punctuation.status()).isEqualTo(400);
        assertThat(punctuation.text("/violations/0/rule")).isEqualTo("name.tooShort");
        Api.Response blank = agent.get(Role.PARTNER, "/api/v1/partner/accounts?customerNumber=%20");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text("/violations/0/rule")).isEqualTo("search.criterionRequired");
        Api.Response badPhone = agent.get(Role.PARTNER, "/api/v1/partner/accounts?phone=12");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.text("/violations/0/field")).isEqualTo("phone");
    }

    @Test
    void confirmDateOfBirthNeverRevealsIt() {
        String nationalId = jdbc.sql("select national_id from customer where customer_number = :n").param("n", kari).query(String.class).single();
        LocalDate born = jdbc.sql("select date_of_birth from customer where customer_number = :n").param("n", kari).query(LocalDate.class).single();
        Api.Response yes = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/date-of-birth-confirmations",
                json("dateOfBirth", born.toString()));
        assertThat(yes.status()).as(yes.raw()).isEqualTo(200);
        assertThat(yes.json("/confirmed").asBoolean()).isTrue();
        Api.Response no = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/date-of-birth-confirmations",
                json("dateOfBirth", born.plusDays(1).toString()));
        assertThat(no.json("/confirmed").asBoolean()).isFalse();
        assertThat(yes.raw() + no.raw()).doesNotContain(nationalId).doesNotContain(born.toString());

        long org = invoicing.organisation(TestData.organisationNumber(), "Lund Bakeri AS");
        Api.Response organisation = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + org + "/date-of-birth-confirmations",
                json("dateOfBirth", "1980-01-01"));
        assertThat(organisation.status()).isEqualTo(409);
        assertThat(organisation.text("/violations/0/rule")).isEqualTo("customer.notPerson");
        Api.Response badDate = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/date-of-birth-confirmations",
                json("dateOfBirth", "1980-02-30"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("/violations/0/rule")).isEqualTo("date.format");
    }

    @Test
    void fiveFailedDateOfBirthGuessesLockTheAccountWithoutRevealingTheSixth() {
        long target = invoicing.person("Gjett", "Meg" + TestData.unique(), null);
        LocalDate born = jdbc.sql("select date_of_birth from customer where customer_number = :n").param("n", target)
                .query(LocalDate.class).single();
        String path = "/api/v1/partner/accounts/" + target + "/date-of-birth-confirmations";
        for (int guess = 1; guess <= 5; guess++) {
            Api.Response wrong = agent.post(Role.PARTNER, path, json("dateOfBirth", born.plusDays(guess).toString()));
            assertThat(wrong.status()).as("guess " + guess).isEqualTo(200);
            assertThat(wrong.json("/confirmed").asBoolean()).isFalse();
        }
        // the sixth, right or wrong, gets the same refusal: nothing tells the guesser which it was
        Api.Response right = agent.post(Role.PARTNER, path, json("dateOfBirth", born.toString()));
        Api.Response wrong = agent.post(Role.PARTNER, path, json("dateOfBirth", born.minusDays(1).toString()));
        for (Api.Response locked : List.of(right, wrong)) {
            assertThat(locked.status()).as(locked.raw()).isEqualTo(429);
            assertThat(locked.text("/violations/0/rule")).isEqualTo("dateOfBirth.locked");
            // 24 h from the first failure, all five made at the fixed clock's instant
            assertThat(locked.retryAfter()).isEqualTo(24 * 3600);
        }
        assertThat(right.json("/violations").toString()).isEqualTo(wrong.json("/violations").toString());
        // customer service is told, and the audit marks the call that locked it and the refused ones
        assertThat(jdbc.sql("""
                select count(*) from service_case s join customer c on c.id = s.customer_id
                where c.customer_number = :n and s.title = 'Date-of-birth confirmation locked' and s.flagged""")
                .param("n", target).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select flag from partner_call where :n = any(customer_numbers) and function like '%date-of-birth%' and flag is not null
                order by id""").param("n", target).query(String.class).list())
                .containsExactly("dateOfBirth.locked", "dateOfBirth.refusedLocked", "dateOfBirth.refusedLocked");
        // another account is not affected
        LocalDate kariBorn = jdbc.sql("select date_of_birth from customer where customer_number = :n").param("n", kari)
                .query(LocalDate.class).single();
        assertThat(agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/date-of-birth-confirmations",
                json("dateOfBirth", kariBorn.toString())).json("/confirmed").asBoolean()).isTrue();
    }

    @Test
    void balanceAndBill() {
        // 500.00 + 1180.00 = 1680.00 owed; January (due 20 Feb) is overdue: 500.00
        Api.Response balance = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/balance");
        assertThat(balance.status()).as(balance.raw()).isEqualTo(200);
        assertThat(balance.json("/balance").decimalValue()).isEqualByComparingTo("1680.00");
        assertThat(balance.json("/overdue").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(balance.text("/openInvoices/0/status")).isEqualTo("OVERDUE");
        assertThat(balance.text("/openInvoices/1/status")).isEqualTo("OPEN");

        Api.Response bill = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/" + february.invoiceNumber());
        assertThat(bill.status()).as(bill.raw()).isEqualTo(200);
        assertThat(bill.json("/totalAmount").decimalValue()).isEqualByComparingTo("1180.00");
        assertThat(bill.json("/open").decimalValue()).isEqualByComparingTo("1180.00");
        assertThat(bill.text("/kid")).isEqualTo(february.kid().value());
        assertThat(bill.json("/lines").size()).isEqualTo(1);
        assertThat(bill.json("/delivery")).isEmpty();
        // once it is e-mailed, the agent can say so — the channel and what happened, no address
        api.post(Role.BILLING, "/api/v1/invoices/" + february.invoiceNumber() + "/deliveries", no.kraft.cis.e2e.Api.json());
        api.post(Role.BILLING, "/api/v1/invoice-deliveries/due", no.kraft.cis.e2e.Api.json());
        Api.Response delivered = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/" + february.invoiceNumber());
        assertThat(delivered.json("/delivery").findValuesAsString("kind")).containsExactly("QUEUED", "SENT");
        assertThat(delivered.json("/delivery").findValuesAsString("channel")).containsExactly("EMAIL", "EMAIL");
        assertThat(delivered.raw()).doesNotContain("@example.no").doesNotContain("Message-ID");

        // another customer's invoice is not found through Kari's account, and an unknown number neither
        long other = invoicing.person("Per", "Vik" + unique, null);
        Invoice theirs = invoicing.invoice(other, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "10.00", "2.50");
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/" + theirs.invoiceNumber()).status()).isEqualTo(404);
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/999999999").status()).isEqualTo(404);

        // a credit note cancels February: 500.00 + 1180.00 − 1180.00 = 500.00
        invoicing.credit(february, kari, LocalDate.of(2026, 3, 10));
        Api.Response afterCredit = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/balance");
        assertThat(afterCredit.json("/balance").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(afterCredit.json("/openInvoices").size()).isEqualTo(1);
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/" + february.invoiceNumber())
                .text("/status")).isEqualTo("CREDITED");
    }

    @Test
    void paymentArrangementOptionsAndPostponement() {
        // rules: once per invoice, at most 14 days after the printed due date, not in collection
        Api.Response options = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/payment-arrangement-options");
        assertThat(options.status()).as(options.raw()).isEqualTo(200);
        // January: due 20 Feb + 14 days = 6 Mar, before today (15 Mar) → too late. February: due 20 Mar → latest 3 Apr
        assertThat(options.json("/0/postponable").asBoolean()).isFalse();
        assertThat(options.text("/0/refusals/0/rule")).isEqualTo("arrangement.tooLate");
        assertThat(options.json("/1/postponable").asBoolean()).isTrue();
        assertThat(options.text("/1/latestDueDate")).isEqualTo("2026-04-03");

        String path = "/api/v1/partner/accounts/" + kari + "/payment-arrangements";
        Api.Response tooFar = agent.post(Role.PARTNER, path, json("invoiceNumber", String.valueOf(february.invoiceNumber()), "newDueDate", "2026-04-04"));
        assertThat(tooFar.status()).isEqualTo(409);
        assertThat(tooFar.text("/violations/0/rule")).isEqualTo("arrangement.maxDays");
        Api.Response ok = agent.post(Role.PARTNER, path, json("invoiceNumber", String.valueOf(february.invoiceNumber()), "newDueDate", "2026-04-03",
                "reason", "salary on the 1st"));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.text("/newDueDate")).isEqualTo("2026-04-03");
        Api.Response again = agent.post(Role.PARTNER, path, json("invoiceNumber", String.valueOf(february.invoiceNumber()), "newDueDate", "2026-04-02"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/violations/0/rule")).isEqualTo("arrangement.alreadyPostponed");
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/" + february.invoiceNumber()).text("/dueDate"))
                .isEqualTo("2026-04-03");

        // January goes to debt collection: refused for that reason too
        assertThat(api.post(Role.BILLING, "/api/v1/invoices/" + january.invoiceNumber() + "/debt-collection", json("agency", "Inkasso AS"))
                .status()).isEqualTo(204);
        Api.Response inCollection = agent.post(Role.PARTNER, path, json("invoiceNumber", String.valueOf(january.invoiceNumber()), "newDueDate", "2026-03-20"));
        assertThat(inCollection.status()).isEqualTo(409);
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/payment-arrangement-options").json("/0/refusals")
                .valueStream().map(r -> r.at("/rule").asString()).toList()).contains("arrangement.inCollection", "arrangement.tooLate");
        Api.Response bad = agent.post(Role.PARTNER, path, json("invoiceNumber", "x1", "newDueDate", "soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json("/violations").size()).isEqualTo(2);
    }

    @Test
    void gridOperatorAndActiveContracts() {
        Api.Response grid = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/grid-operators");
        assertThat(grid.status()).as(grid.raw()).isEqualTo(200);
        assertThat(grid.text("/0/meteringPointId")).isEqualTo(point);
        assertThat(grid.text("/0/gridOperatorGln")).isEqualTo(gridOwner);
        assertThat(grid.text("/0/gridOperatorName")).isEqualTo("Vossnett AS");
        Api.Response contracts = agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/contracts");
        assertThat(contracts.json("/0/deliveries/0/meteringPointId").asString()).isEqualTo(point);
        assertThat(contracts.json("/0/deliveries/0/productCode").asString()).isEqualTo("SPOT");

        long without = invoicing.person("Eva", "Tom" + unique, null);
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + without + "/grid-operators").json("").size()).isZero();
        assertThat(agent.get(Role.PARTNER, "/api/v1/partner/accounts/" + without + "/contracts").json("").size()).isZero();
    }

    @Test
    void addOnProductsCurrentAvailableAndOrder() {
        String path = "/api/v1/partner/accounts/" + kari + "/add-ons";
        Api.Response before = agent.get(Role.PARTNER, path);
        assertThat(before.json("/current").size()).isZero();
        assertThat(before.json("/available").valueStream().map(p -> p.at("/code").asString()).toList())
                .containsExactly("EL_FORSIKRING", "OPPRINNELSE", "STROMVARSEL");
        Api.Response ordered = agent.post(Role.PARTNER, path, json("code", "OPPRINNELSE", "startDate", "2026-04-01"));
        assertThat(ordered.status()).as(ordered.raw()).isEqualTo(201);
        Api.Response after = agent.get(Role.PARTNER, path);
        assertThat(after.text("/current/0/product/code")).isEqualTo("OPPRINNELSE");
        assertThat(after.json("/available").valueStream().map(p -> p.at("/code").asString()).toList()).doesNotContain("OPPRINNELSE");
        Api.Response twice = agent.post(Role.PARTNER, path, json("code", "OPPRINNELSE"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("/violations/0/rule")).isEqualTo("addOn.alreadyActive");
        assertThat(agent.post(Role.PARTNER, path, json("code", "NO_SUCH")).status()).isEqualTo(404);
        long org = invoicing.organisation(TestData.organisationNumber(), "Lund Regnskap AS");
        Api.Response notForOrg = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + org + "/add-ons", json("code", "EL_FORSIKRING"));
        assertThat(notForOrg.text("/violations/0/rule")).isEqualTo("addOn.notForCustomerKind");
        Api.Response late = agent.post(Role.PARTNER, path, json("code", "STROMVARSEL", "startDate", "2026-09-01"));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.text("/violations/0/rule")).isEqualTo("addOn.startDateWindow");
        // a person with no power contract running cannot buy an add-on on its own
        long withoutContract = invoicing.person("Uten", "Avtale" + unique, null);
        Api.Response alone = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + withoutContract + "/add-ons", json("code", "OPPRINNELSE"));
        assertThat(alone.status()).as(alone.raw()).isEqualTo(409);
        assertThat(alone.text("/violations/0/rule")).isEqualTo("addOn.noRunningContract");
    }

    @Test
    void workOrderBecomesACaseAndTheContactIsLogged() {
        Api.Response order = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/work-orders",
                json("title", "Meter display is blank", "description", "Blank since Monday"));
        assertThat(order.status()).as(order.raw()).isEqualTo(201);
        long caseNumber = order.json("/caseNumber").asLong();
        Api.Response seen = api.get(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + caseNumber);
        assertThat(seen.text("/kind")).isEqualTo("WORK_ORDER");
        assertThat(seen.json("/customerNumber").asLong()).isEqualTo(kari);
        assertThat(seen.text("/origin")).isEqualTo("ai-agent");

        Api.Response contact = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/contacts",
                json("channel", "PHONE", "summary", "Reported a blank meter display", "transcriptRef", "call-42"));
        assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
        Api.Response log = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + kari + "/contacts");
        assertThat(log.text("/0/summary")).isEqualTo("Reported a blank meter display");
        assertThat(log.text("/0/transcriptRef")).isEqualTo("call-42");
        assertThat(log.text("/0/by")).isEqualTo("ai-agent");
        // answers name customers by number, never by internal id
        assertThat(log.json("/0/customerNumber").asLong()).isEqualTo(kari);
        assertThat(log.json("/0").has("customerId")).isFalse();
        Api.Response ledger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + kari + "/ledger");
        assertThat(ledger.json("/customerNumber").asLong()).isEqualTo(kari);
        assertThat(ledger.raw()).doesNotContain("customerId").doesNotContain("invoiceId");

        Api.Response bad = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/contacts", json("channel", "PIGEON", "summary", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json("/violations").valueStream().map(v -> v.at("/field").asString() + "|" + v.at("/rule").asString()).toList())
                .containsExactlyInAnyOrder("channel|channel.unknown", "summary|required");
    }

    @Test
    void moveInCreatesAMoveInOrder() {
        String newPoint = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(newPoint, "NO5", gridOwner, "35", "4621")).status()).isEqualTo(201);
        Api.Response moveIn = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/move-ins", json("meteringPointId", newPoint,
                "startDate", "2026-04-01", "newAddress", json("street", "Fjellveien 3", "postcode", "5710", "city", "Voss")));
        assertThat(moveIn.status()).as(moveIn.raw()).isEqualTo(201);
        assertThat(moveIn.text("/kind")).isEqualTo("MOVE_IN");
        Api.Response order = api.get(Role.CUSTOMER_SERVICE, moveIn.text("/href"));
        assertThat(order.text("/kind")).isEqualTo("MOVE_IN");
        assertThat(order.text("/meteringPointId")).isEqualTo(newPoint);
        assertThat(order.text("/productCode")).isEqualTo("SPOT");
        assertThat(order.text("/createdBy")).isEqualTo("ai-agent");
        assertThat(order.text("/channel")).isEqualTo("SALES_PARTNER");
        // park its consent: this test does not drive the flow
        jdbc.sql("update consent set next_attempt_at = null").update();

        Api.Response unknownPoint = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/move-ins", json("meteringPointId",
                TestData.meteringPointId(), "startDate", "2026-04-01", "newAddress", json("street", "Ny vei 1", "postcode", "5710", "city", "Voss")));
        // the metering point must be registered first (an Elhub look-up): refused naming the field, nothing stored
        assertThat(unknownPoint.status()).isEqualTo(400);
        assertThat(unknownPoint.text("/violations/0/field")).isEqualTo("meteringPointId");
        Api.Response bad = agent.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/move-ins", json("meteringPointId", "123",
                "startDate", "2026-04-01"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json("/violations").valueStream().map(v -> v.at("/field").asString()).toList())
                .contains("meteringPointId", "newAddress");
    }

    @Test
    void aPartnerFollowsUpTheOrdersAndWorkOrdersItPlacedAndNoOthers() {
        Api bot = api.client("follow-up-bot-" + unique, "orders:write", "cases:write");
        Api other = api.client("other-bot-" + unique, "orders:write", "cases:write");
        String newPoint = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points",
                TestData.meteringPoint(newPoint, "NO5", gridOwner, "35", "4621")).status()).isEqualTo(201);
        Api.Response moveIn = bot.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/move-ins", json("meteringPointId", newPoint,
                "startDate", "2026-04-01", "newAddress", json("street", "Fjellveien 3", "postcode", "5710", "city", "Voss")));
        assertThat(moveIn.status()).as(moveIn.raw()).isEqualTo(201);
        jdbc.sql("update consent set next_attempt_at = null").update();
        long orderNumber = moveIn.json("/orderNumber").asLong();
        Api.Response workOrder = bot.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/work-orders",
                json("title", "Meter display is blank", "description", "Blank since Monday"));
        long caseNumber = workOrder.json("/caseNumber").asLong();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases/" + caseNumber + "/messages", json("text", "Called Kari Lund" + unique + " back"));

        Api.Response orders = bot.get(Role.PARTNER, "/api/v1/partner/contract-orders");
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        assertThat(orders.json("").size()).isEqualTo(1);
        assertThat(orders.json("/0/orderNumber").asLong()).isEqualTo(orderNumber);
        assertThat(orders.text("/0/kind")).isEqualTo("MOVE_IN");
        assertThat(orders.text("/0/meteringPointId")).isEqualTo(newPoint);

        Api.Response progress = bot.get(Role.PARTNER, "/api/v1/partner/contract-orders/" + orderNumber);
        assertThat(progress.status()).as(progress.raw()).isEqualTo(200);
        assertThat(progress.text("/order/stage")).isEqualTo("ON_HOLD");
        assertThat(progress.json("/steps").valueStream().map(s -> s.at("/code").asString()).toList())
                .startsWith("VALIDATE", "ADD").contains("CONSENT_START");
        assertThat(progress.json("/steps/0/infoCodes/0").asString()).isEqualTo("ORDER_VALID");
        // no personal data: not the name, the e-mail, the national ID, nor the address the order carries
        assertThat(progress.raw()).doesNotContain("Lund" + unique).doesNotContain("Fjellveien").doesNotContain("@")
                .doesNotContain("nationalId");

        Api.Response cases = bot.get(Role.PARTNER, "/api/v1/partner/work-orders");
        assertThat(cases.json("").size()).isEqualTo(1);
        assertThat(cases.json("/0/caseNumber").asLong()).isEqualTo(caseNumber);
        Api.Response oneCase = bot.get(Role.PARTNER, "/api/v1/partner/work-orders/" + caseNumber);
        assertThat(oneCase.status()).isEqualTo(200);
        assertThat(oneCase.text("/status")).isEqualTo("OPEN");
        assertThat(oneCase.json("/messages").asInt()).isEqualTo(1);
        assertThat(oneCase.raw()).doesNotContain("Called");

        // another client sees none of it, and its 404 is the same as for a number that does not exist
        assertThat(other.get(Role.PARTNER, "/api/v1/partner/contract-orders").json("").size()).isZero();
        assertThat(other.get(Role.PARTNER, "/api/v1/partner/work-orders").json("").size()).isZero();
        Api.Response notMine = other.get(Role.PARTNER, "/api/v1/partner/contract-orders/" + orderNumber);
        Api.Response none = other.get(Role.PARTNER, "/api/v1/partner/contract-orders/" + (orderNumber + 1_000_000));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(none.status()).isEqualTo(404);
        assertThat(notMine.text("/detail")).isEqualTo(none.text("/detail").replace(String.valueOf(orderNumber + 1_000_000),
                String.valueOf(orderNumber)));
        assertThat(other.get(Role.PARTNER, "/api/v1/partner/work-orders/" + caseNumber).status()).isEqualTo(404);
        // a staff-opened case is nobody's work order here
        Api.Response staffCase = api.post(Role.CUSTOMER_SERVICE, "/api/v1/cases", json("customerNumber", String.valueOf(kari), "kind",
                "ENQUIRY", "title", "Asked about the bill", "description", "By phone"));
        assertThat(bot.get(Role.PARTNER, "/api/v1/partner/work-orders/" + staffCase.json("/caseNumber").asLong()).status()).isEqualTo(404);
        // the scope it placed them with is needed to read them
        Api.Response noScope = api.client("reader-bot-" + unique, "accounts:read").get(Role.PARTNER, "/api/v1/partner/contract-orders");
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.text("/violations/0/scope")).isEqualTo("orders:write");
        assertThat(bot.get(Role.PARTNER, "/api/v1/partner/contract-orders/abc").text("/violations/0/field")).isEqualTo("orderNumber");
    }

    @Test
    void changeEmail() {
        Api.Response changed = agent.put(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/email", json("email", "kari.lund@example.com"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("/maskedEmail")).isEqualTo("k***@example.com");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + kari).text("/email")).isEqualTo("kari.lund@example.com");
        Api.Response bad = agent.put(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/email", json("email", "not-an-address"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/violations/0/field")).isEqualTo("email");
    }

    @Test
    void aPartnerSeesOnlyWhatItsScopesAllow() {
        Api lookupOnly = api.client("lookup-bot", "accounts:read");
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/partner/accounts?phone=" + mobile.substring(3)).status()).isEqualTo(200);
        Api.Response noBilling = lookupOnly.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/balance");
        assertThat(noBilling.status()).isEqualTo(403);
        // the 403 names the scope that was missing
        assertThat(noBilling.text("/violations/0/rule")).isEqualTo("scope.missing");
        assertThat(noBilling.text("/violations/0/scope")).isEqualTo("billing:read");
        assertThat(noBilling.text("/detail")).contains("billing:read");
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/invoices/" + february.invoiceNumber()).status())
                .isEqualTo(403);
        assertThat(lookupOnly.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/payment-arrangements",
                json("invoiceNumber", "1", "newDueDate", "2026-04-01")).status()).isEqualTo(403);
        assertThat(lookupOnly.put(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/email", json("email", "x@example.no")).status())
                .isEqualTo(403);
        // billing:read may read, not arrange
        Api billingReader = api.client("billing-bot", "billing:read");
        assertThat(billingReader.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/balance").status()).isEqualTo(200);
        assertThat(billingReader.get(Role.PARTNER, "/api/v1/partner/accounts?phone=" + mobile.substring(3)).status()).isEqualTo(403);
        assertThat(billingReader.post(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/payment-arrangements",
                json("invoiceNumber", "1", "newDueDate", "2026-04-01")).status()).isEqualTo(403);
        // nor can a partner go round its scopes through the staff API's billing data
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/customers/" + kari + "/invoices").status()).isEqualTo(403);
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/customers/" + kari + "/ledger").status()).isEqualTo(403);
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/invoices/" + february.invoiceNumber()).status()).isEqualTo(403);
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/cases").status()).isEqualTo(403);
        // outside the partner API a partner reads reference data only (with accounts:read), never customers — the staff
        // search and 360 would show contact details and the birth-date part of the ID; without orders:write no orders
        assertThat(lookupOnly.get(Role.PARTNER, "/api/v1/products").status()).isEqualTo(200);
        assertThat(billingReader.get(Role.PARTNER, "/api/v1/products").status()).isEqualTo(403);
        Api.Response staffOnly = agent.get(Role.PARTNER, "/api/v1/customers/" + kari);
        assertThat(staffOnly.status()).isEqualTo(403);
        // a partner is not told the staff roles
        assertThat(staffOnly.raw()).doesNotContain("role.missing").doesNotContain("customer-service");
        assertThat(agent.get(Role.PARTNER, "/api/v1/customers?phone=" + mobile.substring(3)).status()).isEqualTo(403);
        assertThat(agent.get(Role.PARTNER, "/api/v1/customers/" + kari + "/overview").status()).isEqualTo(403);
        assertThat(lookupOnly.post(Role.PARTNER, "/api/v1/contract-orders", json()).status()).isEqualTo(403);
        // the billing role is not a partner; customer service may use the partner API
        Api.Response billingRole = api.get(Role.BILLING, "/api/v1/partner/accounts/" + kari + "/balance");
        assertThat(billingRole.status()).isEqualTo(403);
        // a 403 for a role names the roles that may (asked of the security rules themselves)
        assertThat(billingRole.text("/violations/0/rule")).isEqualTo("role.missing");
        assertThat(billingRole.json("/violations/0/roles").valueStream().map(v -> v.asString()).toList())
                .containsExactly("customer-service", "admin");
        assertThat(billingRole.text("/detail")).isEqualTo("your role may not do this; it needs the role customer-service or admin");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/partner/accounts/" + kari + "/balance").status()).isEqualTo(200);
    }

    @Test
    void everyPartnerCallIsAuditedWithClientCustomerAndStatus() {
        Api auditee = api.client("audited-bot-" + unique, "accounts:read");
        auditee.get(Role.PARTNER, "/api/v1/partner/accounts?phone=" + mobile.substring(3));
        auditee.get(Role.PARTNER, "/api/v1/partner/accounts/" + kari + "/balance");
        Api.Response calls = api.get(Role.ADMIN, "/api/v1/partner-calls?clientId=audited-bot-" + unique);
        assertThat(calls.status()).as(calls.raw()).isEqualTo(200);
        assertThat(calls.json("").size()).isEqualTo(2);
        // newest first: the refused balance call, then the search that found Kari
        assertThat(calls.text("/0/function")).isEqualTo("/api/v1/partner/accounts/{n}/balance");
        assertThat(calls.json("/0/status").asInt()).isEqualTo(403);
        assertThat(calls.json("/0/customerNumbers/0").asLong()).isEqualTo(kari);
        assertThat(calls.text("/1/function")).isEqualTo("/api/v1/partner/accounts");
        assertThat(calls.json("/1/status").asInt()).isEqualTo(200);
        assertThat(calls.json("/1/customerNumbers/0").asLong()).isEqualTo(kari);
        assertThat(api.get(Role.ADMIN, "/api/v1/partner-calls?customerNumber=" + kari).json("").size()).isGreaterThanOrEqualTo(2);
        // a percent-encoded path is the same function to the gate as to the security rules, and a partner's call
        // outside the partner API is audited too
        auditee.get(Role.PARTNER, "/api/v1/%70artner/accounts/" + kari + "/balance");
        auditee.get(Role.PARTNER, "/api/v1/customers/" + kari);
        Api.Response later = api.get(Role.ADMIN, "/api/v1/partner-calls?clientId=audited-bot-" + unique);
        assertThat(later.json("").size()).isEqualTo(4);
        assertThat(later.text("/1/function")).isEqualTo("/api/v1/partner/accounts/{n}/balance");
        assertThat(later.json("/1/status").asInt()).isEqualTo(403);
        assertThat(later.text("/0/function")).isEqualTo("/api/v1/customers/{n}");
        assertThat(later.json("/0/status").asInt()).isEqualTo(403);
        assertThat(api.get(Role.PARTNER, "/api/v1/partner-calls").status()).isEqualTo(403);
    }

    @Test
    void everyPartnerFunctionIsDescribedInOpenApiWithExamples() {
        Api.Response docs = api.get(Role.ADMIN, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json("/paths");
        java.util.List<String> partnerPaths = paths.propertyNames().stream().filter(p -> p.startsWith("/api/v1/partner/")).toList();
        assertThat(partnerPaths).hasSizeGreaterThanOrEqualTo(13);
        for (String path : partnerPaths) {
            paths.get(path).properties().forEach(operation -> {
                assertThat(operation.getValue().at("/summary").asString()).as(path + " " + operation.getKey()).isNotBlank();
                // the account is always in the path with an example value, except for the search
                if (path.contains("{customerNumber}")) {
                    assertThat(operation.getValue().at("/parameters/0/example").asString()).as(path).isEqualTo("1000001");
                }
            });
        }
        String find = "/api/v1/partner/accounts";
        assertThat(paths.get(find).at("/get/responses/200/content/application~1json/examples").propertyNames()).contains("several", "none");
        var schemas = docs.json("/components/schemas");
        assertThat(new java.math.BigDecimal(schemas.at("/BalanceResponse/properties/balance/example").toString().replace("\"", "")))
                .isEqualByComparingTo("1180.00");
        assertThat(paths.get(find).at("/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/AccountSearchResponse");
        // schemas are named by simple class name: a partner answer must not share a name with a staff one, or one of
        // them silently describes the other
        assertThat(schemas.at("/MoveInResponse/properties").propertyNames()).contains("orderNumber", "href");
        assertThat(schemas.at("/ActiveContractResponse/properties").propertyNames()).containsExactlyInAnyOrder("contractNumber",
                "startDate", "deliveries");
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        // limited-agent: a bucket of 3 calls, refilled at 0.2/s → the 4th call at once waits ⌈(1 − 0)/0.2⌉ = 5 s
        Api limited = api.client("limited-agent", "accounts:read");
        String path = "/api/v1/partner/accounts/" + kari;
        int ok = 0;
        Api.Response refused = null;
        for (int i = 0; i < 4; i++) {
            Api.Response r = limited.get(Role.PARTNER, path);
            if (r.status() == 200) {
                ok++;
            } else {
                refused = r;
            }
        }
        assertThat(ok).isEqualTo(3);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.text("/instance")).isEqualTo(path);
        assertThat(refused.text("/violations/0/rule")).isEqualTo("rateLimit.exceeded");
        assertThat(refused.retryAfter()).isBetween(1L, 5L);
        assertThat(agent.get(Role.PARTNER, path).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from partner_call where client_id = 'limited-agent' and status = 429")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }
}
