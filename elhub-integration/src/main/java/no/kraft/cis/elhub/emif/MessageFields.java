package no.kraft.cis.elhub.emif;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small EMIF message read flat (streaming): the header's Identification, the process, and every leaf element's
 * text by its local name and by {@code parent/local name}, in document order — enough for confirmations, rejections
 * and notifications (e.g. {@code GridAccessProviderInvolvedEnergyParty/Identification}). Leaves the reader on the
 * message's end tag.
 */
public record MessageFields(String messageId, String process, Map<String, List<String>> leaves) {

    /** {@code null} when {@code seen} knows the message's Identification (it is skipped after its header). */
    public static MessageFields read(XMLStreamReader r, Predicate<String> seen) throws XMLStreamException {
        Map<String, List<String>> leaves = new HashMap<>();
        String id = null;
        int depth = 1;
        String open = null;
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        path.push(r.getLocalName());
        StringBuilder text = new StringBuilder();
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                open = r.getLocalName();
                path.push(open);
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                path.pop();
                if (open != null && open.equals(r.getLocalName())) {
                    String value = text.toString().strip();
                    leaves.computeIfAbsent(open, k -> new ArrayList<>()).add(value);
                    if (!path.isEmpty()) {
                        leaves.computeIfAbsent(path.peek() + "/" + open, k -> new ArrayList<>()).add(value);
                    }
                    if (id == null && open.equals("Identification") && depth == 3) {
                        id = value;
                        if (seen.test(id)) {
                            skipRest(r, depth - 1);
                            return null;
                        }
                    }
                }
                open = null;
                depth--;
            }
        }
        List<String> process = leaves.getOrDefault("EnergyBusinessProcess", List.of());
        return new MessageFields(id, process.isEmpty() ? null : process.getFirst(), leaves);
    }

    public String first(String localName) {
        List<String> values = leaves.get(localName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public List<String> all(String localName) {
        return leaves.getOrDefault(localName, List.of());
    }

    private static void skipRest(XMLStreamReader r, int depth) throws XMLStreamException {
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
