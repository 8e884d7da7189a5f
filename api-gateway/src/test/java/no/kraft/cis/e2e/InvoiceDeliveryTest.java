package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An issued invoice reaches the customer, over HTTP and real SMTP (GreenMail, the stand-in): the PDF made once and the
 * same bytes after, listed in the customer's documents; e-mailed with it attached; the SMTP server down → retried and
 * sent once; a customer no channel reaches → the delivery work queue.
 */
class InvoiceDeliveryTest extends MailingApiTest {

    @Test
    void theInvoicePdfIsMadeOnceAndEmailedWithItAttached() throws Exception {
        long customer = invoicing.person("Evelinaepost", "Epost", null);
        // 400.00 net + 100.00 VAT = 500.00
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "400.00",
                "100.00");
        Api.Download first = api.download(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/document");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo("application/pdf");
        assertThat(new String(first.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Api.Download again = api.download(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/document");
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode documents = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/documents").json("");
        assertThat(documents.findValuesAsString("kind")).contains("INVOICE_PDF");
        assertThat(documents.findValuesAsString("href")).contains("/api/v1/invoices/" + invoice.invoiceNumber() + "/document");
        // the stored document cannot be changed
        assertThat(jdbcFails("update invoice_document set content = '\\x00' where invoice_id = " + invoice.id())).isTrue();

        Api.Response started = api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.json("/plan").get(0).asString()).isEqualTo("EMAIL");
        assertThat(started.text("/status")).isEqualTo("PENDING");
        // asking again gives the same delivery
        assertThat(api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json()).json("/id").asLong())
                .isEqualTo(started.json("/id").asLong());
        deliver();

        List<MimeMessage> mails = Outgoing.mailsTo(smtp, "evelinaepost@example.no");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Faktura " + invoice.invoiceNumber() + " fra Kraft Demo AS");
        assertThat(Outgoing.attachment(mail)).isEqualTo(first.body());
        JsonNode delivery = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("");
        assertThat(delivery.at("/status").asString()).isEqualTo("SENT");
        assertThat(delivery.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT");
        assertThat(delivery.at("/events/1/detail").asString()).contains("evelinaepost@example.no").contains(mail.getMessageID().replaceAll("[<>]", ""));
        // delivering again sends nothing more
        deliver();
        assertThat(Outgoing.mailsTo(smtp, "evelinaepost@example.no")).hasSize(1);
    }

    @Test
    void theSmtpServerDownIsRetriedAndTheInvoiceSentOnce() throws Exception {
        long customer = invoicing.person("Nilsnede", "Nede", null);
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "80.00",
                "20.00");
        api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
        smtp.stop();
        try {
            deliver();
        } finally {
            smtp.start();
        }
        JsonNode retried = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("");
        assertThat(retried.at("/status").asString()).isEqualTo("PENDING");
        assertThat(retried.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "RETRY");
        // the retry waits its backoff: due again now (the test clock stands still, so the wait is moved by hand)
        jdbc.sql("update invoice_delivery_send set next_attempt_at = :due where delivery_id = :id")
                .param("due", java.sql.Timestamp.from(NOW.minusSeconds(60))).param("id", retried.at("/id").asLong()).update();
        deliver();
        assertThat(Outgoing.mailsTo(smtp, "nilsnede@example.no")).hasSize(1);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("/events")
                .findValuesAsString("kind")).containsExactly("QUEUED", "RETRY", "SENT");
    }

