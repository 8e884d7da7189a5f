package no.kraft.cis.consent.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingNotificationsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingNotifications.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void atInfoNeitherTheFirstNameNorTheLinkNorNull() {
        String text = "Hei Kari, signer samtykket her: https://sign.example/s/abc123";
        new LoggingNotifications().send(new Notifications.Message(Notifications.Channel.SMS, "+4791234567", null, text));
        new LoggingNotifications().send(new Notifications.Message(Notifications.Channel.EMAIL, "kari@example.no", "Signer samtykke", text));
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "SMS to +4***67: (no subject) (" + text.length() + " characters)",
                "EMAIL to ka***no: Signer samtykke (" + text.length() + " characters)");
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("Kari") || m.contains("https://") || m.contains("null"));
    }
}
