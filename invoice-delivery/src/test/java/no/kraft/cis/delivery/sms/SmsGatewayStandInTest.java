package no.kraft.cis.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.kraft.cis.delivery.sms.SmsRefused.Reason;
import no.kraft.cis.delivery.standin.SmsGatewayStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stand-in refuses what the gateway refuses, asked over raw HTTP (bodies our client would never send), and our
 * client reads each refusal as the reason it is.
 */
class SmsGatewayStandInTest {

    private static final String VALID = """
            {"source": "KraftDemo", "destination": "+4791234567", "userData": "Hei", "platformId": "COMMON_API",
             "platformPartnerId": "21700", "refId": "raw-1"}""";

    private final SmsGatewayStandIn standIn = SmsTestData.standIn();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        standIn.close();
    }

    @Test
    void aValidBodyIsQueued() throws Exception {
        HttpResponse<String> answer = post(VALID, auth(SmsTestData.ACCOUNT.password()), "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).matches("\\{\"messageId\":\"[A-Za-z0-9+/]{24}\",\"resultCode\":1005,\"description\":\"Queued\"}");
        assertThat(SmsGateway.answer(answer.statusCode(), answer.body(), null)).isEqualTo(standIn.messages().getFirst().messageId());
    }

    /** resultCode 0: a refusal of the body's shape, answered with a description only. */
    @ParameterizedTest(name = "{1} → {2} {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            "source": "KraftDemo"                 | "source": "Kraft Demo AS"  | 400 | 2000 | BAD_SENDER
            "source": "KraftDemo"                 | "source": "123456"         | 400 | 2000 | BAD_SENDER
            "source": "KraftDemo"                 | "source": "KraftDemo", "sourceTON": "SHORTCODE" | 400 | 2001 | BAD_SENDER
            "destination": "+4791234567"          | "destination": "91234567"  | 400 | 2106 | BAD_DESTINATION
            "destination": "+4791234567"          | "destination": "+4722334455" | 400 | 2102 | BAD_DESTINATION
            "destination": "+4791234567"          | "destination": "+46701234567" | 400 | 2102 | BAD_DESTINATION
            "userData": "Hei"                     | "userData": ""             | 400 | 4003 | BAD_TEXT
            "userData": "Hei"                     | "userData": "Hei", "dcs": "GSM7" | 400 | 4005 | BAD_TEXT
            "userData": "Hei"                     | "userData": "Привет", "dcs": "GSM" | 400 | 4005 | BAD_TEXT
            "userData": "Hei"                     | "userData": 42             | 400 | 0    | REFUSED
            "platformId": "COMMON_API",           | "refId": "x",              | 400 | 0    | REFUSED
            "refId": "raw-1"                      | "refId": "raw-1", "deliveryReportGates": "gate" | 400 | 0 | REFUSED
            "refId": "raw-1"                      | "refId": "raw-1", "useDeliveryReport": "yes" | 400 | 0 | REFUSED
            "platformPartnerId": "21700"          | "platformPartnerId": "1"   | 403 | 104  | CONFIGURATION
            """)
    void refusals(String field, String replacement, int status, int resultCode, Reason reason) throws Exception {
        String body = VALID.replace(field, replacement);
        assertThat(body).isNotEqualTo(VALID);

        HttpResponse<String> answer = post(body, auth(SmsTestData.ACCOUNT.password()), "application/json");

        assertThat(answer.statusCode()).isEqualTo(status);
        if (resultCode == 0) {
            assertThat(answer.body()).doesNotContain("resultCode").contains("\"description\"");
        } else {
            assertThat(answer.body()).contains("\"resultCode\":" + resultCode);
        }
        assertThatThrownBy(() -> SmsGateway.answer(answer.statusCode(), answer.body(), null)).isInstanceOfSatisfying(SmsRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void moreThanSixPartsIsRefused() throws Exception {
        HttpResponse<String> six = post(VALID.replace("\"Hei\"", "\"" + "a".repeat(918) + "\""), auth(SmsTestData.ACCOUNT.password()),
                "application/json");
        assertThat(six.statusCode()).isEqualTo(200);

        HttpResponse<String> seven = post(VALID.replace("\"Hei\"", "\"" + "a".repeat(919) + "\"").replace("raw-1", "raw-2"),
                auth(SmsTestData.ACCOUNT.password()), "application/json");
        assertThat(seven.statusCode()).isEqualTo(400);
        assertThat(seven.body()).contains("\"resultCode\":4001").contains("7 SMS parts");

        // told to send UCS-2, the same 402 a's are 6 parts and 403 are 7
        HttpResponse<String> ucs2 = post(VALID.replace("\"Hei\"", "\"" + "a".repeat(403) + "\", \"dcs\": \"UCS2\"").replace("raw-1", "raw-3"),
                auth(SmsTestData.ACCOUNT.password()), "application/json");
        assertThat(ucs2.statusCode()).isEqualTo(400);
        assertThat(standIn.messages()).hasSize(1);
    }

    @Test
    void withoutTheRightCredentialsIs401() throws Exception {
        HttpResponse<String> wrong = post(VALID, auth("wrong"), "application/json");
        HttpResponse<String> none = post(VALID, null, "application/json");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThatThrownBy(() -> SmsGateway.answer(401, wrong.body(), null)).isInstanceOfSatisfying(SmsRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
    }

    @Test
    void malformedRequestsAreRefused() throws Exception {
        assertThat(post("{\"source\": ", auth(SmsTestData.ACCOUNT.password()), "application/json").statusCode()).isEqualTo(400);
        assertThat(post("[]", auth(SmsTestData.ACCOUNT.password()), "application/json").statusCode()).isEqualTo(400);
        assertThat(post(VALID, auth(SmsTestData.ACCOUNT.password()), "text/plain").statusCode()).isEqualTo(415);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/sms/send")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/sms/sendbatch"))
                .POST(HttpRequest.BodyPublishers.ofString(VALID)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void aDeliveryReportCanBeMadeForAnAcceptedMessage() throws Exception {
        post(VALID, auth(SmsTestData.ACCOUNT.password()), "application/json");
        SmsGatewayStandIn.Message m = standIn.messages().getFirst();

        DeliveryReport report = DeliveryReport.parse(standIn.deliveryReport(m.messageId()));

        assertThat(report.messageId()).isEqualTo(m.messageId());
        assertThat(report.refId()).isEqualTo("raw-1");
        assertThat(report.status()).isEqualTo(DeliveryReport.Status.DELIVERED);
        assertThat(DeliveryReport.parse(standIn.deliveryReport(m, 1006)).status()).isEqualTo(DeliveryReport.Status.FAILED);
    }

    private HttpResponse<String> post(String body, String authorization, String type) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/sms/send")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String auth(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((SmsTestData.ACCOUNT.username() + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
