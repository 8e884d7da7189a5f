package no.kraft.cis.delivery.sms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import no.kraft.cis.rule.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery report (DLR) the SMS gateway posts to a URL of ours when a message reaches a state: which message (the
 * gateway's id and our {@code refId}) and its result code — delivered to the phone, failed for good (unknown
 * subscriber, expired, barred …), still on its way, or a code we do not know.
 *
 * @param messageId the gateway's id of the message (the report's {@code id}; {@code messageId} is read too)
 * @param description the report's {@code description}, or the result code's meaning when it has none
 * @param segments the number of SMS parts the gateway sent, or null
 * @param sentAt when the gateway sent it on ({@code sentTimestamp}), or null
 * @param reportedAt the time of the state ({@code timestamp}), or null
 */
public record DeliveryReport(String refId, String messageId, int resultCode, String description, Status status, String operator,
        String operatorResultCode, Integer segments, Instant sentAt, Instant reportedAt) {

    public enum Status {
        /** On the phone. */
        DELIVERED,
        /** Will not reach the phone. */
        FAILED,
        /** Not final yet (queued, sent to the operator, delayed): another report follows. */
        PENDING,
        /** A code we do not know, or "expired without a report from the operator": nobody knows. */
        UNKNOWN
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads the report's JSON; refused when it is not JSON or lacks the message id or the result code. */
    public static DeliveryReport parse(String json) {
        JsonNode report;
        try {
            report = json == null ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidValueException("sms.deliveryReport.json", "the delivery report is not JSON: " + e.getOriginalMessage());
        }
        if (report == null || !report.isObject()) {
            throw new InvalidValueException("sms.deliveryReport.json", "the delivery report is not a JSON object");
        }
        String messageId = SmsGateway.text(report.path("id"));
        if (messageId == null) {
            messageId = SmsGateway.text(report.path("messageId"));
        }
        if (messageId == null || messageId.isBlank()) {
            throw new InvalidValueException("sms.deliveryReport.messageId", "the delivery report names no message (id)");
        }
        JsonNode code = report.path("resultCode");
        if (!code.isIntegralNumber() && !(code.isString() && code.asString().matches("\\d{1,9}"))) {
            throw new InvalidValueException("sms.deliveryReport.resultCode", "the delivery report has no result code");
        }
        int resultCode = code.isIntegralNumber() ? code.asInt() : Integer.parseInt(code.asString());
        String description = SmsGateway.text(report.path("description"));
        JsonNode segments = report.path("segments");
        JsonNode sent = report.path("sentTimestamp").isMissingNode() ? report.path("sendTimestamp") : report.path("sentTimestamp");
        return new DeliveryReport(SmsGateway.text(report.path("refId")), messageId, resultCode,
                description == null ? ResultCodes.describe(resultCode) : description, ResultCodes.status(resultCode),
                SmsGateway.text(report.path("operator")), SmsGateway.text(report.path("operatorResultCode")),
                segments.isIntegralNumber() ? segments.asInt() : null, instant(sent), instant(report.path("timestamp")));
    }

    /** Whether no other report will follow. */
    public boolean isFinal() {
        return status == Status.DELIVERED || status == Status.FAILED;
    }

    // a report whose time we cannot read still says what became of the message
    private static Instant instant(JsonNode node) {
        String text = SmsGateway.text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
