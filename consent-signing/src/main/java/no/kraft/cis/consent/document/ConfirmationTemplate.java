package no.kraft.cis.consent.document;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editable HTML template of our order confirmation (ordrebekreftelse), with merge fields written {@code {{key}}}
 * (see {@link MergeField}). Loading checks every field the template names; an unknown one is refused, so a typo is
 * found when the template is loaded, not when a customer gets a PDF with a hole in it. Values are HTML-escaped.
 */
public final class ConfirmationTemplate {

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");

    private final String html;
    private final Set<MergeField> fields;

    private ConfirmationTemplate(String html, Set<MergeField> fields) {
        this.html = html;
        this.fields = fields;
    }

    /** A template that names an unknown merge field. */
    public static final class UnknownMergeField extends IllegalArgumentException {
        private final Set<String> unknown;

        UnknownMergeField(Set<String> unknown) {
            super("the template names unknown merge fields " + unknown + "; known are "
                    + java.util.Arrays.stream(MergeField.values()).map(MergeField::key).toList());
            this.unknown = unknown;
        }

        public Set<String> unknown() {
            return unknown;
        }
    }

    /** @throws UnknownMergeField when the template names a field that does not exist */
    public static ConfirmationTemplate load(String html) {
        Set<MergeField> named = EnumSet.noneOf(MergeField.class);
        Set<String> unknown = new TreeSet<>();
        Matcher m = FIELD.matcher(html);
        while (m.find()) {
            MergeField.ofKey(m.group(1)).ifPresentOrElse(named::add, () -> unknown.add(m.group(1)));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownMergeField(unknown);
        }
        return new ConfirmationTemplate(html, named);
    }

    /** The merge fields the template uses. */
    public Set<MergeField> fields() {
        return fields;
    }

    /** The template with every field replaced by its HTML-escaped value (a missing value becomes empty). */
    public String merge(Map<MergeField, String> values) {
        Map<MergeField, String> all = new EnumMap<>(MergeField.class);
        all.putAll(values);
        Matcher m = FIELD.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = all.getOrDefault(MergeField.ofKey(m.group(1)).orElseThrow(), "");
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value == null ? "" : value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
