package no.kraft.cis.delivery.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.time.Duration;
import java.util.Map;
import no.kraft.cis.delivery.sms.SmsRefused;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SendAttemptsTest {

    @Test
    void waitsDoubleFromTheFirstAndStopGrowingAfterTenDoublings() {
        Duration first = Duration.ofMinutes(1);
        assertThat(SendAttempts.backoff(first, 0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SendAttempts.backoff(first, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SendAttempts.backoff(first, 3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SendAttempts.backoff(first, 10)).isEqualTo(Duration.ofMinutes(1024));   // 2^10
        assertThat(SendAttempts.backoff(first, 25)).isEqualTo(Duration.ofMinutes(1024));
    }

    @Test
    void aRefusedRecipientOrAddressIsForGoodAndNoConnectionIsWorthAnotherTry() {
        var refusedOnRcpt = new MailSendException(Map.of(new Object(), new SendFailedException("550 no such user")));
        var noConnection = new MailSendException(Map.of(new Object(), new MessagingException("connect refused")));
        assertThat(SendAttempts.permanent(refusedOnRcpt)).isTrue();
        assertThat(SendAttempts.permanent(noConnection)).isFalse();
        assertThat(SendAttempts.permanent(new MailParseException("bad address"))).isTrue();
        assertThat(SendAttempts.permanent(new MailAuthenticationException("denied"))).isTrue();
        assertThat(SendAttempts.permanent(new IllegalArgumentException("no e-mail"))).isTrue();
        assertThat(SendAttempts.permanent(new IllegalStateException("time-out"))).isFalse();
        assertThat(SendAttempts.permanent(new SmsRefused(SmsRefused.Reason.BAD_DESTINATION, 400, 21, "invalid number"))).isTrue();
    }

    @Test
    void theReasonIsTheKindAndTheMessageCutTo500Characters() {
        assertThat(SendAttempts.reason(new IllegalStateException("down"))).isEqualTo("IllegalStateException: down");
        assertThat(SendAttempts.reason(new IllegalStateException("x".repeat(600)))).hasSize(500);
    }

    @Test
    void everyAttemptOfOneMailCarriesTheSameMessageId() throws Exception {
        var sender = new JavaMailSenderImpl();
        var a = SendAttempts.mailWithId(sender, "abc@kraft-cis");
        var b = SendAttempts.mailWithId(sender, "abc@kraft-cis");
        a.setText("x");
        b.setText("y");
        a.saveChanges();
        b.saveChanges();
        assertThat(a.getMessageID()).isEqualTo("<abc@kraft-cis>").isEqualTo(b.getMessageID());
    }
}
