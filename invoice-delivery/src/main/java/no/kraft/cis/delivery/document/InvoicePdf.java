package no.kraft.cis.delivery.document;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders an {@link InvoiceDocument} to PDF/A-2b through our template ({@link InvoiceTemplate}) with openhtmltopdf on
 * PDFBox: Liberation Sans (shipped in PDFBox, covers æøå) embedded, Java's sRGB profile as output intent. Norwegian
 * formats: amounts {@code 1 234,56}, dates {@code 31.03.2026}, periods shown with their last day (the stored end is
 * exclusive). Pure: the same document gives the same layout (the PDF's creation time aside).
 *
 * <p>What is the same for every document is made once, not per document (a profile of 2 000 invoices found a third of
 * the time there): the font file is parsed once per rendering thread and reused (a parsed font is not thread-safe, so
 * a small pool lends one to each render), and embedded once per document as a subset for both weights (it is one
 * file); the merged XHTML is parsed with a reused parser instead of openhtmltopdf's own (a new parser factory and an
 * identity transformation per document); the PDF/A metadata is a template filled per document ({@link PdfA2b})
 * instead of openhtmltopdf's xmpbox-built one; and the render runs under the JDK's own XML factories ({@link JdkXml})
 * instead of a search of every jar's {@code META-INF/services} that ends in a new Saxon configuration.
 */
