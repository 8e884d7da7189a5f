package no.kraft.cis.elhub.metering;

import no.kraft.cis.elhub.lookup.EmifLookup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The BIM message inside a SOAP envelope we send (Body → the WSDL's request element → the message), on its own. */
public final class SentMessages {

    private SentMessages() {
    }

    public static String message(String envelope) throws Exception {
        Document d = EmifLookup.parse(envelope);
        Element body = (Element) d.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        Element wrapper = firstElement(body);
        Element message = firstElement(wrapper);
        return EmifLookup.serialise(no.kraft.cis.elhub.emif.EmifSchemas.alone(message));
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalArgumentException("no element in " + parent.getLocalName());
    }

    /** Elhub's schemas, or the test is skipped with a message when ../shared is not beside the checkout. */
    public static no.kraft.cis.elhub.emif.EmifSchemas schemas() {
        return ElhubSamples.schemas();
    }
}
