package no.kraft.cis.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import no.kraft.cis.delivery.sms.DeliveryReport.Status;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

class DeliveryReportTest {

    @Test
    void delivered() {
        DeliveryReport report = DeliveryReport.parse("""
                {"refId": "sms-4711-1", "id": "q7T0b3JtYWxseVJhbmRvbQ", "operator": "no.telenor",
                 "sentTimestamp": "2026-04-03T08:15:02Z", "timestamp": "2026-04-03T08:15:09Z", "resultCode": 1001,
                 "operatorResultCode": "0", "segments": 1, "gateCustomParameters": {}, "customParameters": {}}""");

        assertThat(report).isEqualTo(new DeliveryReport("sms-4711-1", "q7T0b3JtYWxseVJhbmRvbQ", 1001, "Billed and delivered",
                Status.DELIVERED, "no.telenor", "0", 1, Instant.parse("2026-04-03T08:15:02Z"), Instant.parse("2026-04-03T08:15:09Z")));
        assertThat(report.isFinal()).isTrue();
    }

    @Test
    void failedForAnUnknownSubscriber() {
        DeliveryReport report = DeliveryReport.parse("""
                {"refId": "sms-4712-1", "id": "Zm9yIGEgZmFpbGVkIG9uZQ", "operator": "no.telia", "sentTimestamp": "2026-04-03T08:16:00Z",
                 "timestamp": "2026-04-03T08:16:04+02:00", "resultCode": 2104, "operatorResultCode": "1", "segments": 1}""");

        assertThat(report.status()).isEqualTo(Status.FAILED);
        assertThat(report.isFinal()).isTrue();
        assertThat(report.resultCode()).isEqualTo(2104);
        assertThat(report.description()).isEqualTo("Unknown subscriber");
        assertThat(report.reportedAt()).isEqualTo(Instant.parse("2026-04-03T06:16:04Z"));
    }

    @Test
    void expiredAndNotDeliveredAreFailures() {
        assertThat(DeliveryReport.parse("{\"id\": \"a\", \"resultCode\": 1002}").status()).isEqualTo(Status.FAILED);
        assertThat(DeliveryReport.parse("{\"id\": \"a\", \"resultCode\": 1006}").status()).isEqualTo(Status.FAILED);
        assertThat(DeliveryReport.parse("{\"id\": \"a\", \"resultCode\": 1009}").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void onItsWayIsPendingAndAnUnknownCodeUnknown() {
        DeliveryReport sent = DeliveryReport.parse("{\"id\": \"a\", \"resultCode\": 1000}");
        assertThat(sent.status()).isEqualTo(Status.PENDING);
        assertThat(sent.isFinal()).isFalse();
        assertThat(DeliveryReport.parse("{\"id\": \"a\", \"resultCode\": 1010}").status()).isEqualTo(Status.UNKNOWN);
        DeliveryReport odd = DeliveryReport.parse("{\"id\": \"a\", \"resultCode\": 7777, \"description\": \"Something new\"}");
        assertThat(odd.status()).isEqualTo(Status.UNKNOWN);
        assertThat(odd.description()).isEqualTo("Something new");
    }

    @Test
    void readsTheOtherSpellingsOfIdAndSentTime() {
        DeliveryReport report = DeliveryReport.parse("""
                {"messageId": "b", "resultCode": "1001", "sendTimestamp": "2026-04-03T08:15:02Z", "timestamp": "not a time"}""");
        assertThat(report.messageId()).isEqualTo("b");
        assertThat(report.status()).isEqualTo(Status.DELIVERED);
        assertThat(report.sentAt()).isEqualTo(Instant.parse("2026-04-03T08:15:02Z"));
        assertThat(report.reportedAt()).isNull();
        assertThat(report.refId()).isNull();
    }

    @Test
    void refusesWhatIsNotAReport() {
        assertThatThrownBy(() -> DeliveryReport.parse("not json")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).rule()).isEqualTo("sms.deliveryReport.json");
        assertThatThrownBy(() -> DeliveryReport.parse("[1]")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DeliveryReport.parse("{\"resultCode\": 1001}")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).rule()).isEqualTo("sms.deliveryReport.messageId");
        assertThatThrownBy(() -> DeliveryReport.parse("{\"id\": \"a\"}")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).rule()).isEqualTo("sms.deliveryReport.resultCode");
    }
}
