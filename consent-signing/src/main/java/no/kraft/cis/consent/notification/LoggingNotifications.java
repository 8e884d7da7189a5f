package no.kraft.cis.consent.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each message to the log instead of sending it. At INFO only that it went — channel, recipient masked, subject:
 * the text greets the customer by first name and carries the signing link, which is as good as a password to the
 * order. The text itself only at DEBUG ({@code logging.level.no.kraft.cis.consent.notification=debug}, for a local demo).
 */
public class LoggingNotifications implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifications.class);

    @Override
    public void send(Message message) {
        // an SMS has no subject: say so rather than log "null"
        LOG.info("{} to {}: {} ({} characters)", message.channel(), mask(message.to()),
                message.subject() == null ? "(no subject)" : message.subject(), message.text() == null ? 0 : message.text().length());
        LOG.debug("{} to {}: text: {}", message.channel(), mask(message.to()), message.text());
    }

    static String mask(String to) {
        if (to == null || to.length() < 4) {
            return "***";
        }
        return to.substring(0, 2) + "***" + to.substring(to.length() - 2);
    }
}
