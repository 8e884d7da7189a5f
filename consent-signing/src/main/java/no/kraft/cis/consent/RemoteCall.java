package no.kraft.cis.consent;

import java.nio.charset.StandardCharsets;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP call to Elhub's Access API or Signicat: the body of a 2xx answer, or {@link RemoteCallFailed}. */
public final class RemoteCall {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RemoteCall() {
    }

    /**
     * @param errorAt JSON pointer to the object with {@code title} and {@code detail} in the party's error body:
     *     {@code /errors/0} for JSON:API (Elhub), empty for problem+json (Signicat)
     */
    public static byte[] send(String party, RestClient.RequestHeadersSpec<?> request, String errorAt) {
        try {
            return request.exchange((req, response) -> {
                byte[] body = response.getBody().readAllBytes();
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw error(party, response.getStatusCode().value(), new String(body, StandardCharsets.UTF_8),
                            response.getHeaders().getFirst("Retry-After"), errorAt);
                }
                return body;
            });
        } catch (ResourceAccessException e) {
            throw RemoteCallFailed.noAnswer(party, e);
        }
    }

    private static RemoteCallFailed error(String party, int status, String body, String retryAfter, String errorAt) {
        try {
            JsonNode error = JSON.readTree(body).at(errorAt);
            return new RemoteCallFailed(party, status, text(error.path("title")), text(error.path("detail")),
                    RemoteCallFailed.retryAfter(retryAfter));
        } catch (RuntimeException unreadable) {
            return new RemoteCallFailed(party, status, null, null, RemoteCallFailed.retryAfter(retryAfter));
        }
    }

    /** A JSON string value, or {@code null} when absent. */
    public static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
