package no.kraft.cis.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.kraft.cis.delivery.sms.DeliveryReport.Status;
import no.kraft.cis.delivery.sms.SmsRefused.Reason;
import no.kraft.cis.delivery.standin.SmsGatewayStandIn;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client against the stand-in gateway, over real HTTP on 127.0.0.1. */
class SmsGatewayTest {

    private final SmsGatewayStandIn standIn = SmsTestData.standIn();
    private final SmsGateway gateway = new SmsGateway(SmsTestData.settings(standIn));

    @AfterEach
    void close() {
        standIn.close();
    }

    @Test
    void anAcceptedSmsGivesTheGatewaysMessageId() {
        String messageId = gateway.send("sms-1-1", "912 34 567", "Faktura 7000123 er klar. Se https://kraft.example/f/1");

        assertThat(messageId).isNotBlank();
        assertThat(standIn.messages()).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo(messageId);
            assertThat(m.refId()).isEqualTo("sms-1-1");
            assertThat(m.destination()).isEqualTo("+4791234567");
            assertThat(m.source()).isEqualTo(SmsTestData.SENDER);
            assertThat(m.text()).isEqualTo("Faktura 7000123 er klar. Se https://kraft.example/f/1");
            assertThat(m.parts()).isEqualTo(1);
        });
    }

    @Test
    void theSameRefIdTwiceIsOneMessage() {
        String first = gateway.send("sms-2-1", "+47 412 34 567", "Hei");
        String again = gateway.send("sms-2-1", "+47 412 34 567", "Hei");

        assertThat(again).isEqualTo(first);
        assertThat(standIn.messages()).hasSize(1);
        assertThat(standIn.requests()).isEqualTo(2);
        assertThat(gateway.send("sms-2-2", "+47 412 34 567", "Hei")).isNotEqualTo(first);
        assertThat(standIn.messages()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"22 33 44 55", "+46 70 123 45 67", "1234", "9123456", "+47 912 34 5678", "", "tlf 91234567"})
    void aNumberThatIsNotANorwegianMobileIsRefusedBeforeTheGateway(String mobile) {
        assertThatThrownBy(() -> gateway.send("sms-3-1", mobile, "Hei")).isInstanceOfSatisfying(SmsRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_DESTINATION);
            assertThat(e.status()).isZero();
            assertThat(e.retryable()).isFalse();
        });
        assertThat(standIn.requests()).isZero();
    }

    @Test
    void aNumberTheGatewayRefusesIsRefusedForGood() {
        standIn.bar("+4798765432");

        assertThatThrownBy(() -> gateway.send("sms-4-1", "98765432", "Hei")).isInstanceOfSatisfying(SmsRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_DESTINATION);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.resultCode()).isEqualTo(2105);
            assertThat(e.getMessage()).contains("Destination blocked");
        });
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void aTextOfMoreThanSixPartsIsRefusedBeforeTheGateway() {
        assertThatThrownBy(() -> gateway.send("sms-5-1", "91234567", "a".repeat(6 * 153 + 1)))
                .isInstanceOfSatisfying(SmsRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_TEXT);
                    assertThat(e.getMessage()).contains("7 SMS parts");
                });
        assertThatThrownBy(() -> gateway.send("sms-5-2", "91234567", "")).isInstanceOf(SmsRefused.class);
        assertThat(standIn.requests()).isZero();
        gateway.send("sms-5-3", "91234567", "a".repeat(6 * 153));
        assertThat(standIn.messages()).singleElement().extracting(SmsGatewayStandIn.Message::parts).isEqualTo(6);
    }

    @Test
    void aGatewayThatIsDownIsTriedAgainLaterWithTheSameRefId() {
        standIn.down(true);

        assertThatThrownBy(() -> gateway.send("sms-6-1", "91234567", "Hei")).isInstanceOfSatisfying(SmsGatewayUnavailable.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(standIn.messages()).isEmpty();

        standIn.down(false);
        assertThat(gateway.send("sms-6-1", "91234567", "Hei")).isNotBlank();
        assertThat(standIn.messages()).hasSize(1);
    }

    @Test
    void aSlowGatewayIsATemporaryFailure() {
        SmsGateway.Settings s = SmsTestData.settings(standIn);
        SmsGateway impatient = new SmsGateway(new SmsGateway.Settings(s.baseUrl(), s.username(), s.password(), s.platformId(),
                s.platformPartnerId(), s.sender(), List.of(), Duration.ofMillis(200)));
        standIn.slow(Duration.ofSeconds(1));

        assertThatThrownBy(() -> impatient.send("sms-7-1", "91234567", "Hei")).isInstanceOfSatisfying(SmsGatewayUnavailable.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("HttpTimeoutException");
        });
    }

    @Test
    void noGatewayAtAllIsATemporaryFailure() {
        standIn.close();

        assertThatThrownBy(() -> gateway.send("sms-8-1", "91234567", "Hei")).isInstanceOfSatisfying(SmsGatewayUnavailable.class,
                e -> assertThat(e.status()).isZero());
    }

    @Test
    void aWrongPasswordIsRefusedForGood() {
        SmsGateway wrong = new SmsGateway(SmsTestData.withPassword(SmsTestData.settings(standIn), "not-it"));

        assertThatThrownBy(() -> wrong.send("sms-9-1", "91234567", "Hei")).isInstanceOfSatisfying(SmsRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(e.status()).isEqualTo(401);
        });
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void anotherAccountsPlatformIdsAreAConfigurationError() {
        SmsGateway.Settings s = SmsTestData.settings(standIn);
        SmsGateway misconfigured = new SmsGateway(new SmsGateway.Settings(s.baseUrl(), s.username(), s.password(), s.platformId(), "99999",
                s.sender(), List.of(), s.timeout()));

        assertThatThrownBy(() -> misconfigured.send("sms-10-1", "91234567", "Hei")).isInstanceOfSatisfying(SmsRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.CONFIGURATION);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.resultCode()).isEqualTo(104);
        });
    }

    @Test
    void aSenderThatIsNotAnAlphanumericSenderIsRefusedInTheSettings() {
        SmsGateway.Settings s = SmsTestData.settings(standIn);
        for (String sender : List.of("Kraft Demo AS", "12345", "", " Kraft", "Kraft_Demo", "Kraftø")) {
            assertThatThrownBy(() -> new SmsGateway.Settings(s.baseUrl(), s.username(), s.password(), s.platformId(), s.platformPartnerId(),
                    sender, List.of(), null)).as(sender).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void theGatewayPostsADeliveryReportToOurGate() throws IOException, InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer ours = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ours.createContext("/sms/dlr", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ours.start();
        try {
            standIn.gate("kraft-dlr", URI.create("http://127.0.0.1:" + ours.getAddress().getPort() + "/sms/dlr"));
            standIn.undeliverable("+4741111111");
            SmsGateway reporting = new SmsGateway(SmsTestData.withGates(SmsTestData.settings(standIn), List.of("kraft-dlr")));

            String delivered = reporting.send("sms-11-1", "91234567", "Hei");
            DeliveryReport first = DeliveryReport.parse(received.poll(5, TimeUnit.SECONDS));
            assertThat(first.messageId()).isEqualTo(delivered);
            assertThat(first.refId()).isEqualTo("sms-11-1");
            assertThat(first.status()).isEqualTo(Status.DELIVERED);
            assertThat(first.segments()).isEqualTo(1);

            String failed = reporting.send("sms-11-2", "41111111", "Hei");
            DeliveryReport second = DeliveryReport.parse(received.poll(5, TimeUnit.SECONDS));
            assertThat(second.messageId()).isEqualTo(failed);
            assertThat(second.status()).isEqualTo(Status.FAILED);
            assertThat(second.resultCode()).isEqualTo(2104);

            reporting.send("sms-11-2", "41111111", "Hei");   // the same message again: no second report
            gateway.send("sms-11-3", "91234567", "Hei");      // no gate asked for: no report
            String last = reporting.send("sms-11-4", "91234567", "Hei");
            assertThat(DeliveryReport.parse(received.poll(5, TimeUnit.SECONDS)).messageId()).isEqualTo(last);
            assertThat(received).isEmpty();
        } finally {
            ours.stop(0);
        }
    }

    /** Answers the stand-in is not made to give, read as the client reads any answer. */
    @Test
    void answersAreReadByStatusAndResultCode() {
        assertThatThrownBy(() -> SmsGateway.answer(429, "{\"description\": \"Too Many Requests\"}", "30"))
                .isInstanceOfSatisfying(SmsGatewayUnavailable.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> SmsGateway.answer(500, "<html>oops</html>", null)).isInstanceOf(SmsGatewayUnavailable.class);
        assertThatThrownBy(() -> SmsGateway.answer(502, "", null)).isInstanceOf(SmsGatewayUnavailable.class);
        assertThatThrownBy(() -> SmsGateway.answer(200, "{\"resultCode\": 3, \"description\": \"Maximum throttling exceeded\"}", null))
                .isInstanceOf(SmsGatewayUnavailable.class);
        assertThatThrownBy(() -> SmsGateway.answer(200, "{\"resultCode\": 1005, \"description\": \"Queued\"}", null))
                .isInstanceOf(SmsGatewayUnavailable.class).hasMessageContaining("without a messageId");
        assertThatThrownBy(() -> SmsGateway.answer(200, "{\"resultCode\": 2104}", null)).isInstanceOfSatisfying(SmsRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_DESTINATION);
            assertThat(e.description()).isEqualTo("Unknown subscriber");
        });
        assertThatThrownBy(() -> SmsGateway.answer(403, "", null)).isInstanceOfSatisfying(SmsRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
        assertThat(SmsGateway.answer(200, "{\"messageId\": \"abc\", \"resultCode\": 1005, \"description\": \"Queued\"}", null))
                .isEqualTo("abc");
    }

    @Test
    void theSmsChannelSendsTheInvoiceNoticeToTheBuyersMobile() {
        String messageId = new SmsChannel(gateway).send(SmsTestData.invoice(), SmsTestData.LINK, "sms-12-1");

        assertThat(standIn.message("sms-12-1")).hasValueSatisfying(m -> {
            assertThat(m.messageId()).isEqualTo(messageId);
            assertThat(m.destination()).isEqualTo("+4791234567");
            assertThat(m.text()).startsWith("Faktura 7000123 fra Kraft Demo AS: 1 061,09 kr forfaller 20.04.2026.");
        });
    }
}
