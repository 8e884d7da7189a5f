package no.kraft.cis.delivery.distribution;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mailbox our invoice e-mails' bounces come back to (the envelope sender), read over IMAP: each unread delivery
 * status notification (RFC 3464: {@code multipart/report; report-type=delivery-status}) names the original message by
 * its Message-ID (in the returned headers) and says whether the failure is permanent ({@code Status: 5.x.x}) or not
 * (4.x.x: delayed, the server keeps trying — no fallback). A bounce is applied first and marked read after, so one read
 * again after a crash is applied again (the fallback moves once).
 */
public class BounceMailbox {

    /** A permanent failure of one of our mails. */
    public record Bounce(String messageId, String status, String diagnostic) {
    }

    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*<([^>]+)>");

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public BounceMailbox(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Reads the unread notifications, hands each permanent bounce to {@code apply}, then marks it read. How many. */
    public int read(java.util.function.Consumer<Bounce> apply) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "20000");
        int applied = 0;
        try {
            // 993 is IMAP over TLS (a real mailbox); the stand-in speaks plain IMAP on its own port
            Store store = Session.getInstance(props).getStore(port == 993 ? "imaps" : "imap");
            store.connect(host, port, user, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                try {
                    for (Message m : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                        for (Bounce b : bounces(m)) {
                            apply.accept(b);
                            applied++;
                        }
                        m.setFlag(Flags.Flag.SEEN, true);
                    }
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("the bounce mailbox could not be read: " + e.getMessage(), e);
        }
        return applied;
    }

    /** The permanent failures a notification reports (none for a delay, or a mail that is no notification). */
    static List<Bounce> bounces(Message m) throws MessagingException {
        List<Bounce> found = new ArrayList<>();
        try {
            if (!m.isMimeType("multipart/report") || !(m.getContent() instanceof Multipart report)) {
                return found;
            }
            String status = null;
            String diagnostic = null;
            String original = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart part = report.getBodyPart(i);
                String text = text(part);
                if (part.isMimeType("message/delivery-status")) {
                    Matcher s = STATUS.matcher(text);
                    status = s.find() ? s.group(1) : null;
                    Matcher d = DIAGNOSTIC.matcher(text);
                    diagnostic = d.find() ? d.group(1).strip() : null;
                } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                    Matcher id = MESSAGE_ID.matcher(text);
                    original = id.find() ? id.group(1) : null;
                }
            }
            if (original != null && status != null && status.startsWith("5")) {
                found.add(new Bounce(original, status, diagnostic));
            }
        } catch (IOException e) {
            throw new MessagingException("unreadable notification", e);
        }
        return found;
    }

    private static String text(BodyPart part) throws IOException, MessagingException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Message inner) {
            StringBuilder headers = new StringBuilder();
            var all = inner.getAllHeaders();
            while (all.hasMoreElements()) {
                var h = all.nextElement();
                headers.append(h.getName()).append(": ").append(h.getValue()).append('\n');
            }
            return headers.toString();
        }
        if (content instanceof InputStream in) {
            byte[] bytes = in.readAllBytes();
            if (part.isMimeType("text/rfc822-headers")) {
                var h = new InternetHeaders(new java.io.ByteArrayInputStream(bytes));
                StringBuilder headers = new StringBuilder();
                var all = h.getAllHeaders();
                while (all.hasMoreElements()) {
                    var x = all.nextElement();
                    headers.append(x.getName()).append(": ").append(x.getValue()).append('\n');
                }
                return headers.toString();
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }
}
