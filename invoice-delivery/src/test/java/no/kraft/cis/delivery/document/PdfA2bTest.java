package no.kraft.cis.delivery.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * The one place we reach into openhtmltopdf (PdfA2b: its private copy of the PDF/A level, so that it leaves the XMP
 * metadata to our template). These fail loudly when a new openhtmltopdf version moves that field or stops reading it.
 */
class PdfA2bTest {

    private static final String LETTER = """
            <html lang="nb"><head><title>Brev 1</title></head><body style="font-family: 'Liberation Sans'"><p>Hei</p></body></html>""";

    @Test
    void theRenderersPrivateLevelIsThereAndIsSetToNone() throws Exception {
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.withHtmlContent(LETTER, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                PdfA2b.withoutItsMetadata(renderer);
                var field = PdfBoxRenderer.class.getDeclaredField("_pdfAConformance");
                field.setAccessible(true);
                assertThat(field.get(renderer)).isEqualTo(PdfRendererBuilder.PdfAConformance.NONE);
                assertThatThrownBy(() -> PdfA2b.withoutItsMetadata(renderer)).hasMessageContaining("not in PDF/A-2b mode");
            }
        }
    }

    /** openhtmltopdf, told so, writes no metadata of its own: the document's XMP is exactly our template's. */
    @Test
    void theMetadataIsOursAlone() throws Exception {
        byte[] bytes = new InvoicePdf(InvoiceTemplate.classpath()).renderXhtml(LETTER);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).containsOnlyOnce("<pdfaid:part>2</pdfaid:part>").containsOnlyOnce("<x:xmpmeta")
                    .contains("<rdf:li xml:lang=\"x-default\">Brev 1</rdf:li>");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("nb");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
            InvoicePdfTest.assertPdfA(doc);
        }
    }
}
