package no.kraft.cis.delivery.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.rule.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of an SMS gateway in the shape of LINK Mobility's REST SMS API: one SMS a call, {@code POST {baseUrl}/sms/send}
 * with HTTP Basic auth and a JSON body ({@code source}, {@code destination}, {@code userData}, {@code platformId},
 * {@code platformPartnerId}, {@code refId}, and {@code deliveryReportGates} when delivery reports are wanted); the
 * answer's {@code messageId}, {@code resultCode} and {@code description} say what became of it. Accepted (1005 Queued,
 * or another "on its way" code) gives the gateway's message id; a refusal that sending again will not change is an
 * {@link SmsRefused}; the gateway's own trouble (no answer, timeout, 5xx, 408, 429) an {@link SmsGatewayUnavailable}.
 *
 * <p>The destination must be a Norwegian mobile number (normalised to E.164, {@code +47} and 8 digits starting with 4
 * or 9) and the text at most {@link #MAX_PARTS} SMS parts ({@link SmsParts}); both are checked before anything is sent.
 * {@code refId} is ours (the send's id), so a resend after a lost answer carries the same reference and the delivery
 * report can be matched to the send.
 */
public class SmsGateway {

    public static final String PATH = "/sms/send";
    /** The most SMS parts we send one notice in: longer is expensive and badly shown on some phones. */
    public static final int MAX_PARTS = 6;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Settings, for the delivery configuration to bind (under {@code cis.invoice}, where the module's settings are).
     *
     * @param sender the alphanumeric sender (avsendernavn) the customer sees: 1–11 of A–Z, a–z, 0–9, space, {@code .}
     *     and {@code -}, with at least one letter
     * @param deliveryReportGates the gates (set up at the gateway with a URL of ours) to report delivery to; empty for
     *     no delivery reports
     * @param timeout for connecting and for the whole answer; 10 s when null
     */
    public record Settings(String baseUrl, String username, String password, String platformId, String platformPartnerId, String sender,
            List<String> deliveryReportGates, Duration timeout) {

        public Settings {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new InvalidValueException("sms.baseUrl", "the SMS gateway's base URL is missing");
            }
            baseUrl = baseUrl.replaceAll("/+$", "");
            if (sender == null || !sender.matches("[A-Za-z0-9.\\- ]{1,11}") || !sender.matches(".*[A-Za-z].*") || !sender.strip().equals(sender)) {
                throw new InvalidValueException("sms.sender",
                        "an alphanumeric sender is 1–11 of A–Z, a–z, 0–9, space, '.' and '-', with at least one letter: " + sender);
            }
            deliveryReportGates = deliveryReportGates == null ? List.of() : List.copyOf(deliveryReportGates);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final String authorization;

    public SmsGateway(Settings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
    }

    public SmsGateway(Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one SMS.
     *
     * @param refId our reference for this send, the same on every attempt
     * @param mobile a Norwegian mobile number as people write it ({@code 912 34 567}, {@code +47 912 34 567})
     * @return the gateway's message id (its delivery report carries it, and {@code refId})
     * @throws SmsRefused for good: bad number, text, sender or credentials
     * @throws SmsGatewayUnavailable not now: send again later with the same {@code refId}
     */
    public String send(String refId, String mobile, String text) {
        if (refId == null || refId.isBlank()) {
            throw new IllegalArgumentException("an SMS needs our reference (refId)");
        }
        String destination = destination(mobile);
        if (text == null || text.isEmpty()) {
            throw SmsRefused.here(SmsRefused.Reason.BAD_TEXT, "the text is empty");
        }
        SmsParts parts = SmsParts.of(text);
        if (parts.count() > MAX_PARTS) {
            throw SmsRefused.here(SmsRefused.Reason.BAD_TEXT, "the text takes " + parts.count() + " SMS parts (" + parts.encoding() + ", "
                    + parts.units() + " units), at most " + MAX_PARTS);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", settings.sender());
        body.put("sourceTON", "ALPHANUMERIC");
        body.put("destination", destination);
        body.put("destinationTON", "MSISDN");
        body.put("userData", text);
        body.put("platformId", settings.platformId());
        body.put("platformPartnerId", settings.platformPartnerId());
        body.put("refId", refId);
        if (!settings.deliveryReportGates().isEmpty()) {
            body.put("useDeliveryReport", true);
            body.put("deliveryReportGates", settings.deliveryReportGates());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + PATH)).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SmsGatewayUnavailable.noAnswer(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SmsGatewayUnavailable.noAnswer(e);
        }
        return answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
    }

    /**
     * A Norwegian mobile number in E.164 ({@code +4791234567}), read as cis-core's {@link MobileNumber} reads it; a
     * foreign, landline or malformed number is refused.
     */
    public static String destination(String mobile) {
        MobileNumber number;
        try {
            number = MobileNumber.parse(mobile);
        } catch (InvalidValueException e) {
            throw SmsRefused.here(SmsRefused.Reason.BAD_DESTINATION, "not a Norwegian mobile number: " + mobile + " (" + e.getMessage() + ")");
        }
        if (!number.value().startsWith("+47")) {
            throw SmsRefused.here(SmsRefused.Reason.BAD_DESTINATION, "we send SMS to Norwegian mobile numbers only: " + mobile);
        }
        return number.value();
    }

    static String answer(int status, String body, String retryAfter) {
        JsonNode json = read(body);
        Integer code = json.path("resultCode").isNumber() ? json.path("resultCode").asInt() : null;
        String description = text(json.path("description"));
        if (status == 401) {
            throw new SmsRefused(SmsRefused.Reason.AUTHENTICATION, status, code, description == null ? "credentials refused" : description);
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new SmsGatewayUnavailable(status, code, description, retryAfter(retryAfter), null);
        }
        if (status >= 200 && status < 300 && (code == null || ResultCodes.accepted(code))) {
            String messageId = text(json.path("messageId"));
            if (messageId == null || messageId.isBlank()) {
                // taken or not, we cannot tell: the resend carries the same refId
                throw new SmsGatewayUnavailable(status, code, "accepted without a messageId", null, null);
            }
            return messageId;
        }
        if (code != null && ResultCodes.temporary(code)) {
            throw new SmsGatewayUnavailable(status, code, description == null ? ResultCodes.describe(code) : description, retryAfter(retryAfter), null);
        }
        if (code != null) {
            throw new SmsRefused(ResultCodes.reason(code), status, code, description == null ? ResultCodes.describe(code) : description);
        }
        throw new SmsRefused(status == 403 ? SmsRefused.Reason.AUTHENTICATION : SmsRefused.Reason.REFUSED, status, null, description);
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Duration retryAfter(String header) {
        return header != null && header.strip().matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(header.strip())) : null;
    }
}
