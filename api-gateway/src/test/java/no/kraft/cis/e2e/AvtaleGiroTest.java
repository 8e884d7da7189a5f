package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.delivery.avtalegiro.ClaimFile;
import no.kraft.cis.delivery.avtalegiro.ClaimFileReader;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * AvtaleGiro through the API: Nets' mandate file in (the customer's agreement KID, notice wanted or not), the claim
 * file out for the invoices due (02 without, 21 with the bank's notice; never an invoice twice), and the debit coming
 * back in the OCR file with the agreement KID paying the claimed invoice.
 */
class AvtaleGiroTest extends InvoicingApiTest {

    @Autowired
    FixedClock.Movable clock;

    @Test
    void mandatesInClaimsOutAndTheDebitPaysTheInvoice() {
        long quiet = invoicing.person("Agnes", "Avtale", null);
        long noticed = invoicing.person("Bjarne", "Bankvarsel", null);
        String quietKid = api.get(Role.BILLING, "/api/v1/customers/" + quiet + "/avtalegiro").text("/agreementKid");
        String noticedKid = api.get(Role.BILLING, "/api/v1/customers/" + noticed + "/avtalegiro").text("/agreementKid");
        assertThat(quietKid).hasSize(8).startsWith(String.format("%07d", quiet));

        Api.Response imported = api.postText(Role.BILLING, "/api/v1/avtalegiro/mandate-files", "text/plain",
                mandateFile(List.of(new String[] {quietKid, "N"}, new String[] {noticedKid, "J"}, new String[] {"000112000507155", "J"})));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.json("/active").asInt()).isEqualTo(2);   // the third names no customer of ours
        assertThat(imported.json("/added").asInt()).isEqualTo(2);
        assertThat(imported.json("/unknownKids").get(0).asString()).isEqualTo("000112000507155");
        JsonNode mandate = api.get(Role.BILLING, "/api/v1/customers/" + noticed + "/avtalegiro").json("/mandates/0");
        assertThat(mandate.at("/active").asBoolean()).isTrue();
        assertThat(mandate.at("/wantsNotice").asBoolean()).isTrue();

        // 1 000.00 + 250.00 VAT = 1 250.00 due 20 April; 80.00 + 20.00 = 100.00 due 20 April; one due in May is not in the file
        Invoice a = invoicing.invoice(quiet, YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), "1000.00", "250.00");
        Invoice b = invoicing.invoice(noticed, YearMonth.of(2026, 3), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), "80.00", "20.00");
        invoicing.invoice(quiet, YearMonth.of(2026, 4), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 20), "8.00", "2.00");
        Api.Response made = api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-04-01", "dueTo", "2026-04-30"));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(made.json("/claims").asInt()).isEqualTo(2);
        assertThat(made.json("/amount").decimalValue()).isEqualByComparingTo("1350.00");
        Api.Download file = api.download(Role.BILLING, "/api/v1/avtalegiro/claim-files/" + made.json("/id").asLong());
        assertThat(file.contentType()).contains("ISO-8859-1");
        for (String line : new String(file.body(), StandardCharsets.ISO_8859_1).split("\r\n")) {
            assertThat(line).hasSize(80);
        }
        ClaimFile claims = ClaimFileReader.read(file.body());
        var items = claims.assignments().getFirst().claims();
        assertThat(items).hasSize(2);
        assertThat(items.get(0).kid().value()).isEqualTo(quietKid);
        assertThat(items.get(0).amountInOre()).isEqualTo(125_000);
        assertThat(items.get(0).bankNotice()).isNull();                 // 02: we send the invoice
        assertThat(items.get(1).kid().value()).isEqualTo(noticedKid);
        assertThat(items.get(1).amountInOre()).isEqualTo(10_000);
        assertThat(items.get(1).bankNotice()).isNotNull();              // 21: the bank's notice with our lines
        assertThat(items.get(1).bankNotice().lines().getFirst()).contains("Faktura " + b.invoiceNumber());
        // asked again: nothing left to claim in April
        assertThat(api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-04-01", "dueTo", "2026-04-30"))
                .status()).isEqualTo(204);

        // Nets debits the first on the due date: the OCR file's transaction 15 carries the agreement KID → pays invoice a
        Api.Response paid = api.postText(Role.BILLING, "/api/v1/payment-files?fileName=ocr.txt", "text/plain",
                ocrFile(quietKid, 125_000, LocalDate.of(2026, 4, 20)));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        JsonNode ledger = api.get(Role.BILLING, "/api/v1/invoices/" + a.invoiceNumber()).json("");
        assertThat(ledger).isNotNull();
        assertThat(jdbc.sql("select count(*) from payment where invoice_id = :id").param("id", a.id()).query(Long.class).single())
                .isEqualTo(1);
        // the notice customer's mandate deleted: no claim for them next month
        api.postText(Role.BILLING, "/api/v1/avtalegiro/mandate-files", "text/plain", mandateFile(List.<String[]>of(
                new String[] {noticedKid, "J", "2"})));
        assertThat(api.get(Role.BILLING, "/api/v1/customers/" + noticed + "/avtalegiro").json("/mandates/0/active").asBoolean()).isFalse();
        // a broken file names its line and changes nothing
        Api.Response broken = api.postText(Role.BILLING, "/api/v1/avtalegiro/mandate-files", "text/plain", "NY0000100000808\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text("/violations/0/field")).isEqualTo("file");
        assertThat(api.postText(Role.CUSTOMER_SERVICE, "/api/v1/avtalegiro/mandate-files", "text/plain", "x").status()).isEqualTo(403);
    }

    @Test
    void aClaimWhoseInvoiceIsCreditedBeforeItsDueDateIsDeletedInTheNextFileOnce() {
        long payer = invoicing.person("Kreditt", "Trekksen", null);
        String kid = api.get(Role.BILLING, "/api/v1/customers/" + payer + "/avtalegiro").text("/agreementKid");
        api.postText(Role.BILLING, "/api/v1/avtalegiro/mandate-files", "text/plain", mandateFile(List.<String[]>of(new String[] {kid, "N"})));
        // 400.00 + 100.00 = 500.00 due 22 June 2026 (no other test claims June)
        Invoice june = invoicing.invoice(payer, YearMonth.of(2026, 5), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 22), "400.00", "100.00");
        Api.Response claimed = api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-06-22", "dueTo", "2026-06-22"));
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(201);
        assertThat(claimed.json("/claims").asInt()).isEqualTo(1);
        assertThat(claimed.json("/deletions").asInt()).isZero();

        // credited (the test's today is 15 March, well before the due date): the next file, for any due dates, withdraws it
        invoicing.credit(june, payer, LocalDate.of(2026, 3, 15));
        Api.Response next = api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-06-23", "dueTo", "2026-06-23"));
        assertThat(next.status()).as(next.raw()).isEqualTo(201);
        assertThat(next.json("/claims").asInt()).isZero();
        assertThat(next.json("/deletions").asInt()).isEqualTo(1);
        assertThat(next.json("/deletedAmount").decimalValue()).isEqualByComparingTo("500.00");
        ClaimFile file = ClaimFileReader.read(api.download(Role.BILLING, "/api/v1/avtalegiro/claim-files/" + next.json("/id").asLong()).body());
        assertThat(file.assignments()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(ClaimFile.AssignmentType.DELETIONS);
            // the deletion names the claim as it was sent: its KID, amount and due date
            assertThat(a.claims()).singleElement().satisfies(c -> {
                assertThat(c.kid().value()).isEqualTo(kid);
                assertThat(c.amountInOre()).isEqualTo(50_000);
                assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 6, 22));
            });
        });
        // withdrawn once: nothing more to send, and a debit with that KID and amount no longer finds the claim
        assertThat(api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-06-23", "dueTo", "2026-06-23"))
                .status()).isEqualTo(204);
        assertThat(jdbc.sql("select deleted_in from avtalegiro_claim where invoice_id = :id").param("id", june.id()).query(Long.class)
                .single()).isEqualTo(next.json("/id").asLong());

        // a claim due Tuesday 17 March, credited: on Monday 16 March at 15:00 Oslo time it is past Nets' 14:00 cut-off the day
        // before, so no deletion goes; at 13:30 it would have
        Invoice march = invoicing.invoice(payer, YearMonth.of(2026, 2), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 17), "8.00", "2.00");
        assertThat(api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-03-17", "dueTo", "2026-03-17"))
                .json("/claims").asInt()).isEqualTo(1);
        invoicing.credit(march, payer, LocalDate.of(2026, 3, 15));
        try {
            // NOW is 15 March 12:00 Oslo (CET): + 27 h = 16 March 15:00
            clock.advance(java.time.Duration.ofHours(27));
            assertThat(api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-03-24", "dueTo", "2026-03-24"))
                    .status()).isEqualTo(204);
            clock.reset();
            clock.advance(java.time.Duration.ofMinutes(25 * 60 + 30));   // 16 March 13:30
            Api.Response inTime = api.post(Role.BILLING, "/api/v1/avtalegiro/claim-files", json("dueFrom", "2026-03-24", "dueTo", "2026-03-24"));
            assertThat(inTime.status()).as(inTime.raw()).isEqualTo(201);
            assertThat(inTime.json("/deletions").asInt()).isEqualTo(1);
            assertThat(inTime.json("/deletedAmount").decimalValue()).isEqualByComparingTo("10.00");
        } finally {
            clock.reset();
        }
    }

    /** A mandate list as Nets makes it (the published sample's layout): each mandate [kid, J/N, registration type]. */
    static String mandateFile(List<String[]> mandates) {
        List<String> lines = new ArrayList<>();
        lines.add(pad("NY000010" + "00008080" + "0000001" + "00012345"));
        lines.add(pad("NY212420" + "000000000" + "0000001" + "15032080119"));
        int serial = 0;
        for (String[] m : mandates) {
            String type = m.length > 2 ? m[2] : "1";
            lines.add(pad("NY219470" + String.format("%07d", ++serial) + type + String.format("%25s", m[0]) + m[1]));
        }
        lines.add(pad("NY212488" + String.format("%08d", mandates.size()) + String.format("%08d", mandates.size() + 2)));
        lines.add(pad("NY000089" + String.format("%08d", mandates.size()) + String.format("%08d", lines.size() + 1) + "0".repeat(17) + "150326"));
        return String.join("\n", lines) + "\n";
    }

    /** An OCR giro file (service 09) with one AvtaleGiro debit, transaction type 15. */
    static String ocrFile(String kid, long ore, LocalDate date) {
        String d = String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(), date.getYear() % 100);
        List<String> lines = new ArrayList<>();
        lines.add(pad("NY000010" + "00008080" + "0000001" + "00012345"));
        // assignment start: agreement ID 9–17, assignment number 18–24, account 25–35
        lines.add(pad("NY090020" + "001008566" + "0000001" + "15032080119"));
        // amount item 1: transaction 9–15, nets date 16–21, 22–31 centre/day/part/serial, sign 32, amount 33–49, KID 50–74
        lines.add(pad("NY091530" + "0000001" + d + "0".repeat(10) + "0" + String.format("%017d", ore) + String.format("%25s", kid)));
        // amount item 2: transaction 9–15, payment date 42–47, debit account 48–58
        lines.add(pad("NY091531" + "0000001" + "0".repeat(26) + d + "12345678903"));
        // assignment end: transactions 9–16, records 17–24, sum 25–41, nets date 42–47, first 48–53, last 54–59
        lines.add(pad("NY090088" + "00000001" + "00000004" + String.format("%017d", ore) + d + d + d));
        lines.add(pad("NY000089" + "00000001" + "00000006" + String.format("%017d", ore) + d));
        return String.join("\n", lines) + "\n";
    }

    private static String pad(String s) {
        return (s + "0".repeat(80)).substring(0, 80);
    }
}
