package no.kraft.cis.elhub.inbound;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.UUID;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.XMLEvent;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.elhub.metering.ValidatedDataReader;

/**
 * Walks a stored poll answer ({@code PollForDataResponse}: an Identification, then a {@code ResultDataSet} of business
 * messages) one business message at a time, streaming: nothing of the batch is held but the message being read.
 */
final class BatchReader {

    private BatchReader() {
    }

    /** Reads the business message whose root start tag the reader is on, to its end tag (or throws). */
    interface Visitor {
        void visit(int position, XMLStreamReader message) throws XMLStreamException;
    }

    /** The batch's outer Identification, or {@code null} when the answer says there is nothing (a nil response). */
    static UUID batchId(InputStream answer) {
        try {
            XMLStreamReader r = ValidatedDataReader.factory().createXMLStreamReader(answer);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("PollForDataResponse")) {
                        if ("true".equals(r.getAttributeValue("http://www.w3.org/2001/XMLSchema-instance", "nil"))) {
                            return null;
                        }
                        while (r.hasNext()) {
                            int event = r.next();
                            if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Identification")) {
                                return UUID.fromString(r.getElementText().strip());
                            }
                            if (event == XMLStreamConstants.END_ELEMENT) {
                                return null;   // an empty response element
                            }
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw new InvalidMessage("poll.answer", "the poll answer is not a PollForDataResponse: " + e.getMessage());
        }
        throw new InvalidMessage("poll.answer", "the poll answer holds no PollForDataResponse");
    }

    /**
     * Visits the messages from {@code from} (1-based) on; those before are skipped unread.
     *
     * @return how many messages the batch holds
     * @throws Failed when a visit throws: which message, and why (the walk cannot go on in the same stream)
     */
    static int forEach(InputStream answer, int from, Visitor visitor) throws Failed {
        int position = 0;
        try {
            XMLStreamReader r = ValidatedDataReader.factory().createXMLStreamReader(answer);
            try {
                toResultDataSet(r);
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        break;   // the ResultDataSet ends
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    position++;
                    if (position < from) {
                        skip(r);
                        continue;
                    }
                    try {
                        visitor.visit(position, r);
                    } catch (RuntimeException | XMLStreamException e) {
                        throw new Failed(position, e, false);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | InvalidMessage e) {
            // the batch itself cannot be read on from here (not well-formed, no ResultDataSet): the walk cannot go on
            throw new Failed(Math.max(position, 1), e, true);
        }
        return position;
    }

    /** The message at {@code position} as XML of its own (its namespaces declared on it), for a person to read. */
    static String extract(InputStream answer, int position) {
        try {
            XMLStreamReader r = ValidatedDataReader.factory().createXMLStreamReader(answer);
            toResultDataSet(r);
            int at = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT && ++at == position) {
                    XMLEventReader events = ValidatedDataReader.factory().createXMLEventReader(r);
                    XMLOutputFactory outputs = XMLOutputFactory.newInstance();
                    outputs.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
                    StringWriter out = new StringWriter();
                    XMLEventWriter writer = outputs.createXMLEventWriter(out);
                    int depth = 0;
                    while (events.hasNext()) {
                        XMLEvent e = events.nextEvent();
                        writer.add(e);
                        if (e.isStartElement()) {
                            depth++;
                        } else if (e.isEndElement() && --depth == 0) {
                            break;
                        }
                    }
                    writer.close();
                    return out.toString();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    skip(r);
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return "(the message could not be read back: " + e.getMessage() + ")";
        }
    }

    private static void toResultDataSet(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("ResultDataSet")) {
                return;
            }
        }
        throw new InvalidMessage("poll.answer", "the poll answer holds no ResultDataSet");
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A message the walk stopped at. */
    static final class Failed extends Exception {

        private final int position;
        private final boolean broken;

        Failed(int position, Throwable cause, boolean broken) {
            super(cause.getMessage(), cause);
            this.position = position;
            this.broken = broken;
        }

        int position() {
            return position;
        }

        /** The batch is unreadable from this message on (not one message's fault): nothing after it can be walked. */
        boolean broken() {
            return broken;
        }
    }
}
