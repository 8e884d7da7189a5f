package no.kraft.cis.rule;

import javax.xml.stream.XMLStreamException;

/**
 * What a client is told when its XML does not parse: the line and a plain reason — never the parser's internals (JAXP
 * message codes such as {@code JAXP00010006}, feature URLs, class names), which only help an attacker map the parser.
 */
public final class ParserMessages {

    private ParserMessages() {
    }

    /** A plain reason for the parse error (without its position: the caller names the line). */
    public static String xml(XMLStreamException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        int message = detail.indexOf("Message: ");   // the JDK's text starts with "ParseError at [row,col]:…"
        if (message >= 0) {
            detail = detail.substring(message + 9);
        }
        detail = detail.replaceAll("JAXP\\d+:\\s*", "").replaceAll("\\s+", " ").strip();
        if (detail.contains("DOCTYPE")) {
            return "not well-formed XML: a DOCTYPE declaration is not accepted";
        }
        if (detail.toLowerCase(java.util.Locale.ROOT).contains("entit")) {
            return "not well-formed XML: entity declarations and references are not accepted";
        }
        if (detail.isEmpty() || detail.matches("(?s).*(https?://|\\b[a-z]+\\.[a-z]+\\.[a-z]+\\.[A-Za-z]+|Exception).*")) {
            return "not well-formed XML";
        }
        return "not well-formed XML: " + (detail.length() > 200 ? detail.substring(0, 200) + "…" : detail);
    }
}
