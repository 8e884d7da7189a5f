package no.kraft.cis.e2e;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What left the application in an end-to-end test, opened the way the customer or the print partner would: mails the
 * real SMTP server (GreenMail) received, their attachment and HTML, a PDF's text, a print batch's zip.
 */
final class Outgoing {

    private Outgoing() {
    }

    /** The mails received for this address, in the order they arrived. */
    static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The mail's one attachment; fails the test when it has none. */
    static byte[] attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no attachment");
    }

    /** Every text/html part of the mail, joined. */
    static String html(MimeMessage mail) throws Exception {
        StringBuilder out = new StringBuilder();
        collectHtml(mail, out);
        return out.toString();
    }

    private static void collectHtml(Part part, StringBuilder out) throws Exception {
        if (part.isMimeType("text/html")) {
            out.append(part.getContent());
        } else if (part.getContent() instanceof Multipart m) {
            for (int i = 0; i < m.getCount(); i++) {
                collectHtml(m.getBodyPart(i), out);
            }
        }
    }

    /** A PDF's text with its whitespace (no-break spaces too) folded to single spaces. */
    static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    /** A zip's entries by name. */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
