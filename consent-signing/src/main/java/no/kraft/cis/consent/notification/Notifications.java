package no.kraft.cis.consent.notification;

/**
 * The notification port: sends a customer a message by e-mail or SMS. The signing link goes out this way, since
 * Signicat's own notifications for Sign API v2 are not publicly documented. Production plugs in the e-mail/SMS
 * gateway; the local profile and the tests use {@link LoggingNotifications}.
 */
public interface Notifications {

    enum Channel { EMAIL, SMS }

    record Message(Channel channel, String to, String subject, String text) {
    }

    /** @throws RuntimeException when the message could not be handed over; the caller retries */
    void send(Message message);
}
