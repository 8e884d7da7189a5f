package no.kraft.cis.delivery.distribution;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import no.kraft.cis.delivery.peppol.PeppolAccessPoint;
import no.kraft.cis.delivery.sms.SmsRefused;
import no.kraft.cis.rule.ConflictException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * What the three small outboxes of this module (invoices, dunning notices, plan confirmations) share about one attempt
 * to send: whether a failure is for good or worth another try, the wait before the next try, the reason as stored, and
 * an e-mail that carries our own Message-ID (made when the send was stored, so a resend after a lost answer is
 * recognisably the same mail).
 */
public final class SendAttempts {

    /** Waits double from the first and stop growing after ten doublings. */
    private static final int MAX_DOUBLINGS = 10;

    private static final int REASON_LENGTH = 500;

    private SendAttempts() {
    }

    /**
     * For good: an address or document refused (by the SMTP server on RCPT, the SMS gateway, the Peppol access point, our
     * own rules); anything else — no connection, a time-out, a 5xx from a gateway — is worth another try.
     */
    public static boolean permanent(RuntimeException e) {
        if (e instanceof MailSendException send) {
            return send.getFailedMessages().values().stream().anyMatch(x -> x instanceof SendFailedException);
        }
        return e instanceof MailParseException || e instanceof MailAuthenticationException || e instanceof IllegalArgumentException
                || e instanceof SmsRefused || e instanceof PeppolAccessPoint.Refused || e instanceof ConflictException;
    }

    /** The wait after the given number of attempts so far: {@code first × 2^attempts}, at most {@code first × 1024}. */
    public static Duration backoff(Duration first, int attemptsSoFar) {
        return first.multipliedBy(1L << Math.min(Math.max(attemptsSoFar, 0), MAX_DOUBLINGS));
    }

    /** The failure as stored on the send: its kind and message, cut to 500 characters. */
    public static String reason(Exception e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() > REASON_LENGTH ? m.substring(0, REASON_LENGTH) : m;
    }

    /** An empty message of the sender's session whose Message-ID is {@code <messageId>}, on every attempt. */
    public static MimeMessage mailWithId(JavaMailSender sender, String messageId) {
        return new MimeMessage(sender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
    }
}
