package no.kraft.cis.delivery.document;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editable XHTML template of our invoice and credit note ({@code templates/invoice.html}), with merge fields
 * written {@code {{key}}}. Loading checks every field the template names against {@link #FIELDS}; an unknown one is
 * refused, so a typo is found at start-up, not on a customer's invoice. Scalar values are HTML-escaped; the block
 * fields ({@link #BLOCKS}: the metering points with their lines, the VAT summary, the credit note's reference, the
 * payment instruction) are XHTML made by {@link InvoicePdf}.
 */
public final class InvoiceTemplate {

    /** The scalar fields. */
    public static final Set<String> FIELDS = Set.of("title", "invoiceNumber", "customerNumber", "issueDate", "period", "dueDate", "kid",
            "bankAccount", "sellerName", "sellerAddress", "sellerOrganisationNumber", "sellerEmail", "sellerPhone", "sellerWebsite",
            "buyerName", "buyerAddress", "agreementName", "agreementDuration", "priceGuarantee", "changeNotice", "netAmount", "vatAmount",
            "totalAmount", "totalLabel");

    /** The block fields: markup, not escaped. */
    public static final Set<String> BLOCKS = Set.of("meteringPoints", "vatSummary", "creditNoteReference", "paymentInstruction");

    private static final Pattern SHARED_STYLE = Pattern.compile("\\{\\{>\\s*([A-Za-z0-9_-]+\\.css)\\s*}}");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");

    private final String html;

    private InvoiceTemplate(String html) {
        this.html = html;
    }

    /** @throws IllegalArgumentException naming the unknown merge fields, when the template names any */
    public static InvoiceTemplate load(String html) {
        html = withSharedStyles(html);
        Set<String> unknown = unknownFields(html, FIELDS, BLOCKS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the invoice template names unknown merge fields " + unknown + "; known are "
                    + new TreeSet<>(FIELDS) + " and the blocks " + new TreeSet<>(BLOCKS));
        }
        return new InvoiceTemplate(html);
    }

    public static InvoiceTemplate classpath() {
        try (var in = InvoiceTemplate.class.getResourceAsStream("/templates/invoice.html")) {
            return load(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code html} with each {@code {{> name.css}}} replaced by {@code templates/name.css}: the style the invoice and
     * the letters share ({@code document.css}: page, sum rows, header table, payment box, small print) and the letters
     * share beyond it ({@code letter.css}: body, h1, cells), kept in one place. Done once, when a template is loaded,
     * so a rendered document carries the same CSS as when each template spelt it out — openhtmltopdf parses no more.
     *
     * @throws IllegalArgumentException naming a stylesheet that is not in {@code templates/}
     */
    public static String withSharedStyles(String html) {
        Matcher m = SHARED_STYLE.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 1024);
        while (m.find()) {
            try (var in = InvoiceTemplate.class.getResourceAsStream("/templates/" + m.group(1))) {
                if (in == null) {
                    throw new IllegalArgumentException("the template includes templates/" + m.group(1) + ", which does not exist");
                }
                String css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                m.appendReplacement(out, Matcher.quoteReplacement(css.endsWith("\n") ? css.substring(0, css.length() - 1) : css));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The template with every field replaced; a field without a value becomes empty. */
    String merge(Map<String, String> values) {
        return merge(html, BLOCKS, values);
    }

    /**
     * The merge fields ({@code {{key}}}) an HTML template of ours names that are neither {@code fields} nor
     * {@code blocks}, sorted — any letter's template is checked with it when it is loaded.
     */
    public static Set<String> unknownFields(String html, Set<String> fields, Set<String> blocks) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = FIELD.matcher(html);
        while (m.find()) {
            if (!fields.contains(m.group(1)) && !blocks.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** {@code html} with every field replaced, escaped unless it is one of {@code blocks}; without a value, empty. */
    public static String merge(String html, Set<String> blocks, Map<String, String> values) {
        Matcher m = FIELD.matcher(html);
        StringBuilder out = new StringBuilder(html.length() * 2);
        while (m.find()) {
            String key = m.group(1);
            String value = values.getOrDefault(key, "");
            m.appendReplacement(out, Matcher.quoteReplacement(blocks.contains(key) ? value : escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
