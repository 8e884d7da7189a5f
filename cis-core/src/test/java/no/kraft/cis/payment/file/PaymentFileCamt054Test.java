package no.kraft.cis.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentFileCamt054Test {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PaymentFileCamt054Test.class.getResourceAsStream("/payment-files/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsTheVersion02Sample() throws IOException {
        PaymentFile file = PaymentFileReader.read(resource("camt054-sample.xml"));

        LocalDate march6 = LocalDate.of(2025, 3, 6);
        assertThat(file.format()).isEqualTo(PaymentFileFormat.CAMT_054);
        assertThat(file.messageId()).isEqualTo("NTF20250306-0000417");
        assertThat(file.creditAccount()).isEqualTo("NO4415035012343");
        assertThat(file.payments()).containsExactly(
                new IncomingPayment("50650012491", march6, new BigDecimal("1249.50"), "10000010000001238",
                        "Ola Nordmann", "NO2712540512343"),
                // one batch entry, no references of their own: the entry's AcctSvcrRef + "-" + position
                new IncomingPayment("8025065000102-1", march6, new BigDecimal("899.00"), "10000020000001245",
                        "Kari Nordmann", "97100523454"),
                new IncomingPayment("8025065000102-2", march6, new BigDecimal("1769.90"), "10000050000001275",
                        "Fjellheim Bakeri AS", "NO7630001203459"),
                // the 45.00 DBIT fee and the 3 500.00 PDNG credit are not here; an entry without details is one payment
                new IncomingPayment("8025065000105", march6, new BigDecimal("500.00"), null, null, null),
                new IncomingPayment("50650030001", march6, new BigDecimal("300.00"), null, "Per Hansen", "12073311444"),
                // mistyped KID (check digit 3, should be 2) passed on untouched
                new IncomingPayment("50650040001", march6, new BigDecimal("1000.00"), "10000060000001283", "Bjørn Ås",
                        "NO4160110543215"));
        // 1249.50 + 899.00 + 1769.90 + 500.00 + 300.00 + 1000.00
        assertThat(file.total()).isEqualTo(new BigDecimal("5718.40"));
    }

    @Test
    void readsTheVersion08SampleWithNestedDebtorAndStatusCode() throws IOException {
        PaymentFile file = PaymentFileReader.read(resource("camt054-v08-sample.xml"));

        assertThat(file.messageId()).isEqualTo("SB1-CAMT054-20250308-0001");
        assertThat(file.creditAccount()).isEqualTo("15035012343");   // Acct/Id/Othr/Id
        assertThat(file.payments()).containsExactly(
                new IncomingPayment("SB1-7700001-A", LocalDate.of(2025, 3, 7), new BigDecimal("1040.00"),
                        "10000070000001299", "Ingrid Bakken", "NO2005302045676"),
                new IncomingPayment("SB1-7700001-2", LocalDate.of(2025, 3, 7), new BigDecimal("500.00"),
                        "10000080000001306", "Lars Eriksen", "18220987651"),
                // no booking date → value date; the details have no amount → the entry's; KID trimmed
                new IncomingPayment("SB1-7700003", LocalDate.of(2025, 3, 8), new BigDecimal("250.00"),
                        "10000030000001251", "Nordlys Eiendom AS", "NO4194860333338"));
        assertThat(file.total()).isEqualTo(new BigDecimal("1790.00"));   // 1040 + 500 + 250; 720.00 PDNG left out
    }

    @ParameterizedTest(name = "camt.054.001.{0}")
    @ValueSource(strings = {"02", "04", "06", "08"})
    void readsAnyVersionNamespace(String version) {
        PaymentFile file = read(version, entry("E1", "CRDT", "100.00", detail("T1", "100.00", "1234567890")));

        assertThat(file.payments()).extracting(IncomingPayment::bankReference, IncomingPayment::kid)
                .containsExactly(tuple("T1", "1234567890"));
    }

    @Test
    void severalTransactionDetailsWithoutReferencesShareTheEntrysWithTheirPosition() {
        // 100.00 + 200.00 + 350.50 = 650.50
        PaymentFile file = read("02", entry("E7", "CRDT", "650.50",
                detail(null, "100.00", "10000010000001238")
                        + detail(null, "200.00", "10000020000001245")
                        + detail(null, "350.50", null)));

        assertThat(file.payments()).extracting(IncomingPayment::bankReference, IncomingPayment::amount, IncomingPayment::kid)
                .containsExactly(
                        tuple("E7-1", new BigDecimal("100.00"), "10000010000001238"),
                        tuple("E7-2", new BigDecimal("200.00"), "10000020000001245"),
                        tuple("E7-3", new BigDecimal("350.50"), null));
    }

    @Test
    void debitEntriesAreSkipped() {
        PaymentFile file = read("02", entry("E1", "DBIT", "80.00", detail("T1", "80.00", null))
                + entry("E2", "CRDT", "120.00", ""));

        assertThat(file.payments()).extracting(IncomingPayment::bankReference).containsExactly("E2");
        assertThat(file.total()).isEqualTo(new BigDecimal("120.00"));
    }

    @Test
    void anEntryWithoutAccountServicerReferenceFallsBackToItsNtryRef() {
        String entry = entry("E1", "CRDT", "75.00", "").replace("<AcctSvcrRef>E1</AcctSvcrRef>", "");

        assertThat(read("02", entry).payments()).extracting(IncomingPayment::bankReference).containsExactly("NTRY-E1");
    }

    @Test
    void otherCurrenciesAreRejected() {
        assertRejected(notification("02", entry("E1", "CRDT", "100.00", "").replace("Ccy=\"NOK\"", "Ccy=\"EUR\"")),
                "paymentFile.currency", "EUR");
        assertRejected(notification("02", entry("E1", "CRDT", "100.00",
                detail("T1", "100.00", null).replace("Ccy=\"NOK\"", "Ccy=\"SEK\""))), "paymentFile.currency", "SEK");
    }

    @Test
    void detailsThatDoNotAddUpToTheirEntryAreRejected() {
        // 100.00 + 200.00 = 300.00 ≠ 310.00
        assertRejected(notification("02", entry("E1", "CRDT", "310.00",
                detail("T1", "100.00", null) + detail("T2", "200.00", null))), "paymentFile.controlSum", "300.00");
    }

    @Test
    void severalDetailsNeedTheirOwnAmounts() {
        assertRejected(notification("02", entry("E1", "CRDT", "300.00",
                detail("T1", null, null) + detail("T2", null, null))), "paymentFile.format", "no amount");
    }

    @Test
    void aMissingMessageIdIsRejected() {
        assertRejected(notification("08", entry("E1", "CRDT", "1.00", "")).replace("<MsgId>MSG-1</MsgId>", ""),
                "paymentFile.format", "MsgId");
    }

    @Test
    void amountsInFractionsOfAnOreAreRejected() {
        assertRejected(notification("02", entry("E1", "CRDT", "10.005", "")), "paymentFile.format", "10.005");
    }

    @Test
    void notificationsForTwoAccountsAreRejected() {
        String two = notification("02", entry("E1", "CRDT", "1.00", ""))
                .replace("</Ntfctn>", "</Ntfctn><Ntfctn><Acct><Id><IBAN>NO2712540512343</IBAN></Id></Acct></Ntfctn>");

        assertRejected(two, "paymentFile.creditAccount", "NO2712540512343");
    }

    @Test
    void externalEntitiesAreNeitherResolvedNorAccepted() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [<!ENTITY kid SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>&kid;</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>""";

        assertThatThrownBy(() -> PaymentFileReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.rule()).isEqualTo("paymentFile.format");
                    assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:").doesNotContain("JAXP")
                            .doesNotContain("http").doesNotContain("Exception");
                });
    }

    @Test
    void aDoctypeWithoutEntitiesIsRejectedToo() {
        String doctype = notification("02", entry("E1", "CRDT", "1.00", ""))
                .replace("<Document", "<!DOCTYPE Document SYSTEM \"http://example.invalid/camt.dtd\">\n<Document");

        assertRejected(doctype, "paymentFile.format", "DOCTYPE");
    }

    @Test
    void brokenXmlIsRejectedWithItsLine() {
        assertRejected("<?xml version=\"1.0\"?>\n<Document>\n<BkToCstmrDbtCdtNtfctn>\n</Document>",
                "paymentFile.format", "line 4");
    }

    // ---- building small notifications ----

    static PaymentFile read(String version, String entries) {
        return PaymentFileReader.read(notification(version, entries).getBytes(StandardCharsets.UTF_8));
    }

    static String notification(String version, String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.%s">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2025-03-06T18:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>N1</Id>
                      <Acct><Id><IBAN>NO4415035012343</IBAN></Id></Acct>
                %s
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(version, entries);
    }

    /** A booked entry (status as in .001.02; the reader takes {@code <Sts><Cd>} alike) of 6 March 2025. */
    static String entry(String reference, String creditDebit, String amount, String details) {
        return """
                <Ntry>
                  <NtryRef>NTRY-%1$s</NtryRef>
                  <Amt Ccy="NOK">%2$s</Amt>
                  <CdtDbtInd>%3$s</CdtDbtInd>
                  <Sts>BOOK</Sts>
                  <BookgDt><Dt>2025-03-06</Dt></BookgDt>
                  <AcctSvcrRef>%1$s</AcctSvcrRef>
                  %4$s
                </Ntry>
                """.formatted(reference, amount, creditDebit, details.isEmpty() ? "" : "<NtryDtls>" + details + "</NtryDtls>");
    }

    static String detail(String reference, String amount, String kid) {
        return "<TxDtls>"
                + (reference == null ? "" : "<Refs><AcctSvcrRef>" + reference + "</AcctSvcrRef></Refs>")
                + (amount == null ? "" : "<Amt Ccy=\"NOK\">" + amount + "</Amt>")
                + (kid == null ? "" : "<RmtInf><Strd><CdtrRefInf><Ref>" + kid + "</Ref></CdtrRefInf></Strd></RmtInf>")
                + "</TxDtls>";
    }

    private static void assertRejected(String xml, String rule, String messagePart) {
        assertThatThrownBy(() -> PaymentFileReader.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
