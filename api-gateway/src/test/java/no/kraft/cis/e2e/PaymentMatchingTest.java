package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.e2e.BankFiles.OcrPayment;
import no.kraft.cis.e2e.BankFiles.Payment;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payment import and matching, golden cases worked by hand: exact KID, mistyped KID matched by amount and payer (name,
 * or an account learnt from an earlier payment), ambiguous → queue with suggestions, duplicate file ignored, manual
 * matching, and the ledger afterwards.
 */
class PaymentMatchingTest extends InvoicingApiTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 3, 1);
    static final LocalDate DUE = LocalDate.of(2026, 3, 20);

    /** A KID with one digit changed so that its MOD10 check digit no longer holds (the typo a bank lets through on a form). */
    static String typo(String kid) {
        char d = kid.charAt(10);
        return kid.substring(0, 10) + (char) ('0' + (d - '0' + 1) % 10) + kid.substring(11);
    }

    private Api.Response upload(String content) {
        return api.postText(Role.BILLING, "/api/v1/payment-files?fileName=innbetalinger.xml", "application/xml", content);
    }

    @Test
    void exactKidMistypedKidAmbiguousAndDuplicateFile() {
        String unique = String.valueOf(TestData.unique());
        long kari = invoicing.person("Kari", "Nordmann" + unique, null);
        long ola = invoicing.person("Ola", "Hansen" + unique, null);
        long per = invoicing.person("Per", "Olsen" + unique, null);
        // Kari: 944.00 + 236.00 VAT = 1180.00. Ola: 1180.00 too, and 500.00 + 125.00 = 625.00. Per: two months of 320.00 + 80.00 = 400.00
        Invoice kari1 = invoicing.invoice(kari, YearMonth.of(2026, 2), ISSUED, DUE, "944.00", "236.00");
        Invoice ola1 = invoicing.invoice(ola, YearMonth.of(2026, 2), ISSUED, DUE, "944.00", "236.00");
        Invoice ola2 = invoicing.invoice(ola, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "500.00", "125.00");
        Invoice per1 = invoicing.invoice(per, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "320.00", "80.00");
        Invoice per2 = invoicing.invoice(per, YearMonth.of(2026, 2), ISSUED, DUE, "320.00", "80.00");
        assertThat(kari1.totalAmount()).isEqualByComparingTo("1180.00");
        assertThat(per1.totalAmount()).isEqualByComparingTo("400.00");

        String file = BankFiles.camt054("MSG-" + unique,
                // 1. exact KID → Kari's invoice
                new Payment("P1-" + unique, "2026-03-14", "1180.00", kari1.kid().value(), "NORDMANN" + unique.toUpperCase() + " KARI", "12345678903"),
                // 2. mistyped KID, 625.00 from "HANSEN<n> OLA": Ola's only unpaid invoice of 625.00 → amount and payer
                new Payment("P2-" + unique, "2026-03-14", "625.00", typo(ola2.kid().value()), "HANSEN" + unique + " OLA", "98765432109"),
                // 3. mistyped KID, 1180.00 from an unknown payer: Ola's 1180.00 is the only unpaid one left, but the payer
                //    is not Ola → queue, Ola's invoice suggested first (KID one typo away + same amount)
                new Payment("P3-" + unique, "2026-03-14", "1180.00", typo(ola1.kid().value()), "UKJENT BETALER", "11112222333"),
                // 4. no KID, 400.00 from "OLSEN<n> PER": Per has two unpaid invoices of 400.00 → ambiguous → queue
                new Payment("P4-" + unique, "2026-03-14", "400.00", null, "OLSEN" + unique + " PER", null));

        Api.Response imported = upload(file);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json("/format").asString()).isEqualTo("CAMT_054");
        assertThat(imported.json("/payments").asInt()).isEqualTo(4);
        assertThat(imported.json("/matchedByKid").asInt()).isEqualTo(1);
        assertThat(imported.json("/matchedByAmountAndPayer").asInt()).isEqualTo(1);
        assertThat(imported.json("/queued").asInt()).isEqualTo(2);
        // 1180.00 + 625.00 + 1180.00 + 400.00 = 3385.00
        assertThat(imported.json("/total").decimalValue()).isEqualByComparingTo("3385.00");

        assertThat(payment("P1-" + unique).path("rule").asString()).isEqualTo("KID");
        assertThat(payment("P1-" + unique).path("invoiceNumber").asLong()).isEqualTo(kari1.invoiceNumber());
        assertThat(payment("P2-" + unique).path("rule").asString()).isEqualTo("AMOUNT_AND_PAYER");
        assertThat(payment("P2-" + unique).path("invoiceNumber").asLong()).isEqualTo(ola2.invoiceNumber());

        JsonNode queued3 = queued("P3-" + unique);
        assertThat(queued3.at("/suggestions/0/invoiceNumber").asLong()).isEqualTo(ola1.invoiceNumber());
        assertThat(queued3.at("/suggestions/0/reasons").toString()).contains("KID_ONE_TYPO", "AMOUNT_EQUAL");
        // 4 (one typo) + 3 (same amount) = 7
        assertThat(queued3.at("/suggestions/0/score").asInt()).isEqualTo(7);
        JsonNode queued4 = queued("P4-" + unique);
        assertThat(queued4.at("/suggestions").size()).isEqualTo(2);
        assertThat(queued4.at("/suggestions/0/reasons").toString()).contains("AMOUNT_EQUAL", "PAYER_NAME");
        // both score 3 + 2 = 5; the earlier due date first: per1 (20 Feb) before per2 (20 Mar)
        assertThat(queued4.at("/suggestions/0/invoiceNumber").asLong()).isEqualTo(per1.invoiceNumber());
        assertThat(queued4.at("/suggestions/1/invoiceNumber").asLong()).isEqualTo(per2.invoiceNumber());

        // the same file again: nothing changes, the first import's figures come back
        DatabaseSnapshot before = snapshot();
        Api.Response again = upload(file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json("/duplicate").asBoolean()).isTrue();
        assertThat(again.json("/fileId").asLong()).isEqualTo(imported.json("/fileId").asLong());
        assertThat(again.json("/matchedByKid").asInt()).isEqualTo(1);
        // different bytes, same bank message id (re-sent with other line breaks): also the same file
        Api.Response resent = upload(file.replace("\n", "\r\n"));
        assertThat(resent.json("/duplicate").asBoolean()).isTrue();
        assertThat(snapshot()).isEqualTo(before);

        // a person matches payment 3 to Ola's invoice
        long p3 = payment("P3-" + unique).path("id").asLong();
        Api.Response matched = api.post(Role.BILLING, "/api/v1/payments/" + p3 + "/match", Api.json("invoiceNumber", ola1.invoiceNumber()));
        assertThat(matched.status()).as(matched.raw()).isEqualTo(200);
        assertThat(matched.json("/rule").asString()).isEqualTo("MANUAL");
        assertThat(matched.json("/customerNumber").asLong()).isEqualTo(ola);
        Api.Response twice = api.post(Role.BILLING, "/api/v1/payments/" + p3 + "/match", Api.json("invoiceNumber", ola1.invoiceNumber()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json("/violations/0/rule").asString()).isEqualTo("payment.alreadyMatched");

        // Ola's ledger: 1180.00 + 625.00 invoiced − 625.00 − 1180.00 paid = 0.00
        Api.Response ledger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + ola + "/ledger");
        assertThat(ledger.json("/balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ledger.json("/entries").size()).isEqualTo(4);
        // Per's: 400.00 + 400.00 = 800.00 open; per1 due 20 Feb is past 15 Mar → 400.00 overdue
        Api.Response perLedger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + per + "/ledger");
        assertThat(perLedger.json("/balance").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(perLedger.json("/overdue").decimalValue()).isEqualByComparingTo("400.00");
    }

    @Test
    void theAccountOfAnEarlierPaymentIdentifiesThePayerOfAMistypedKid() {
        String unique = String.valueOf(TestData.unique());
        long kari = invoicing.person("Kari", "Berg" + unique, null);
        // 250.00 + 62.50 = 312.50 and 100.00 + 25.00 = 125.00
        Invoice first = invoicing.invoice(kari, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "250.00", "62.50");
        Invoice second = invoicing.invoice(kari, YearMonth.of(2026, 2), ISSUED, DUE, "100.00", "25.00");
        String account = "1503" + unique.substring(0, 4) + "123";
        assertThat(upload(BankFiles.camt054("A-" + unique,
                new Payment("A1-" + unique, "2026-02-18", "312.50", first.kid().value(), "BERG KARI", account))).status()).isEqualTo(201);
        // a payer name the bank abbreviated, a mistyped KID — but the account paid for Kari before, and 125.00 is her unpaid invoice
        Api.Response second2 = upload(BankFiles.camt054("B-" + unique,
                new Payment("B1-" + unique, "2026-03-14", "125.00", typo(second.kid().value()), "K BERG", account)));
        assertThat(second2.json("/matchedByAmountAndPayer").asInt()).as(second2.raw()).isEqualTo(1);
        assertThat(payment("B1-" + unique).path("invoiceNumber").asLong()).isEqualTo(second.invoiceNumber());
    }

    @Test
    void aPaymentOnACancelledInvoicesKidSettlesItsReplacement() {
        String unique = String.valueOf(TestData.unique());
        long customer = invoicing.person("Eli", "Strand" + unique, null);
        // January: A = 800.00 + 200.00 = 1000.00, cancelled by a credit note and re-issued as B (same 1000.00, due 25 Feb)
        Invoice a = invoicing.invoice(customer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "800.00", "200.00");
        invoicing.credit(a, customer, LocalDate.of(2026, 2, 10));
        Invoice b = invoicing.invoice(customer, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 11), LocalDate.of(2026, 2, 25), "800.00", "200.00");
        // the customer pays with the KID printed on A, the invoice they had on the fridge
        assertThat(upload(BankFiles.camt054("C-" + unique,
                new Payment("C1-" + unique, "2026-02-15", "1000.00", a.kid().value(), "STRAND ELI", null))).json("/matchedByKid").asInt())
                .isEqualTo(1);

        // statement: +1000.00 (A) − 1000.00 (credit note) + 1000.00 (B) − 1000.00 (payment) = 0.00
        Api.Response ledger = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/ledger");
        assertThat(ledger.json("/balance").decimalValue()).isEqualByComparingTo("0.00");
        // A: 1000.00 − 1000.00 credited − 1000.00 paid = −1000.00 → account credit; B: 1000.00 − 1000.00 from the account = 0.00
        assertThat(ledger.json("/items/0/open").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ledger.json("/items/1/invoiceNumber").asLong()).isEqualTo(b.invoiceNumber());
        assertThat(ledger.json("/items/1/fromAccount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(ledger.json("/items/1/open").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ledger.json("/overdue").decimalValue()).isEqualByComparingTo("0.00");
        // B is past its due date (25 Feb < 15 Mar) but paid from the account: not for debt collection
        Api.Response collection = api.post(Role.BILLING, "/api/v1/invoices/" + b.invoiceNumber() + "/debt-collection",
                Api.json("agency", "Inkasso AS"));
        assertThat(collection.status()).isEqualTo(409);
        assertThat(collection.json("/violations/0/rule").asString()).isEqualTo("collection.notOverdue");
    }

    @Test
    void ocrGiroFileMatchedOnKidAndIgnoredTheSecondTime() {
        String unique = String.valueOf(TestData.unique());
        long customer = invoicing.person("Nils", "Dahl" + unique, null);
        // 800.00 + 200.00 = 1000.00 → 100000 øre
        Invoice invoice = invoicing.invoice(customer, YearMonth.of(2026, 2), ISSUED, DUE, "800.00", "200.00");
        String transmission = String.format("%07d", Integer.parseInt(unique) % 10_000_000);
        String ocr = BankFiles.ocrGiro(transmission, new OcrPayment(invoice.kid().value(), 100_000, "12345678903"),
                // 123.45 without KID from an account we have never seen → queue
                new OcrPayment(null, 12_345, "00000000000"));
        Api.Response r = api.postText(Role.BILLING, "/api/v1/payment-files?fileName=OCR.D140326", "text/plain", ocr);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json("/format").asString()).isEqualTo("OCR_GIRO");
        assertThat(r.json("/matchedByKid").asInt()).isEqualTo(1);
        assertThat(r.json("/queued").asInt()).isEqualTo(1);
        // 1000.00 + 123.45 = 1123.45
        assertThat(r.json("/total").decimalValue()).isEqualByComparingTo("1123.45");
        Api.Response ledger = api.get(Role.BILLING, "/api/v1/customers/" + customer + "/ledger");
        assertThat(ledger.json("/balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ledger.json("/items/0/paid").decimalValue()).isEqualByComparingTo("1000.00");

        Api.Response again = api.postText(Role.BILLING, "/api/v1/payment-files", "text/plain", ocr);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json("/duplicate").asBoolean()).isTrue();
    }

    @Test
    void aMalformedFileIsRefusedNamingTheFileAndNothingIsStored() {
        DatabaseSnapshot before = snapshot();
        Api.Response r = api.postText(Role.BILLING, "/api/v1/payment-files", "text/plain", "this is not a bank file\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json("/violations/0/field").asString()).isEqualTo("file");
        assertThat(r.json("/violations/0/rule").asString()).isEqualTo("paymentFile.format");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void partnersAndCustomerServiceCannotImportPayments() {
        assertThat(api.postText(Role.PARTNER, "/api/v1/payment-files", "text/plain", "x").status()).isEqualTo(403);
        assertThat(api.postText(Role.CUSTOMER_SERVICE, "/api/v1/payment-files", "text/plain", "x").status()).isEqualTo(403);
    }

    @Test
    void aPaymentAboveTheSanityLimitWaitsForAPersonEvenWithAnExactKid() {
        String unique = String.valueOf(TestData.unique());
        long big = invoicing.person("Stor", "Betaler" + unique, null);
        // 800 000.00 + 200 000.00 VAT = 1 000 000.00: exactly the limit, applied; the same KID again with one øre more is not
        Invoice invoice = invoicing.invoice(big, YearMonth.of(2026, 2), ISSUED, DUE, "800000.00", "200000.00");
        Invoice other = invoicing.invoice(big, YearMonth.of(2026, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 20), "800000.01",
                "200000.00");
        String file = BankFiles.camt054("MSG-BIG-" + unique,
                new Payment("BIG1-" + unique, "2026-03-14", "1000000.00", invoice.kid().value(), "BETALER STOR", "12345678903"),
                new Payment("BIG2-" + unique, "2026-03-14", "1000000.01", other.kid().value(), "BETALER STOR", "12345678903"));
        Api.Response imported = upload(file);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json("/matchedByKid").asInt()).isEqualTo(1);
        assertThat(imported.json("/queued").asInt()).isEqualTo(1);
        assertThat(payment("BIG1-" + unique).path("rule").asString()).isEqualTo("KID");
        JsonNode held = queued("BIG2-" + unique);
        assertThat(held.at("/payment/status").asString()).isEqualTo("UNMATCHED");
        assertThat(held.at("/payment/heldReason").asString()).contains("1000000.01", "above the limit of 1000000.00");
        // staff can still apply it by hand
        long id = jdbc.sql("select id from payment where bank_reference = :r").param("r", "BIG2-" + unique).query(Long.class).single();
        Api.Response matched = api.post(Role.BILLING, "/api/v1/payments/" + id + "/match", Api.json("invoiceNumber", other.invoiceNumber()));
        assertThat(matched.status()).as(matched.raw()).isEqualTo(200);
    }

    private JsonNode payment(String reference) {
        long id = jdbc.sql("select id from payment where bank_reference = :r").param("r", reference).query(Long.class).single();
        Api.Response r = api.get(Role.BILLING, "/api/v1/payments/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private JsonNode queued(String reference) {
        Api.Response r = api.get(Role.BILLING, "/api/v1/payment-queue?size=200");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode item : r.json("/items")) {
            if (reference.equals(item.at("/payment/bankReference").asString())) {
                return item;
            }
        }
        throw new AssertionError(reference + " is not in the queue: " + r.raw());
    }
}
