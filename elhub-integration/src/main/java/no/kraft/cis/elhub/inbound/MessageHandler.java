package no.kraft.cis.elhub.inbound;

import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What one kind of business message from Elhub does here: how it is read (streaming, from its root start tag to its end
 * tag) and what applying it changes. {@link #apply} runs in a transaction with the record that it was applied.
 *
 * @param <T> the message as read
 */
public interface MessageHandler<T> {

    /** The message's root element: namespace and local name. */
    String namespace();

    String root();

    /** Reads the message; {@code null} when {@code seen} knows its Identification (it is skipped after its header). */
    T read(XMLStreamReader message, Predicate<String> seen) throws XMLStreamException;

    String messageId(T message);

    String process(T message);

    /** The metering point a person looking at a failure would search for, if there is one. */
    String meteringPoint(T message);

    /** Applies the message and says what it did (stored as the message's detail). */
    String apply(T message);
}
