package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An instalment plan's confirmation reaches the customer with every instalment's due date, amount and KID: by e-mail
 * over real SMTP (GreenMail) with the letter as PDF, once; on paper through the print batch when there is no e-mail;
 * failed at once, and said, when there is neither e-mail nor postal address. Today is 15 March 2026.
 */
class InstalmentPlanConfirmationTest extends MailingApiTest {

    /** One overdue invoice of 1 200.00 + 300.00 = 1 500.00 (due 1 March) for the customer. */
    private Invoice owing1500(long customer) {
        return invoicing.invoice(customer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 1), "1200.00", "300.00");
    }

    private JsonNode plan(long customer, int instalments) {
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/instalment-plans",
                json("instalments", instalments));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json("");
    }

    private int send() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/instalment-plans/confirmations/sends", json());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json("/attempted").asInt();
    }

    @Test
    void byEmailWithTheLetterAttachedOnceNamingEveryInstalmentsKid() throws Exception {
        String unique = String.valueOf(TestData.unique());
        Map<String, Object> person = TestData.person(TestData.nationalId(), "Avtale" + unique, "Epostsen");
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", person).json("/customerNumber").asLong();
        owing1500(customer);
        // 1 500.00 in three: 500.00 each, due 29 March, 29 April, 29 May (14 days from 15 March, then monthly)
        JsonNode plan = plan(customer, 3);
        long planId = plan.at("/planId").asLong();
        String confirmation = "/api/v1/instalment-plans/" + planId + "/confirmation";
        assertThat(api.get(Role.CUSTOMER_SERVICE, confirmation).json("/status").asString()).isEqualTo("PENDING");
        assertThat(api.get(Role.CUSTOMER_SERVICE, confirmation).json("/channel").asString()).isEqualTo("EMAIL");
        assertThat(api.get(Role.CUSTOMER_SERVICE, confirmation + "/letter").status()).isEqualTo(404);

        assertThat(send()).isPositive();
        JsonNode sent = api.get(Role.CUSTOMER_SERVICE, confirmation).json("");
        assertThat(sent.at("/status").asString()).isEqualTo("DONE");
        assertThat(sent.at("/sentAt").isNull()).isFalse();
        List<MimeMessage> mails = Outgoing.mailsTo(smtp, person.get("email").toString());
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Avtale om nedbetaling nr. " + planId + " fra Kraft Demo AS");
        byte[] letter = Outgoing.attachment(mail);
        assertThat(letter).isEqualTo(api.download(Role.CUSTOMER_SERVICE, confirmation + "/letter").body());
        String text = Outgoing.pdfText(letter);
        assertThat(text).contains("Avtale om nedbetaling").contains("1 500,00").contains("29.03.2026").contains("29.04.2026")
                .contains("29.05.2026").contains("Kundenummer " + customer);
        for (JsonNode i : plan.at("/instalments")) {
            assertThat(text).contains(i.path("kid").asString());
        }
        assertThat(text.split("500,00", -1).length - 1).as(text).isGreaterThanOrEqualTo(3);
        // sent once: another round sends nothing more
        send();
        assertThat(Outgoing.mailsTo(smtp, person.get("email").toString())).hasSize(1);
    }

    @Test
    void onPaperThroughThePrintBatchWhenThereIsNoEmail() throws Exception {
        Map<String, Object> person = TestData.person(TestData.nationalId(), "Papiravtale", "Brevsen");
        person.remove("email");
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", person).json("/customerNumber").asLong();
        Invoice invoice = owing1500(customer);
        long planId = plan(customer, 2).at("/planId").asLong();
        String confirmation = "/api/v1/instalment-plans/" + planId + "/confirmation";
        assertThat(api.get(Role.CUSTOMER_SERVICE, confirmation).json("/channel").asString()).isEqualTo("PAPER");
        send();
        assertThat(api.get(Role.CUSTOMER_SERVICE, confirmation).json("/status").asString()).isEqualTo("DONE");
        Api.Response batch = api.post(Role.BILLING, "/api/v1/print-batches", json());
        assertThat(batch.status()).as(batch.raw()).isIn(200, 201);
        Map<String, byte[]> entries = Outgoing.unzip(api.download(Role.BILLING, "/api/v1/print-batches/" + batch.json("/id").asLong() + "/file").body());
        String file = invoice.invoiceNumber() + "-avdragsavtale-" + planId + ".pdf";
        assertThat(entries).containsKey(file);
        assertThat(Outgoing.pdfText(entries.get(file))).contains("750,00");
        assertThat(new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(invoice.invoiceNumber() + ";" + customer + ";").contains(";INSTALMENT_PLAN;" + file);
        assertThat(api.get(Role.CUSTOMER_SERVICE, confirmation).json("/handedToPrintAt").isNull()).isFalse();
    }

    @Test
    void failedAtOnceAndSaidWhenTheCustomerCanNotBeReached() {
        Map<String, Object> person = TestData.person(TestData.nationalId(), "Uten", "Adresse");
        person.remove("email");
        person.remove("address");
        long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", person).json("/customerNumber").asLong();
        owing1500(customer);
        long planId = plan(customer, 2).at("/planId").asLong();
        JsonNode c = api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/" + planId + "/confirmation").json("");
        assertThat(c.at("/status").asString()).isEqualTo("FAILED");
        assertThat(c.at("/lastError").asString()).contains("neither an e-mail nor a postal address");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/999999999/confirmation").status()).isEqualTo(404);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/instalment-plans/confirmations/sends", json()).status()).isEqualTo(403);
    }
}
