package no.kraft.cis.consent.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ConfirmationTemplateTest {

    @Test
    void aTemplateNamingAnUnknownFieldIsRefusedWhenLoaded() {
        assertThatThrownBy(() -> ConfirmationTemplate.load("<p>{{firstName}} {{fristName}} {{ custmerNumber }}</p>"))
                .isInstanceOf(ConfirmationTemplate.UnknownMergeField.class)
                .hasMessageContaining("[custmerNumber, fristName]");
    }

    @Test
    void mergeEscapesValuesAndLeavesTheRest() {
        ConfirmationTemplate template = ConfirmationTemplate.load("<p>{{firstName}} &amp; {{ lastName }}</p>");
        assertThat(template.fields()).containsExactlyInAnyOrder(MergeField.FIRST_NAME, MergeField.LAST_NAME);
        assertThat(template.merge(Map.of(MergeField.FIRST_NAME, "Ærlig <Åse>", MergeField.LAST_NAME, "Ødegård & Co")))
                .isEqualTo("<p>Ærlig &lt;Åse&gt; &amp; Ødegård &amp; Co</p>");
    }

    @Test
    void theShippedTemplateRendersAPdfAWithEveryMergeValueAndEmbeddedFonts() throws Exception {
        String html;
        try (var in = ConfirmationPdf.class.getResourceAsStream("/templates/order-confirmation.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ConfirmationTemplate template = ConfirmationTemplate.load(html);
        assertThat(template.fields()).containsExactlyInAnyOrder(MergeField.values());
        Map<MergeField, String> values = Map.of(MergeField.COMPANY_NAME, "Kraft Energi AS", MergeField.METERING_POINT_ID, "707057500000000018",
                MergeField.METERING_POINT_ADDRESS, "Fjellveien 3, 5710 Voss", MergeField.START_DATE, "01.04.2026",
                MergeField.PRODUCT_NAME, "Spotpris", MergeField.FIRST_NAME, "Bjørn", MergeField.LAST_NAME, "Søråsen",
                MergeField.CUSTOMER_ADDRESS, "Storgata 1, 0155 Oslo", MergeField.CUSTOMER_NUMBER, "100042", MergeField.NATIONAL_ID, "01017012343");
        byte[] pdf = new ConfirmationPdf(template).render(values);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            values.values().forEach(v -> assertThat(text).contains(v));
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>");
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }
}