public final class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    static {
        // openhtmltopdf logs at INFO on every document ("Loading font …"): its warnings are what we want to see
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private final InvoiceTemplate template;
    private final byte[] font;
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public InvoicePdf(InvoiceTemplate template) {
        this.template = template;
        try (InputStream in = InvoicePdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT + " is not on the classpath");
            }
            // without glyph substitution: see TrueTypeTables (more than half of the rendering time went to it)
            this.font = TrueTypeTables.without(in.readAllBytes(), java.util.Set.of("GSUB"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] render(InvoiceDocument d) {
        return renderXhtml(template.merge(values(d)));
    }

    /**
     * Any XHTML of ours (a dunning notice's letter) as PDF/A-2b with the same font and colour profile as the invoice,
     * so every letter to the customer looks alike.
     */
    public byte[] renderXhtml(String html) {
        return JdkXml.around(() -> renderHere(html));
    }

    private byte[] renderHere(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        TrueTypeFont parsed = fonts.poll();
        try (PDDocument pdf = new PDDocument()) {
            if (parsed == null) {
                parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
            }
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(pdf);
            // PDF/A-2b for fonts and colours; the metadata is PdfA2b's template, not openhtmltopdf's (see PdfA2b)
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgb);
            // one embedded subset serves both weights: they are the same file
            PDFontSupplier liberation = new PDFontSupplier(PDType0Font.load(pdf, parsed, true));
            for (int weight : new int[] {400, 700}) {
                builder.useFont(liberation, "Liberation Sans", weight,
                        com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            org.w3c.dom.Document xhtml = XHTML.get().parse(html);
            builder.withW3cDocument(xhtml, null);
            builder.withProducer("Kraft CIS");
            try (PdfBoxRenderer renderer = PdfA2b.withoutItsMetadata(builder.buildPdfRenderer())) {
                renderer.createPDFWithoutClosing();
                PdfA2b.apply(pdf, xhtml.getDocumentElement().getAttribute("lang"));
                pdf.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (parsed != null) {
                fonts.offer(parsed);
            }
        }
        return out.toByteArray();
    }

    /** Parsed fonts lent to renders, one per render at a time: as many as renders ran at once. */
    private final java.util.concurrent.ConcurrentLinkedQueue<TrueTypeFont> fonts = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The merged template as a DOM: a parser per thread (parsers are not thread-safe), no DTD read, no entity expanded. */
    private static final ThreadLocal<Xhtml> XHTML = ThreadLocal.withInitial(Xhtml::new);

    private static final class Xhtml {

        private final javax.xml.parsers.DocumentBuilder parser;

        Xhtml() {
            try {
                javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
                factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                factory.setExpandEntityReferences(false);
                factory.setXIncludeAware(false);
                parser = factory.newDocumentBuilder();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }

        org.w3c.dom.Document parse(String html) throws IOException {
            try {
                parser.reset();
                return parser.parse(new org.xml.sax.InputSource(new java.io.StringReader(html)));
            } catch (org.xml.sax.SAXException e) {
                throw new IllegalStateException("the merged invoice template is not well-formed XHTML: " + e.getMessage(), e);
            }
        }
    }

    static Map<String, String> values(InvoiceDocument d) {
        boolean credit = d.kind() == InvoiceDocument.Kind.CREDIT_NOTE;
        Map<String, String> v = new HashMap<>();
        v.put("title", credit ? "Kreditnota" : "Faktura");
        v.put("invoiceNumber", String.valueOf(d.invoiceNumber()));
        v.put("customerNumber", String.valueOf(d.buyer().customerNumber()));
        v.put("issueDate", date(d.issueDate()));
        v.put("period", period(d.periodFrom(), d.periodTo()));
        v.put("dueDate", date(d.dueDate()));
        v.put("kid", d.kid());
        v.put("bankAccount", account(d.seller().bankAccount()));
        v.put("sellerName", d.seller().name());
        v.put("sellerAddress", d.seller().street() + ", " + d.seller().postcode() + " " + d.seller().city());
        v.put("sellerOrganisationNumber", organisationNumber(d.seller().organisationNumber()));
        v.put("sellerEmail", d.seller().email());
        v.put("sellerPhone", d.seller().phone());
        v.put("sellerWebsite", d.seller().website());
        v.put("buyerName", d.buyer().name());
        v.put("buyerAddress", d.buyer().street() + ", " + d.buyer().postcode() + " " + d.buyer().city());
        v.put("agreementName", d.agreement().productName());
        v.put("agreementDuration", d.agreement().duration());
        v.put("priceGuarantee", d.agreement().priceGuarantee());
        v.put("changeNotice", d.agreement().changeNotice());
        v.put("netAmount", money(d.netAmount()));
        v.put("vatAmount", money(d.vatAmount()));
        v.put("totalAmount", money(d.totalAmount()));
        v.put("totalLabel", credit ? "Til gode" : d.totalAmount().signum() < 0 ? "Til gode" : "Å betale");
        v.put("creditNoteReference", credit && d.creditsInvoiceNumber() != null
                ? "<p>Krediterer faktura " + d.creditsInvoiceNumber() + ".</p>" : "");
        v.put("paymentInstruction", credit || d.totalAmount().signum() <= 0
                ? "Beløpet " + money(d.totalAmount().abs()) + " kr går til gode på kontoen din hos oss og trekkes fra neste faktura."
                : "Betal " + money(d.totalAmount()) + " kr til konto " + account(d.seller().bankAccount()) + " med KID "
                        + InvoiceTemplate.escape(d.kid()) + " innen " + date(d.dueDate()) + ".");
        v.put("meteringPoints", points(d));
        v.put("vatSummary", vat(d));
        return v;
    }

    private static String points(InvoiceDocument d) {
        StringBuilder html = new StringBuilder();
        for (InvoiceDocument.MeteringPointPart p : d.points()) {
            html.append("<h2>Målepunkt ").append(InvoiceTemplate.escape(p.meteringPointId())).append("</h2><p>")
                    .append(InvoiceTemplate.escape(p.address())).append("</p><table><tr><th class=\"what\">Hva</th><th class=\"when\">Periode</th>"
                            + "<th class=\"n qty\">Mengde</th><th class=\"n price\">Pris</th><th class=\"n amount\">Beløp</th>"
                            + "<th class=\"n vat\">Mva</th></tr>");
            for (InvoiceDocument.Line l : p.lines()) {
                html.append("<tr><td>").append(InvoiceTemplate.escape(l.text())).append("</td><td>").append(period(l.from(), l.to()))
                        .append("</td><td class=\"n\">").append(quantity(l.quantity())).append(' ').append(InvoiceTemplate.escape(unit(l.unit())))
                        .append("</td><td class=\"n\">").append(price(l.unitPrice())).append("</td><td class=\"n\">").append(money(l.netAmount()))
                        .append("</td><td class=\"n\">").append(percent(l.vatRate())).append("</td></tr>");
            }
            html.append("</table>");
            InvoiceDocument.Explanation e = p.explanation();
            if (e != null) {
                boolean norgespris = e.scheme().equals("NORGESPRIS");
                html.append("<div class=\"why\"><b>Hvorfor dette beløpet:</b> ").append(norgespris ? "Norgespris" : "Strømstøtte")
                        .append(" gjaldt ").append(quantity(e.coveredKwh())).append(" kWh av ").append(quantity(e.consumedKwh()))
                        .append(" kWh brukt denne måneden");
                if (e.capKwh() != null) {
                    html.append(" (taket er ").append(quantity(e.capKwh())).append(" kWh i måneden)");
                }
                html.append(". ");
                if (e.averagePerKwh() != null) {
                    html.append("Prissikringen ble i snitt ").append(price(e.averagePerKwh())).append(" kr per kWh, til sammen ")
                            .append(money(e.amount())).append(" kr").append(e.amount().signum() < 0 ? " (du betaler differansen)" : " i din favør")
                            .append('.');
                }
                html.append("</div>");
            }
        }
        return html.toString();
    }

    private static String vat(InvoiceDocument d) {
        StringBuilder html = new StringBuilder("<table><tr><th>Sats</th><th class=\"n\">Grunnlag</th><th class=\"n\">Mva</th></tr>");
        for (InvoiceDocument.VatRow r : d.vat()) {
            html.append("<tr><td>").append(percent(r.rate())).append("</td><td class=\"n\">").append(money(r.base()))
                    .append("</td><td class=\"n\">").append(money(r.vat())).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    /** An amount as the documents show it ({@code 1 234,56}). */
    public static String moneyOf(BigDecimal amount) {
        return money(amount);
    }

    /** A date as the documents show it ({@code 31.03.2026}). */
    public static String dateOf(LocalDate day) {
        return date(day);
    }

    private static String unit(String unit) {
        return switch (unit) {
            case "month" -> "mnd";
            case "day" -> "dag";
            default -> unit;
        };
    }

    static String money(BigDecimal amount) {
        return format(amount.setScale(2, RoundingMode.HALF_UP), "#,##0.00");
    }

    private static String price(BigDecimal amount) {
        return format(amount, amount.scale() > 2 ? "#,##0.00####" : "#,##0.00");
    }

    private static String quantity(BigDecimal q) {
        return format(q, "#,##0.###");
    }

    private static String percent(BigDecimal rate) {
        return format(rate.movePointRight(2), "0.##") + " %";
    }

    private static String format(BigDecimal value, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('−');
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setParseBigDecimal(true);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    static String date(LocalDate day) {
        return day == null ? "" : day.format(DATE);
    }

    /** A half-open period shown with its last day. */
    static String period(LocalDate from, LocalDate toExclusive) {
        return date(from) + "–" + date(toExclusive == null ? null : toExclusive.minusDays(1));
    }

    private static String account(String account) {
        return InvoiceTemplate.escape(accountOf(account));
    }

    /** A Norwegian account number as people write it, {@code 1234.56.78903}; anything not of 11 digits as it is. */
    public static String accountOf(String account) {
        return account != null && account.matches("\\d{11}") ? account.substring(0, 4) + "." + account.substring(4, 6) + "." + account.substring(6)
                : account;
    }

    private static String organisationNumber(String number) {
        return number != null && number.matches("\\d{9}") ? number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6)
                : InvoiceTemplate.escape(number);
    }
}
