package no.kraft.cis.elhub.emif;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A SOAP fault from EMIF: the message failed Elhub's first validation step (schema, security, UUID, size, …), so it
 * is an integration error for IT, not work for customer service. Carries Elhub's {@code ElhubSOAPFault} fields when
 * the fault has them.
 *
 * @param codeGroup XSD, Compression, Security, System, UUID, Size, Date or Other; {@code null} when not given
 */
public class EmifFault extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("\\b(EH\\d{3})\\b");

    private final int status;
    private final String codeGroup;
    private final String code;
    private final String answer;

    public EmifFault(int status, String codeGroup, String code, String description, String answer) {
        super(description);
        this.status = status;
        this.codeGroup = codeGroup;
        this.code = code;
        this.answer = answer;
    }

    static EmifFault of(int status, String answer) {
        try {
            Document d = no.kraft.cis.elhub.lookup.EmifLookup.parse(answer);
            String group = text(d, "CodeGroup");
            String description = text(d, "Description");
            String faultString = text(d, "faultstring");
            String all = d.getDocumentElement().getTextContent();
            Matcher m = CODE.matcher(all);
            return new EmifFault(status, group, m.find() ? m.group(1) : null,
                    description != null ? description : faultString != null ? faultString : "SOAP fault", answer);
        } catch (RuntimeException unreadable) {
            return new EmifFault(status, null, null, "unreadable SOAP fault", answer);
        }
    }

    private static String text(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0) {
            nodes = d.getElementsByTagName(localName);
        }
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    public int status() {
        return status;
    }

    public String codeGroup() {
        return codeGroup;
    }

    public String code() {
        return code;
    }

    public String answer() {
        return answer;
    }
}
