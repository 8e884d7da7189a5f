package no.kraft.cis.consent.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each message to the log instead of sending it (recipient masked; the link is the point of the message). */
public class LoggingNotifications implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifications.class);

    @Override
    public void send(Message message) {
        LOG.info("{} to {}: {} — {}", message.channel(), mask(message.to()), message.subject(), message.text());
    }

    static String mask(String to) {
        if (to == null || to.length() < 4) {
            return "***";
        }
        return to.substring(0, 2) + "***" + to.substring(to.length() - 2);
    }
}