    @Test
    void anEmailOpenedStaysAndOneNotOpenedInTimeGoesOnToSmsAndAnUndeliveredSmsToPaper() throws Exception {
        long reader = invoicing.person("Olaleser", "Leser", null);
        long ignorer = invoicing.person("Ivaroverser", "Overser", null);
        Invoice read = invoicing.invoice(reader, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "40.00", "10.00");
        Invoice ignored = invoicing.invoice(ignorer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "40.00",
                "10.00");
        api.post(Role.BILLING, "/api/v1/invoices/" + read.invoiceNumber() + "/deliveries", json());
        api.post(Role.BILLING, "/api/v1/invoices/" + ignored.invoiceNumber() + "/deliveries", json());
        deliver();
        // the reader's mail client fetches the tracking image (no token needed: it is the customer's)
        MimeMessage mail = Outgoing.mailsTo(smtp, "olaleser@example.no").getFirst();
        String html = Outgoing.html(mail);
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("/t/([0-9a-f-]{36})\\.gif").matcher(html);
        assertThat(image.find()).as(html).isTrue();
        java.net.http.HttpResponse<byte[]> pixel = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/t/" + image.group(1) + ".gif")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
        JsonNode opened = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + read.invoiceNumber() + "/deliveries").json("");
        assertThat(opened.at("/status").asString()).isEqualTo("OPENED");
        assertThat(opened.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT", "OPENED");

        // five days pass (cis.invoice.delivery.open-within P5D: the open deadlines are moved by hand, the clock stands still)
        String digits = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + ignorer).text("/mobile").replaceAll("\\D", "");
        String mobile = "+47" + digits.substring(digits.length() - 8);
        smsGateway.undeliverable(mobile);
        jdbc.sql("update invoice_delivery_send set open_by = :past where channel = 'EMAIL' and status = 'DONE'")
                .param("past", java.sql.Timestamp.from(NOW.minusSeconds(1))).update();
        deliver();
        JsonNode unopened = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + ignored.invoiceNumber() + "/deliveries").json("");
        assertThat(unopened.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT", "NOT_OPENED", "FALLBACK", "QUEUED",
                "SENT");
        assertThat(unopened.at("/events").findValuesAsString("channel")).containsExactly("EMAIL", "EMAIL", "EMAIL", "SMS", "SMS", "SMS");
        // the opened one stays as it was, and the next round falls back nothing twice
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + read.invoiceNumber() + "/deliveries").json("/events")).hasSize(3);
        deliver();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + ignored.invoiceNumber() + "/deliveries").json("/events")).hasSize(6);
        // the notice reached the gateway with a link to the invoice; its delivery report says the number is unknown
        var notice = smsGateway.messages().stream().filter(m -> m.destination().equals(mobile)).toList();
        assertThat(notice).hasSize(1);
        assertThat(notice.getFirst().text()).contains("Faktura " + ignored.invoiceNumber()).contains(baseUrlForLinks() + "/i/");
        String report = smsGateway.deliveryReport(notice.getFirst().messageId());
        assertThat(reportTo(report, "wrong-secret")).isEqualTo(401);
        assertThat(reportTo(report, "local-sms-webhook")).isEqualTo(204);
        assertThat(reportTo(report, "local-sms-webhook")).isEqualTo(204);   // told twice: one fallback
        deliver();
        JsonNode toPaper = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + ignored.invoiceNumber() + "/deliveries").json("");
        assertThat(toPaper.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT", "NOT_OPENED", "FALLBACK", "QUEUED",
                "SENT", "UNDELIVERED", "FALLBACK", "QUEUED", "SENT");
        assertThat(toPaper.at("/events/9/channel").asString()).isEqualTo("PAPER");

        // the print batch: the letter, with its PDF and a manifest line
        Api.Response batch = api.post(Role.BILLING, "/api/v1/print-batches", json());
        assertThat(batch.status()).as(batch.raw()).isEqualTo(201);
        Api.Download file = api.download(Role.BILLING, "/api/v1/print-batches/" + batch.json("/id").asLong() + "/file");
        assertThat(file.contentType()).isEqualTo("application/zip");
        java.util.Map<String, byte[]> entries = Outgoing.unzip(file.body());
        assertThat(entries).containsKey(ignored.invoiceNumber() + ".pdf").containsKey("manifest.csv");
        assertThat(entries.get(ignored.invoiceNumber() + ".pdf"))
                .isEqualTo(api.download(Role.BILLING, "/api/v1/invoices/" + ignored.invoiceNumber() + "/document").body());
        assertThat(new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(ignored.invoiceNumber() + ";" + ignorer + ";Ivaroverser Overser;Storgata 1;0155;Oslo;");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + ignored.invoiceNumber() + "/deliveries").json("/events")
                .findValuesAsString("kind")).endsWith("HANDED_TO_PRINT");
        // nothing left to print
        assertThat(api.post(Role.BILLING, "/api/v1/print-batches", json()).status()).isEqualTo(204);
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/print-batches", json()).status()).isEqualTo(403);
    }

    @Test
    void anEmailThatCannotBeSentBeforeItsDeadlineGoesOnToSmsWhoseLinkOpensTheInvoice() throws Exception {
        long customer = invoicing.person("Perpapir", "Papir", null);
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "16.00", "4.00");
        long id = api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json()).json("/id").asLong();
        jdbc.sql("update invoice_delivery_send set deadline_at = :past where delivery_id = :id")
                .param("past", java.sql.Timestamp.from(NOW.minusSeconds(1))).param("id", id).update();
        smtp.stop();
        try {
            deliver();
        } finally {
            smtp.start();
        }
        JsonNode delivery = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("");
        assertThat(delivery.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "FAILED", "FALLBACK", "QUEUED", "SENT");
        assertThat(delivery.at("/events/4/channel").asString()).isEqualTo("SMS");
        assertThat(delivery.at("/step").asInt()).isEqualTo(1);
        assertThat(Outgoing.mailsTo(smtp, "perpapir@example.no")).isEmpty();
        // the customer taps the link in the SMS: the invoice's PDF, no login, and the notice counts as opened
        String text = smsGateway.messages().stream().filter(m -> m.text().contains("Faktura " + invoice.invoiceNumber())).findFirst()
                .orElseThrow().text();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/i/([0-9a-f-]{36})").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/i/" + link.group(1))).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(api.download(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/document").body());
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("/status").asString())
                .isEqualTo("OPENED");
        assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/i/00000000-0000-0000-0000-000000000000")).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(404);
    }

    @Autowired
    no.kraft.cis.delivery.standin.PeppolAccessPointStandIn accessPoint;

    @Autowired
    no.kraft.cis.delivery.standin.SmsGatewayStandIn smsGateway;

    @Test
    void anOrganisationInPeppolGetsEhfThroughTheAccessPointAndOneNotInTheSmpFallsBackToEmail() {
        String registered = TestData.organisationNumber();
        String unregistered = TestData.organisationNumber();
        String csv = """
                "Participant ID";"Names";"Country code";"Document types"
                "iso6523-actorid-upis::0192:%1$s";"Fjordbakeriet AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1"
                "iso6523-actorid-upis::0192:%2$s";"Glemt AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1"
                """.formatted(registered, unregistered);
        assertThat(api.postText(Role.ADMIN, "/api/v1/peppol-participant-lists?source=test", "text/csv", csv).status()).isLessThan(300);
        accessPoint.register(registered);   // in the SMP; the other is in the list but its access point is gone
        long bakery = invoicing.organisation(registered, "Fjordbakeriet AS");
        long gone = invoicing.organisation(unregistered, "Glemt AS");
        // 1 200.00 + 300.00 VAT = 1 500.00
        Invoice invoice = invoicing.invoice(bakery, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "1200.00",
                "300.00");
        Invoice other = invoicing.invoice(gone, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "4.00", "1.00");

        Api.Download ehf = api.download(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/ehf");
        assertThat(ehf.status()).as(new String(ehf.body())).isEqualTo(200);
        String xml = new String(ehf.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0").contains(">" + registered + "<").contains("1500.00");

        Api.Response started = api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
        assertThat(started.json("/plan").get(0).asString()).as(started.raw()).isEqualTo("EHF");
        api.post(Role.BILLING, "/api/v1/invoices/" + other.invoiceNumber() + "/deliveries", json());
        deliver();
        var sent = accessPoint.delivered().stream().filter(d -> d.receiverId().equals("0192:" + registered)).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().document()).isEqualTo(ehf.body());     // the stored EHF, as validated
        JsonNode delivery = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("");
        assertThat(delivery.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT");
        assertThat(delivery.at("/events/1/detail").asString()).contains("receipt as4-");

        // the other's receiver is not in the SMP: refused for good → e-mail
        JsonNode fallen = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + other.invoiceNumber() + "/deliveries").json("");
        assertThat(fallen.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "FAILED", "FALLBACK", "QUEUED", "SENT");
        assertThat(fallen.at("/events/1/detail").asString()).contains("RECEIVER_NOT_FOUND");
        assertThat(fallen.at("/events").findValuesAsString("channel")).containsExactly("EHF", "EHF", "EMAIL", "EMAIL", "EMAIL");

        // a person's invoice has no EHF
        long person = invoicing.person("Ehfløs", "Person", null);
        Invoice personal = invoicing.invoice(person, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "4.00", "1.00");
        Api.Response none = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + personal.invoiceNumber() + "/ehf");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("/violations/0/rule")).isEqualTo("ehf.buyer");
    }

    @Autowired
    no.kraft.cis.delivery.standin.StandInBounces bounces;

    @Test
    void anEmailThatBouncesGoesOnToSms() throws Exception {
        java.util.Map<String, Object> body = new java.util.HashMap<>(TestData.person(TestData.nationalId(), "Bodil", "Bounce"));
        body.put("email", "ingen.her@bounce.example");   // the receiving server has no such mailbox
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", body);
        long customer = created.json("/customerNumber").asLong();
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "24.00",
                "6.00");
        api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
        deliver();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("/events")
                .findValuesAsString("kind")).containsExactly("QUEUED", "SENT");
        // the receiving server answers later with a delivery status notification to our bounce mailbox (RFC 3464, 5.1.1)
        bounces.bounceNow();
        deliver();
        JsonNode delivery = api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("");
        assertThat(delivery.at("/events").findValuesAsString("kind")).containsExactly("QUEUED", "SENT", "BOUNCED", "FALLBACK", "QUEUED",
                "SENT");
        assertThat(delivery.at("/events/2/detail").asString()).contains("5.1.1");
        assertThat(delivery.at("/events/5/channel").asString()).isEqualTo("SMS");
        // read again (the mailbox marks it read; a second bounce of the same mail moves nothing)
        deliver();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries").json("/events")).hasSize(6);
    }

    @Test
    void aCustomerNoChannelReachesGoesToTheDeliveryWorkQueue() {
        Api.Response created = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", json("kind", "PRIVATE", "nationalId",
                TestData.nationalId(), "firstName", "Uten", "lastName", "Epost"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long customer = created.json("/customerNumber").asLong();
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 20), "8.00",
                "2.00");
        Api.Response started = api.post(Role.BILLING, "/api/v1/invoices/" + invoice.invoiceNumber() + "/deliveries", json());
        assertThat(started.text("/status")).isEqualTo("FAILED");
        assertThat(started.json("/events").findValuesAsString("kind")).containsExactly("NO_CHANNEL");
        assertThat(api.get(Role.BILLING, "/api/v1/invoice-deliveries").json("").findValues("invoiceNumber").stream()
                .map(JsonNode::asLong)).contains(invoice.invoiceNumber());
        // a partner has no business here
        assertThat(api.get(Role.PARTNER, "/api/v1/invoice-deliveries").status()).isEqualTo(403);
    }

    /** The links in notices point at cis.invoice.tracking-base-url (its default in the tests). */
    private static String baseUrlForLinks() {
        return "http://127.0.0.1:8080";
    }

    private int reportTo(String report, String secret) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                        + "/api/v1/sms/delivery-reports")).header("Content-Type", "application/json").header("X-Webhook-Secret", secret)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(report)).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void deliver() {
        Api.Response r = api.post(Role.BILLING, "/api/v1/invoice-deliveries/due", json());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private boolean jdbcFails(String sql) {
        try {
            jdbc.sql(sql).update();
            return false;
        } catch (RuntimeException expected) {
            return true;
        }
    }
}
