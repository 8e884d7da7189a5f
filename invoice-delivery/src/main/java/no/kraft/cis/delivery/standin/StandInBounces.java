package no.kraft.cis.delivery.standin;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a receiving mail server does with a mail to a mailbox that does not exist: it sends the envelope sender a
 * delivery status notification (RFC 3464, {@code multipart/report; report-type=delivery-status}, Status 5.1.1, the
 * original's headers returned). Here every address at {@code bounce.example} is such a mailbox; the stand-in looks at
 * what GreenMail received every second (and on {@link #bounceNow()}) and mails one notification per undeliverable mail
 * to our bounce mailbox over SMTP.
 */
public final class StandInBounces implements AutoCloseable {

    public static final String UNDELIVERABLE_DOMAIN = "bounce.example";

    private final GreenMail mail;
    private final String bounceMailbox;
    private final Set<String> bounced = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stand-in-bounces");
        t.setDaemon(true);
        return t;
    });

    private final String bouncePassword;

    StandInBounces(GreenMail mail, String bounceMailbox, String bouncePassword) {
        this.mail = mail;
        this.bounceMailbox = bounceMailbox;
        this.bouncePassword = bouncePassword;
        timer.scheduleWithFixedDelay(() -> {
            try {
                bounceNow();
            } catch (RuntimeException e) {
                // the server may be stopped (a test of an outage): next second
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Sends the notifications due now; how many. */
    public synchronized int bounceNow() {
        if (!mail.isRunning()) {
            return 0;
        }
        if (mail.getUserManager().getUserByEmail(bounceMailbox) == null) {
            // a restarted server has forgotten its users: the bounce mailbox is there again
            mail.setUser(bounceMailbox, bounceMailbox, bouncePassword);
        }
        int sent = 0;
        try {
            for (MimeMessage m : mail.getReceivedMessages()) {
                String id = m.getMessageID();
                if (id == null || bounced.contains(id)) {
                    continue;
                }
                for (var to : m.getAllRecipients()) {
                    String address = ((InternetAddress) to).getAddress();
                    if (address.endsWith("@" + UNDELIVERABLE_DOMAIN) && bounced.add(id)) {
                        send(notification(m, address));
                        sent++;
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return sent;
    }

    private MimeMessage notification(MimeMessage original, String recipient) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        MimeMessage dsn = new MimeMessage(session);
        dsn.setFrom(new InternetAddress("MAILER-DAEMON@" + UNDELIVERABLE_DOMAIN));
        dsn.setRecipient(Message.RecipientType.TO, new InternetAddress(bounceMailbox));
        dsn.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("This is the mail system at " + UNDELIVERABLE_DOMAIN + ".\n\nYour message could not be delivered to " + recipient
                + ": the mailbox does not exist.\n", "UTF-8");
        report.addBodyPart(human);
        String status = "Reporting-MTA: dns; mx." + UNDELIVERABLE_DOMAIN + "\r\n\r\nFinal-Recipient: rfc822; " + recipient
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: "
                + "User unknown\r\n";
        MimeBodyPart delivery = new MimeBodyPart();
        delivery.setDataHandler(new DataHandler(new ByteArrayDataSource(status.getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
        report.addBodyPart(delivery);
        StringBuilder headers = new StringBuilder();
        var all = original.getAllHeaderLines();
        while (all.hasMoreElements()) {
            headers.append(all.nextElement()).append("\r\n");
        }
        MimeBodyPart returned = new MimeBodyPart();
        returned.setDataHandler(new DataHandler(new ByteArrayDataSource(headers.toString().getBytes(StandardCharsets.UTF_8),
                "text/rfc822-headers")));
        report.addBodyPart(returned);
        dsn.setContent(report);
        dsn.saveChanges();
        return dsn;
    }

    private void send(MimeMessage dsn) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        Transport.send(new MimeMessage(Session.getInstance(props), toStream(dsn)));
    }

    private static java.io.InputStream toStream(MimeMessage m) throws MessagingException {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return new java.io.ByteArrayInputStream(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new MessagingException("could not copy the notification", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
