package no.kraft.cis.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import no.kraft.cis.delivery.document.InvoiceDocument.Kind;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.delivery.sms.SmsParts.Encoding;
import org.junit.jupiter.api.Test;

class SmsNoticeTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 20);

    @Test
    void invoiceNoticeIsOneGsm7Part() {
        SmsNotice notice = SmsNotice.of(SmsTestData.invoice(), SmsTestData.LINK);

        assertThat(notice.text()).isEqualTo(
                "Faktura 7000123 fra Kraft Demo AS: 1 061,09 kr forfaller 20.04.2026. Se fakturaen: https://kraft.example/f/7Kq2Xw9P");
        // "Faktura " 8 + "7000123" 7 + " fra " 5 + "Kraft Demo AS" 13 + ": " 2 + "1 061,09" 8 + " kr forfaller " 14
        // + "20.04.2026" 10 + ". Se fakturaen: " 16 = 83, + the link 32 = 115 septets: one part, 45 to spare
        assertThat(notice.parts()).isEqualTo(new SmsParts(Encoding.GSM_7, 115, 1));
    }

    @Test
    void creditNoteNoticeNamesTheInvoiceItCredits() {
        SmsNotice notice = new SmsNotice(Kind.CREDIT_NOTE, 7000124, 7000123L, "Kraft Demo AS", new BigDecimal("-1061.09"), DUE,
                "https://kraft.example/k/Zp4Rt8Lm");

        assertThat(notice.text()).isEqualTo("Kreditnota 7000124 fra Kraft Demo AS: 1 061,09 kr til gode (krediterer faktura 7000123)."
                + " Se kreditnotaen: https://kraft.example/k/Zp4Rt8Lm");
        // "Kreditnota " 11 + "7000124" 7 + " fra " 5 + "Kraft Demo AS" 13 + ": " 2 + "1 061,09" 8 + " kr til gode" 12
        // + " (krediterer faktura " 21 + "7000123" 7 + ")" 1 + ". Se kreditnotaen: " 19 = 106, + the link 32 = 138
        assertThat(notice.parts()).isEqualTo(new SmsParts(Encoding.GSM_7, 138, 1));
    }

    @Test
    void creditNoteWithoutTheCreditedInvoice() {
        SmsNotice notice = new SmsNotice(Kind.CREDIT_NOTE, 7000124, null, "Kraft Demo AS", new BigDecimal("250"), null, "https://k.example/1");

        assertThat(notice.text()).isEqualTo("Kreditnota 7000124 fra Kraft Demo AS: 250,00 kr til gode. Se kreditnotaen: https://k.example/1");
        // 11 + 7 + 5 + 13 + 2 + "250,00" 6 + 12 + 19 = 75, + the link 19 = 94
        assertThat(notice.parts()).isEqualTo(new SmsParts(Encoding.GSM_7, 94, 1));
    }

    @Test
    void amountsAreWrittenWithPlainSpacesSoTheNoticeStaysGsm7() {
        assertThat(SmsNotice.money(new BigDecimal("1234567.891"))).isEqualTo("1 234 567,89");
        assertThat(SmsNotice.money(new BigDecimal("0.5"))).isEqualTo("0,50");
        // the PDF's own format has a non-breaking space: the same notice with it would be UCS-2, 115 units in 2 parts
        String withPdfMoney = SmsNotice.of(SmsTestData.invoice(), SmsTestData.LINK).text()
                .replace("1 061,09", InvoicePdf.moneyOf(new BigDecimal("1061.09")));
        assertThat(SmsParts.of(withPdfMoney)).isEqualTo(new SmsParts(Encoding.UCS_2, 115, 2));
    }

    @Test
    void aLongLinkTakesASecondPart() {
        // 83 + 78 = 161 septets
        SmsNotice notice = new SmsNotice(Kind.INVOICE, 7000123, null, "Kraft Demo AS", new BigDecimal("1061.09"), DUE,
                "https://kraft.example/f/" + "x".repeat(54));
        assertThat(notice.parts()).isEqualTo(new SmsParts(Encoding.GSM_7, 161, 2));
    }

    @Test
    void anInvoiceNoticeNeedsItsDueDate() {
        assertThatThrownBy(() -> new SmsNotice(Kind.INVOICE, 7000123, null, "Kraft Demo AS", BigDecimal.TEN, null, SmsTestData.LINK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("due date");
    }

    /**
     * Our seller name, 7-digit document numbers, any amount under a million kroner and any link of up to 50 URL
     * characters: an invoice or credit note notice is one GSM-7 part (at most 135 and 158 septets).
     */
    @Property(tries = 300)
    void shortLinksKeepTheNoticeInOnePart(@ForAll @LongRange(min = 1_000_000, max = 9_999_999) long number,
            @ForAll @BigRange(min = "0", max = "999999.99") BigDecimal amount, @ForAll("links") String link, @ForAll boolean credit) {
        SmsNotice notice = new SmsNotice(credit ? Kind.CREDIT_NOTE : Kind.INVOICE, number, credit ? number - 1 : null, "Kraft Demo AS",
                credit ? amount.negate() : amount, DUE, link);
        assertThat(notice.parts().encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(notice.parts().count()).isEqualTo(1);
    }

    @Provide
    Arbitrary<String> links() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars("-_./?=&%".toCharArray())
                .ofMinLength(1).ofMaxLength(50 - "https://".length()).map(rest -> "https://" + rest);
    }
}
