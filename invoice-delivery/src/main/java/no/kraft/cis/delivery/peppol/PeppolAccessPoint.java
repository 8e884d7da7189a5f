package no.kraft.cis.delivery.peppol;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our Peppol access point provider's HTTP API (the provider runs the AS4 exchange and the SMP look-up): {@code POST
 * {base}/v1/outbound} with the UBL document and its Peppol identifiers as JSON; the answer is the transmission and, as
 * AS4 is synchronous, the receiving access point's receipt. The shape is that of the REST front ends access point
 * providers offer (sender and receiver participant IDs, document type and process IDs, the document in base64); no
 * single provider's API is copied, so the field names are ours and kept in this one class.
 */
public class PeppolAccessPoint {

    /** The receiving access point took the document: its AS4 receipt. */
    public record Receipt(String transmissionId, String receiptId, String receivedAt) {
    }

    /** Refused for good: the receiver is not in Peppol, or the document is not what it says it is. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Worth a retry: the provider is down or busy. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    static final String INVOICE_DOCUMENT_TYPE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##"
            + "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";
    static final String CREDIT_NOTE_DOCUMENT_TYPE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##"
            + "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";
    static final String PROCESS = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public PeppolAccessPoint(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /** Sends {@code ubl} from our organisation number to the buyer's; {@code reference} is ours (a resend carries it again). */
    public Receipt send(String senderOrganisationNumber, String receiverOrganisationNumber, boolean creditNote, byte[] ubl, String reference) {
        String body = json.writeValueAsString(java.util.Map.of("senderId", "0192:" + senderOrganisationNumber,
                "receiverId", "0192:" + receiverOrganisationNumber, "documentTypeId", creditNote ? CREDIT_NOTE_DOCUMENT_TYPE : INVOICE_DOCUMENT_TYPE,
                "processId", PROCESS, "reference", reference, "document", java.util.Base64.getEncoder().encodeToString(ubl)));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/outbound")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new Unavailable("the access point did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new Unavailable("the access point answered " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body().isBlank() ? "{}" : response.body());
        if (response.statusCode() >= 400) {
            throw new Refused(response.statusCode() + " " + answer.path("code").asString("") + ": " + answer.path("message").asString(""));
        }
        return new Receipt(answer.path("transmissionId").asString(), answer.path("receipt").path("id").asString(),
                answer.path("receipt").path("receivedAt").asString());
    }
}
