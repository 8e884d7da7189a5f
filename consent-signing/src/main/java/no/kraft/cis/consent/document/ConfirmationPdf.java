package no.kraft.cis.consent.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the order confirmation to PDF/A-2b with openhtmltopdf on PDFBox: the font (Liberation Sans, shipped inside
 * PDFBox, covers æøå) is embedded and the sRGB output intent is Java's own sRGB profile. The template must be XHTML
 * (well-formed), which {@link ConfirmationTemplate} leaves to whoever edits it.
 */
public final class ConfirmationPdf {

    static final String FONT_FAMILY = "Liberation Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ConfirmationTemplate template;
    private final byte[] font;
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public ConfirmationPdf(ConfirmationTemplate template) {
        this.template = template;
        try (InputStream in = ConfirmationPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is not on the classpath");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(Map<MergeField, String> values) {
        String html = template.merge(values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
        builder.useColorProfile(srgb);
        for (int weight : new int[] {400, 700}) {
            builder.useFont(() -> new java.io.ByteArrayInputStream(font), FONT_FAMILY, weight,
                    com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(html, null);
        builder.withProducer("Kraft CIS");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
