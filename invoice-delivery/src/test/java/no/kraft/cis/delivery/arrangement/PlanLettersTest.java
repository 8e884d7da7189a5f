package no.kraft.cis.delivery.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.delivery.document.InvoiceTemplate;
import no.kraft.cis.ledger.InstalmentPlan;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** An instalment plan's confirmation, pure: every instalment with its due date, amount and KID, as PDF/A. */
class PlanLettersTest {

    static final InvoiceDocument.Seller SELLER = new InvoiceDocument.Seller("Kraft Demo AS", "923456789", "Kraftveien 1", "0150", "Oslo",
            "15032080119", "kundeservice@kraft.example", "22 00 00 00", "https://kraft.example");
    static final InvoiceDocument.Buyer BUYER = new InvoiceDocument.Buyer(1000042, "Kari <Nordmann> & co", null, "Storgata 1", "0155", "Oslo",
            "kari@example.no", "91234567");

    /** 2 345.67 in three: 781.89 × 3 = 2 345.67; due 29 March, 29 April, 29 May 2026. */
    static InstalmentPlan plan() {
        BigDecimal each = new BigDecimal("781.89");
        List<InstalmentPlan.Instalment> instalments = List.of(
                new InstalmentPlan.Instalment(1, LocalDate.of(2026, 3, 29), each, "1000042000042013", BigDecimal.ZERO.setScale(2),
                        InstalmentPlan.InstalmentStatus.OPEN),
                new InstalmentPlan.Instalment(2, LocalDate.of(2026, 4, 29), each, "1000042000042021", BigDecimal.ZERO.setScale(2),
                        InstalmentPlan.InstalmentStatus.OPEN),
                new InstalmentPlan.Instalment(3, LocalDate.of(2026, 5, 29), each, "1000042000042039", BigDecimal.ZERO.setScale(2),
                        InstalmentPlan.InstalmentStatus.OPEN));
        return new InstalmentPlan(42, 7, InstalmentPlan.Status.ACTIVE, new BigDecimal("2345.67"), LocalDate.of(2026, 3, 15), null, null,
                List.of(new InstalmentPlan.CoveredInvoice(1, 100031, LocalDate.of(2026, 2, 20), new BigDecimal("1180.00"), new BigDecimal("1180.00")),
                        new InstalmentPlan.CoveredInvoice(2, 100032, LocalDate.of(2026, 3, 1), new BigDecimal("1165.67"), new BigDecimal("1165.67"))),
                instalments, BigDecimal.ZERO.setScale(2), 0);
    }

    @Test
    void theLetterIsPdfAWithEveryInstalmentsDueDateAmountAndKid() throws Exception {
        String html = PlanLetters.classpath().letter(plan(), 14, SELLER, BUYER);
        assertThat(html).contains("Kari &lt;Nordmann&gt; &amp; co");
        byte[] pdf = new InvoicePdf(InvoiceTemplate.classpath()).renderXhtml(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains("Avtale om nedbetaling").contains("avtale nr. 42").contains("faktura 100031, 100032")
                    .contains("1 29.03.2026 781,89 1000042000042013").contains("2 29.04.2026 781,89 1000042000042021")
                    .contains("3 29.05.2026 781,89 1000042000042039").contains("Sum 2 345,67").contains("1503.20.80119")
                    .contains("innen 14 dager etter forfall");
            assertThat(doc.isEncrypted()).isFalse();
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void theEmailListsTheInstalmentsAndNamesTheLetter() {
        String text = PlanLetters.emailText(plan(), SELLER, BUYER);
        assertThat(text).contains("2 345,67 kr for faktura 100031, 100032 i 3 månedlige avdrag til konto 1503.20.80119")
                .contains("1. 29.03.2026  781,89 kr  KID 1000042000042013").contains("3. 29.05.2026  781,89 kr  KID 1000042000042039");
        assertThat(PlanLetters.subject(plan(), SELLER)).isEqualTo("Avtale om nedbetaling nr. 42 fra Kraft Demo AS");
    }

    @Test
    void anUnknownMergeFieldIsRefusedWhenTheTemplateIsLoaded() {
        assertThatThrownBy(() -> PlanLetters.load("<p>{{amount}} {{amuont}}</p>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amuont");
    }
}
