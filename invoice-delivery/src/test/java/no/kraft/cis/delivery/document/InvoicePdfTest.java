package no.kraft.cis.delivery.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The invoice PDF: every merge field filled, PDF/A-2b as far as PDFBox can tell (veraPDF, the reference validator, is
 * not served by this machine's Maven mirror), and the text read back out of it carries the invoice's numbers.
 */
class InvoicePdfTest {

    private static final InvoiceDocument.Seller SELLER = new InvoiceDocument.Seller("Kraft Demo AS", "923609016", "Kraftveien 1", "0150",
            "Oslo", "15032080119", "faktura@kraft.example", "22 00 00 00", "https://kraft.example");

    /**
     * March 2026, one metering point: 1 234.567 kWh spot at 0.85 NOK/kWh = 1 049.38 (1 049.381950 rounded), markup
     * 1 234.567 × 0.049 = 60.49 (60.493783), fixed fee 39.00, Norgespris −300.00 (the hedge paid to the customer):
     * net 1 049.38 + 60.49 + 39.00 − 300.00 = 848.87; VAT 25 % = 212.22 (212.2175); total 1 061.09.
     */
    static InvoiceDocument march() {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 4, 1);
        BigDecimal rate = new BigDecimal("0.25");
        List<InvoiceDocument.Line> lines = List.of(
                new InvoiceDocument.Line(1, "SPOT", "Strøm, spotpris", InvoiceDocument.Category.POWER, from, to, new BigDecimal("1234.567"),
                        "kWh", new BigDecimal("0.850000"), new BigDecimal("1049.38"), rate, new BigDecimal("262.35")),
                new InvoiceDocument.Line(2, "PASLAG", "Påslag", InvoiceDocument.Category.POWER, from, to, new BigDecimal("1234.567"), "kWh",
                        new BigDecimal("0.049000"), new BigDecimal("60.49"), rate, new BigDecimal("15.12")),
                new InvoiceDocument.Line(3, "FAST", "Fastbeløp", InvoiceDocument.Category.POWER, from, to, BigDecimal.ONE, "month",
                        new BigDecimal("39.00"), new BigDecimal("39.00"), rate, new BigDecimal("9.75")),
                new InvoiceDocument.Line(4, "NORGESPRIS", "Norgespris", InvoiceDocument.Category.COMPENSATION, from, to,
                        new BigDecimal("1234.567"), "kWh", new BigDecimal("-0.243000"), new BigDecimal("-300.00"), rate, new BigDecimal("-75.00")));
        var explanation = new InvoiceDocument.Explanation("NORGESPRIS", new BigDecimal("1234.567"), new BigDecimal("1234.567"),
                new BigDecimal("5000"), new BigDecimal("0.3038"), new BigDecimal("375.00"));
        return new InvoiceDocument(InvoiceDocument.Kind.INVOICE, 7000123, null, LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 20), from, to,
                "100000170001234", SELLER, new InvoiceDocument.Buyer(1000017, "Kari Nordmann", null, "Storgata 1", "0155", "Oslo",
                        "kari@example.no", "91234567"),
                new InvoiceDocument.Agreement("Spotpris Enkel", "Løpende avtale uten bindingstid", "Endringer varsles 30 dager før.",
                        "Ingen prisgaranti"),
                List.of(new InvoiceDocument.MeteringPointPart("707057500000000018", "Thereses gate 14, 0452 Oslo", lines, explanation)),
                List.of(new InvoiceDocument.VatRow(rate, new BigDecimal("848.87"), new BigDecimal("212.22"))), new BigDecimal("848.87"),
                new BigDecimal("212.22"), new BigDecimal("1061.09"));
    }

    private final InvoicePdf pdf = new InvoicePdf(InvoiceTemplate.classpath());

    @Test
    void theInvoiceIsPdfAWithEveryNumberInItsText() throws Exception {
        byte[] bytes = pdf.render(march());
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertPdfA(doc);
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(text).contains("Faktura 7000123").contains("Kundenummer 1000017").contains("KID 100000170001234")
                    .contains("1503.20.80119").contains("20.04.2026").contains("01.03.2026–31.03.2026")
                    .contains("707057500000000018").contains("Thereses gate 14, 0452 Oslo")
                    .contains("1 049,38").contains("60,49").contains("1 mnd").contains("39,00").contains("−300,00")
                    .contains("848,87").contains("212,22").contains("1 061,09").contains("Å betale")
                    .contains("Spotpris Enkel").contains("Løpende avtale uten bindingstid").contains("Ingen prisgaranti")
                    .contains("Endringer varsles 30 dager før.").contains("Hvorfor dette beløpet").contains("taket er 5 000 kWh")
                    .contains("0,3038").contains("Nettleie").contains("923 609 016 MVA").contains("Foretaksregisteret");
            assertThat(text).doesNotContain("{{");
        }
    }

    /**
     * The renderer stays in PDF/A mode with only its metadata left to us (PdfA2b): a font asked for that we did not
     * supply is not taken from PDF's built-in fonts (not embedded): its text is left out, as openhtmltopdf does in PDF/A.
     */
    @Test
    void aFontWeDidNotSupplyIsNotTakenFromPdfsBuiltInOnes() throws Exception {
        byte[] letter = pdf.renderXhtml("""
                <html lang="nb"><head><title>x</title></head><body><p style="font-family: serif">Brev</p></body></html>""");
        try (PDDocument doc = Loader.loadPDF(letter)) {
            assertPdfA(doc);
        }
    }

    @Test
    void aCreditNoteNamesTheInvoiceItCredits() throws Exception {
        InvoiceDocument m = march();
        InvoiceDocument credit = new InvoiceDocument(InvoiceDocument.Kind.CREDIT_NOTE, 7000200, m.invoiceNumber(), m.issueDate(), m.dueDate(),
                m.periodFrom(), m.periodTo(), m.kid(), m.seller(), m.buyer(), m.agreement(), m.points(), m.vat(), m.netAmount().negate(),
                m.vatAmount().negate(), m.totalAmount().negate());
        try (PDDocument doc = Loader.loadPDF(pdf.render(credit))) {
            assertPdfA(doc);
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(text).contains("Kreditnota 7000200").contains("Krediterer faktura 7000123").contains("Til gode")
                    .contains("−1 061,09").doesNotContain("Å betale");
        }
    }

    @Test
    void aTemplateWithAnUnknownMergeFieldIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> InvoiceTemplate.load("<html><body>{{invoiceNumber}} {{kidd}}</body></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[kidd]");
    }

    /** The invoice and both letters take the shared rules from templates/document.css, the letters also letter.css. */
    @Test
    void theSharedStylesAreIncludedWhenATemplateIsLoaded() throws Exception {
        for (String name : List.of("invoice.html", "dunning-notice.html", "instalment-plan.html")) {
            String html;
            try (var in = InvoicePdfTest.class.getResourceAsStream("/templates/" + name)) {
                html = InvoiceTemplate.withSharedStyles(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(html).as(name).doesNotContain("{{>").containsOnlyOnce("@page { size: A4;")
                    .containsOnlyOnce("tr.sum td {").containsOnlyOnce("div.pay {");
            assertThat(html.contains("h1 { font-size: 16pt; font-weight: 700; margin: 8mm 0 3mm 0; }"))
                    .as(name).isEqualTo(!name.equals("invoice.html"));
        }
        assertThat(InvoiceTemplate.classpath().merge(java.util.Map.of())).doesNotContain("{{>").contains("tr.sum td {");
        assertThatThrownBy(() -> InvoiceTemplate.load("<html><head><style>{{> nope.css}}</style></head></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("templates/nope.css");
    }

    @Test
    void escapedValuesCannotBreakTheMarkup() throws Exception {
        InvoiceDocument m = march();
        InvoiceDocument odd = new InvoiceDocument(m.kind(), m.invoiceNumber(), null, m.issueDate(), m.dueDate(), m.periodFrom(), m.periodTo(),
                m.kid(), m.seller(), new InvoiceDocument.Buyer(1, "Bakeriet <Mor & Datter> AS", "923609016", "Gata 1", "0150", "Oslo", null, null),
                m.agreement(), m.points(), m.vat(), m.netAmount(), m.vatAmount(), m.totalAmount());
        try (PDDocument doc = Loader.loadPDF(pdf.render(odd))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Bakeriet <Mor & Datter> AS");
        }
    }

    /** What PDF/A-2b asks that PDFBox can check: the XMP identification, an sRGB output intent, every font embedded, no encryption. */
    static void assertPdfA(PDDocument doc) throws Exception {
        assertThat(doc.isEncrypted()).isFalse();
        String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>");
        // the XMP is well-formed and says what the information dictionary says (PDF/A: the two must agree)
        org.apache.xmpbox.XMPMetadata parsed = new org.apache.xmpbox.xml.DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
        assertThat(parsed.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
        assertThat(parsed.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
        var info = doc.getDocumentInformation();
        assertThat(parsed.getAdobePDFSchema().getProducer()).isEqualTo(info.getProducer());
        assertThat(parsed.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(info.getCreationDate().toInstant());
        if (info.getTitle() != null) {
            assertThat(parsed.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
        }
        assertThat(doc.getVersion()).isEqualTo(1.7f);
        assertThat(doc.getDocumentCatalog().getLanguage()).isNotBlank();
        assertThat(doc.getDocumentCatalog().getOutputIntents()).singleElement()
                .satisfies(intent -> assertThat(intent.getDestOutputIntent()).isNotNull());
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }
}
