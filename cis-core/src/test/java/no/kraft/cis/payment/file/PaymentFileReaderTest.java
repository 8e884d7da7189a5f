package no.kraft.cis.payment.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentFileReaderTest {

    static final List<IncomingPayment> OCR_SAMPLE_PAYMENTS = List.of(
            new IncomingPayment("OCR-0000051-0000001-20250306", LocalDate.of(2025, 3, 4), new BigDecimal("1249.50"),
                    "10000010000001238", null, "12540512343"),
            new IncomingPayment("OCR-0000051-0000002-20250306", LocalDate.of(2025, 3, 4), new BigDecimal("899.00"),
                    "10000020000001245", null, "97100523454"),
            // paid in cash at the counter: no payment date (→ nets date), no debit account
            new IncomingPayment("OCR-0000051-0000003-20250306", LocalDate.of(2025, 3, 6), new BigDecimal("2310.75"),
                    "10000030000001251", null, null),
            new IncomingPayment("OCR-0000052-0000001-20250306", LocalDate.of(2025, 3, 5), new BigDecimal("459.00"),
                    "10000040000001268", null, "30001203459"),
            // transaction type 21 (purchase with text): no KID, an amount item 3 with the payer's message
            new IncomingPayment("OCR-0000052-0000002-20250306", LocalDate.of(2025, 3, 5), new BigDecimal("1000.00"),
                    null, null, "60110543215"));

    @Test
    void readsTheOcrGiroSample() throws IOException {
        PaymentFile file = PaymentFileReader.read(PaymentFileCamt054Test.resource("ocr-giro-sample.txt"));

        assertThat(file.format()).isEqualTo(PaymentFileFormat.OCR_GIRO);
        assertThat(file.messageId()).isEqualTo("OCR-00008080-0503251");
        assertThat(file.creditAccount()).isEqualTo("15035012343");
        assertThat(file.payments()).containsExactlyElementsOf(OCR_SAMPLE_PAYMENTS);
        // assignment 51: 124 950 + 89 900 + 231 075 = 445 925 øre; assignment 52: 45 900 + 100 000 = 145 900 øre
        assertThat(file.total()).isEqualTo(new BigDecimal("5918.25"));
    }

    /** The sample is ISO-8859-1 with CRLF; the same content in UTF-8 (ø and Å in amount item 3), with a BOM, reads alike. */
    @Test
    void readsOcrGiroInUtf8WithAByteOrderMark() throws IOException {
        String text = new String(PaymentFileCamt054Test.resource("ocr-giro-sample.txt"), StandardCharsets.ISO_8859_1);
        assertThat(text).contains("Bjørn Ås");

        PaymentFile file = PaymentFileReader.read(("\uFEFF\n" + text).getBytes(StandardCharsets.UTF_8));

        assertThat(file.payments()).containsExactlyElementsOf(OCR_SAMPLE_PAYMENTS);
    }

    @Test
    void readsCamt054WithAByteOrderMark() throws IOException {
        byte[] sample = PaymentFileCamt054Test.resource("camt054-sample.xml");
        byte[] withBom = new byte[sample.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(sample, 0, withBom, 3, sample.length);

        assertThat(PaymentFileReader.read(withBom).payments()).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "  \r\n\t\n",
            "Dette er ikke en betalingsfil",
            "%PDF-1.7",
            "{\"payments\": []}",
            // an assignment without the transmission start
            "NY090020001234567000005115035012343000000000000000000000000000000000000000000000",
            // a transmission start with a leading space
            " NY000010000080800503251001234560000000000000000000000000000000000000000000000000",
            "<html><body><p>Innbetalinger</p></body></html>",
            // a camt.053 account statement is not a notification
            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt/></Document>",
            // the right element name in another standard's namespace
            "<Document xmlns=\"urn:example:payments\"><BkToCstmrDbtCdtNtfctn/></Document>",
            "<Document><BkToCstmrDbtCdtNtfctn>",
    })
    void anythingElseIsRejectedAsTheWrongFormat(String content) {
        assertThatThrownBy(() -> PaymentFileReader.read(content.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("paymentFile.format"));
    }

    @Test
    void binaryGarbageIsRejectedAsTheWrongFormat() {
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe};

        assertThatThrownBy(() -> PaymentFileReader.read(garbage))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("paymentFile.format"));
    }

    @Test
    void theTotalOfAFileIsTheSumOfItsPaymentsWithTwoDecimals() {
        PaymentFile empty = new PaymentFile(PaymentFileFormat.CAMT_054, "M", null, List.of());
        PaymentFile some = new PaymentFile(PaymentFileFormat.CAMT_054, "M", null, List.of(
                new IncomingPayment("a", LocalDate.of(2025, 3, 6), new BigDecimal("10.5"), null, null, null),
                new IncomingPayment("b", LocalDate.of(2025, 3, 6), new BigDecimal("-0.25"), null, null, null)));

        assertThat(empty.total()).isEqualTo(new BigDecimal("0.00"));
        assertThat(some.total()).isEqualTo(new BigDecimal("10.25"));   // 10.50 − 0.25
        assertThat(some.payments().getFirst().amount()).isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void aPaymentIsWholeOre() {
        assertThatThrownBy(() -> new IncomingPayment("a", LocalDate.of(2025, 3, 6), new BigDecimal("10.005"), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
