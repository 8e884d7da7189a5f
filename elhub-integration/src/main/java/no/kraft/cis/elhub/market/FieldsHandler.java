package no.kraft.cis.elhub.market;

import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.inbound.MessageHandler;
import no.kraft.cis.elhub.metering.InvalidMessage;

/**
 * A market message read flat ({@link MessageFields}): its root in namespace {@code urn:no:elhub:emif:<area>:<root>:v2},
 * the header's Identification, the process, and the metering point it is about. Subclasses say what applying it does.
 */
abstract class FieldsHandler implements MessageHandler<MessageFields> {

    private final String namespace;
    private final String root;

    FieldsHandler(String area, String root) {
        this(area, root, false);
    }

    /** With {@code namespaceGiven}, {@code area} is the whole namespace (Acknowledgement's has no area). */
    FieldsHandler(String area, String root, boolean namespaceGiven) {
        this.namespace = namespaceGiven ? area : "urn:no:elhub:emif:" + area + ":" + root + ":v2";
        this.root = root;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String root() {
        return root;
    }

    @Override
    public MessageFields read(XMLStreamReader message, Predicate<String> seen) throws XMLStreamException {
        MessageFields fields = MessageFields.read(message, seen);
        if (fields != null && fields.messageId() == null) {
            throw new InvalidMessage("message.identification", root + " without a header Identification");
        }
        return fields;
    }

    @Override
    public String messageId(MessageFields m) {
        return m.messageId();
    }

    @Override
    public String process(MessageFields m) {
        return m.process();
    }

    /** The first 18-digit Identification: the metering point. */
    @Override
    public String meteringPoint(MessageFields m) {
        return m.all("Identification").stream().filter(v -> v.matches("\\d{18}")).findFirst().orElse(null);
    }
}
