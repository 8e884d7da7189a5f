package no.kraft.cis.delivery.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * What makes our rendered PDF a PDF/A-2b document besides its content: the XMP metadata (PDF/A identification part 2,
 * conformance B; the document's title, producer and creation time, equal to the document information dictionary's),
 * the catalog's language, mark info and "display the title" preference — as openhtmltopdf writes them in its PDF/A
 * mode — and a check that every font is embedded.
 *
 * <p>Why not openhtmltopdf's own: it builds the XMP with xmpbox for every document (a type mapping made by reflection,
 * a DOM, a serialiser: a fifth of a PDF's rendering time in a profile), and the metadata is the same text each time
 * but for three values. openhtmltopdf has no option to leave the metadata out and keep the PDF/A mode otherwise, and
 * rendering without a conformance level is no way round it: its font resolver then makes PDF's 14 built-in fonts for
 * every document (as costly as the metadata) and would fall back to them, not embedded. So the renderer is built in
 * PDF/A-2b mode (fonts, colours, the sRGB output intent from {@code useColorProfile}), and only its own copy of the
 * level, which it reads once to decide whether to write the metadata, is set to none ({@link #withoutItsMetadata},
 * reflection on a private field of openhtmltopdf 1.1 — {@code PdfA2bTest} fails loudly if a new version renames or
 * moves it); rendering and saving are split (openhtmltopdf's {@code createPDFWithoutClosing}, then our {@code save})
 * so this adds the metadata from a template between them.
 */
final class PdfA2b {

    /** PDF/A-2 is based on PDF 1.7 (openhtmltopdf's PDFA_2_B writes it). */
    static final float PDF_VERSION = 1.7f;

    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** The XMP openhtmltopdf 1.1 writes for PDF/A-2b (same elements, order and extension schema), with three fields. */
    private static final String TEMPLATE = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" \
            xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="">
                  <pdfaid:conformance>B</pdfaid:conformance>
                  <pdfaid:part>2</pdfaid:part>
                </rdf:Description>
                <rdf:Description rdf:about="">
                  <pdf:PDFVersion>1.7</pdf:PDFVersion>
                  <pdf:Producer>{{producer}}</pdf:Producer>
                </rdf:Description>
                <rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" rdf:about="">
                  <xmp:CreateDate>{{created}}</xmp:CreateDate>
                </rdf:Description>
                <rdf:Description rdf:about="">
                  <dc:format>application/pdf</dc:format>{{title}}
                </rdf:Description>
                <rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" rdf:about="">
                  <pdfaExtension:schemas>
                    <rdf:Bag>
                      <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>Adobe PDF Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://ns.adobe.com/pdf/1.3/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdf</pdfaSchema:prefix>
                        <pdfaSchema:property>
                          <rdf:Seq>
                            <rdf:li rdf:parseType="Resource">
                              <pdfaProperty:name>PDFVersion</pdfaProperty:name>
                              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                              <pdfaProperty:category>internal</pdfaProperty:category>
                              <pdfaProperty:description>The PDF file version.</pdfaProperty:description>
                            </rdf:li>
                            <rdf:li rdf:parseType="Resource">
                              <pdfaProperty:name>Keywords</pdfaProperty:name>
                              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                              <pdfaProperty:category>external</pdfaProperty:category>
                              <pdfaProperty:description>Keywords.</pdfaProperty:description>
                            </rdf:li>
                            <rdf:li rdf:parseType="Resource">
                              <pdfaProperty:name>Producer</pdfaProperty:name>
                              <pdfaProperty:valueType>AgentName</pdfaProperty:valueType>
                              <pdfaProperty:category>internal</pdfaProperty:category>
                              <pdfaProperty:description>The name of the tool that created the PDF document.</pdfaProperty:description>
                            </rdf:li>
                          </rdf:Seq>
                        </pdfaSchema:property>
                      </rdf:li>
                      <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/A ID Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfa/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                          <rdf:Seq>
                            <rdf:li rdf:parseType="Resource">
                              <pdfaProperty:name>part</pdfaProperty:name>
                              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                              <pdfaProperty:category>internal</pdfaProperty:category>
                              <pdfaProperty:description>Part of PDF/A standard</pdfaProperty:description>
                            </rdf:li>
                            <rdf:li rdf:parseType="Resource">
                              <pdfaProperty:name>conformance</pdfaProperty:name>
                              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                              <pdfaProperty:category>internal</pdfaProperty:category>
                              <pdfaProperty:description>Conformance level of PDF/A standard</pdfaProperty:description>
                            </rdf:li>
                          </rdf:Seq>
                        </pdfaSchema:property>
                      </rdf:li>
                    </rdf:Bag>
                  </pdfaExtension:schemas>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta><?xpacket end="w"?>""";

    /** openhtmltopdf's PdfBoxRenderer._pdfAConformance: read by writePDFFast only to decide on the XMP (addPdfASchema). */
    private static final java.lang.invoke.VarHandle RENDERER_CONFORMANCE;

    static {
        try {
            RENDERER_CONFORMANCE = java.lang.invoke.MethodHandles.privateLookupIn(PdfBoxRenderer.class, java.lang.invoke.MethodHandles.lookup())
                    .findVarHandle(PdfBoxRenderer.class, "_pdfAConformance", PdfRendererBuilder.PdfAConformance.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("openhtmltopdf changed: PdfBoxRenderer has no _pdfAConformance field to leave the PDF/A "
                    + "metadata to us (see PdfA2b): " + e);
        }
    }

    private PdfA2b() {
    }

    /**
     * The renderer, built in a PDF/A mode, told not to write the PDF/A metadata itself: {@link #apply} writes it.
     *
     * @throws IllegalStateException when the renderer was not built with a conformance level
     */
    static PdfBoxRenderer withoutItsMetadata(PdfBoxRenderer renderer) {
        Object level = RENDERER_CONFORMANCE.get(renderer);
        if (level != PdfRendererBuilder.PdfAConformance.PDFA_2_B) {
            throw new IllegalStateException("the renderer is not in PDF/A-2b mode but " + level);
        }
        RENDERER_CONFORMANCE.set(renderer, PdfRendererBuilder.PdfAConformance.NONE);
        return renderer;
    }

    /**
     * Adds the PDF/A-2b metadata to a rendered document before it is saved: the creation time (to the second, the
     * same in the information dictionary and the XMP), the title and producer the renderer put in the information
     * dictionary, {@code language} (the XHTML's {@code lang}) for the catalog.
     *
     * @throws IllegalStateException when a font is not embedded (PDF/A requires every font embedded)
     */
    static void apply(PDDocument pdf, String language) throws IOException {
        for (PDPage page : pdf.getPages()) {
            // read as COS: making PDFont objects of a font not yet subset makes PDFBox look for a substitute font
            COSDictionary fonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
            for (COSName name : fonts == null ? java.util.Set.<COSName>of() : fonts.keySet()) {
                COSDictionary font = fonts.getCOSDictionary(name);
                // ours is a Type 0 font, subset and embedded at save; anything else must carry its font file already
                if (font != null && !COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE)) && !embedded(font)) {
                    throw new IllegalStateException("font " + font.getNameAsString(COSName.BASE_FONT)
                            + " is not embedded: the document would not be PDF/A");
                }
            }
        }
        PDDocumentInformation info = pdf.getDocumentInformation();
        ZonedDateTime created = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        info.setCreationDate(GregorianCalendar.from(created));
        String title = info.getTitle();
        String xmp = TEMPLATE.replace("{{producer}}", escape(info.getProducer() == null ? "" : info.getProducer()))
                .replace("{{created}}", XMP_DATE.format(created))
                .replace("{{title}}", title == null || title.isEmpty() ? "" : """

                              <dc:title>
                                <rdf:Alt>
                                  <rdf:li xml:lang="x-default">%s</rdf:li>
                                </rdf:Alt>
                              </dc:title>""".formatted(escape(title)));
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setMetadata(new PDMetadata(pdf, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8))));
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setLanguage(language == null || language.isEmpty() ? "EN-US" : language);
        catalog.setViewerPreferences(new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary()));
        catalog.getViewerPreferences().setDisplayDocTitle(true);
        pdf.setVersion(PDF_VERSION);
    }

    private static boolean embedded(COSDictionary font) {
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        return descriptor != null && (descriptor.containsKey(COSName.FONT_FILE) || descriptor.containsKey(COSName.FONT_FILE2)
                || descriptor.containsKey(COSName.FONT_FILE3));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
