package no.kraft.cis.payment.file;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.rule.InvalidValueException;

/**
 * An XML element read into memory, addressed by local names so that any namespace version reads alike.
 *
 * @param text       the element's own character content, stripped ("" when none)
 * @param attributes by local name
 * @param line       where the element starts, for messages
 */
record XmlElement(String name, String namespace, Map<String, String> attributes, String text,
        List<XmlElement> children, int line) {

    /**
     * Parses with the JDK's own StAX reader. A document type declaration is refused outright, so neither external
     * entities (XXE) nor entity expansion can happen.
     */
    static XmlElement parse(byte[] content) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
            Deque<Builder> open = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new InvalidValueException("paymentFile.format",
                            "line " + reader.getLocation().getLineNumber()
                                    + ": a document type declaration (DOCTYPE) is not allowed in a payment file");
                    case XMLStreamConstants.START_ELEMENT -> open.push(new Builder(reader));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlElement element = open.pop().build();
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                    }
                    default -> { }
                }
            }
            if (root == null) {
                throw new InvalidValueException("paymentFile.format", "the XML document has no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            throw new InvalidValueException("paymentFile.format", "line " + line + ": " + no.kraft.cis.rule.ParserMessages.xml(e));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but the byte array
                }
            }
        }
    }

    /** The first child of that local name, or {@code null}. */
    XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    /** The element at the path of local names below this one, or {@code null} when a step is missing. */
    XmlElement find(String... path) {
        XmlElement element = this;
        for (String step : path) {
            element = element.child(step);
            if (element == null) {
                return null;
            }
        }
        return element;
    }

    /** The stripped text at the path, or {@code null} when the element is missing or empty. */
    String text(String... path) {
        XmlElement element = find(path);
        return element == null || element.text.isEmpty() ? null : element.text;
    }

    /** All children of that local name, in document order. */
    List<XmlElement> all(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    private static final class Builder {
        final String name;
        final String namespace;
        final Map<String, String> attributes = new HashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<XmlElement> children = new ArrayList<>();
        final int line;

        Builder(XMLStreamReader reader) {
            name = reader.getLocalName();
            namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            line = reader.getLocation().getLineNumber();
        }

        XmlElement build() {
            return new XmlElement(name, namespace, Map.copyOf(attributes), text.toString().strip(), List.copyOf(children), line);
        }
    }
}
