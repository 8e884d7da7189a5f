package no.kraft.cis.elhub.emif;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * Elhub's BIM 2.3 schemas (the XSDs Elhub publishes, read from a folder — in this project
 * {@code ../shared/samples/elhub/bim-2.3}, never copied into it): validates one EMIF message by the schema its root
 * namespace names ({@code urn:no:elhub:emif:<area>:<Message>:v2} → {@code bim/<area>/<Message>.xsd}). The schemas use
 * {@code maxOccurs="9999"}, which the JDK's secure processing refuses to compile ("more than 5,000 nodes"); the limit
 * is lifted for these trusted files only, everything else keeps secure processing.
 */
public final class EmifSchemas {

    private static final Pattern NAMESPACE = Pattern.compile("urn:no:elhub:emif:(?:([a-z]+):)?([A-Za-z]+):v2");

    private final Path root;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private EmifSchemas(Path root) {
        this.root = root;
    }

    /** The schemas in {@code folder} (the one holding {@code bim/}). */
    public static EmifSchemas in(Path folder) {
        if (!Files.isDirectory(folder.resolve("bim"))) {
            throw new IllegalArgumentException(folder + " holds no bim/ folder of Elhub XSDs");
        }
        return new EmifSchemas(folder);
    }

    /** The schemas where this project keeps them beside its checkout, if that folder is on this machine. */
    public static Optional<EmifSchemas> beside() {
        for (Path candidate : List.of(Path.of("../shared/samples/elhub/bim-2.3"), Path.of("../../shared/samples/elhub/bim-2.3"))) {
            if (Files.isDirectory(candidate.resolve("bim"))) {
                return Optional.of(new EmifSchemas(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Validates one message; the message's root element declares the namespace of its schema (as every EMIF message
     * does). A message outside the BIM (no {@code urn:no:elhub:emif:} namespace on its root) is refused.
     *
     * @throws SAXException with the schema's complaint, line and column
     */
    public void validate(String message) throws SAXException {
        String namespace = rootNamespace(message);
        Schema schema = schemas.computeIfAbsent(namespace, this::compile);
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(message)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates a message element where it stands (inside a SOAP envelope, a poll batch) as a document of its own. */
    public void validate(org.w3c.dom.Element message) throws SAXException {
        validate(no.kraft.cis.elhub.lookup.EmifLookup.serialise(alone(message)));
    }

    /** A copy of {@code element} as a document of its own, its namespaces declared on it. */
    public static org.w3c.dom.Document alone(org.w3c.dom.Element element) {
        try {
            org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder().newDocument();
            d.appendChild(d.importNode(element, true));
            return d;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rootNamespace(String message) {
        try {
            var reader = no.kraft.cis.elhub.metering.ValidatedDataReader.factory().createXMLStreamReader(new StringReader(message));
            while (reader.hasNext()) {
                if (reader.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    return reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                }
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no root element");
    }

    private Schema compile(String namespace) {
        Matcher m = NAMESPACE.matcher(namespace);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an EMIF message namespace: " + namespace);
        }
        Path xsd = m.group(1) == null ? root.resolve("bim").resolve(m.group(2) + ".xsd")
                : root.resolve("bim").resolve(m.group(1)).resolve(m.group(2) + ".xsd");
        if (!Files.isRegularFile(xsd)) {
            throw new IllegalArgumentException("no schema for " + namespace + " (looked for " + xsd + ")");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // Elhub's own files: maxOccurs="9999" needs the JDK's occurrence limit lifted (jdk.xml.maxOccurLimit=0)
            factory.setProperty("jdk.xml.maxOccurLimit", 0);
            return factory.newSchema(xsd.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("Elhub's schema " + xsd + " does not compile: " + e.getMessage(), e);
        }
    }
}
