package no.kraft.cis.collection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of a debt-collection agency's claims API (in the shape the Norwegian agencies' creditor APIs share): one claim
 * a call, {@code POST {baseUrl}/v1/claims} with a bearer API key, an {@code Idempotency-Key} header — the claim's own,
 * the same on every attempt — and the claim as JSON ({@link ClaimPayload}). 201 (new) or 200 (the same claim again)
 * carry the agency's {@code caseReference}; 400, 401, 403, 409 and 422 are refusals that sending again will not
 * change; no answer, a timeout, 408, 429 and 5xx are the agency's trouble: try again later.
 */
public class AgencyClient {

    public static final String PATH = "/v1/claims";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What became of one attempt. */
    public sealed interface Outcome {
    }

    /** Taken: the agency's case reference (saksnummer). */
    public record Accepted(String caseReference) implements Outcome {
    }

    /** Refused for good, with the agency's status and what it said. */
    public record Refused(int status, String message) implements Outcome {
    }

    /** Not now: send again later with the same key. */
    public record Unavailable(String message) implements Outcome {
    }

    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public AgencyClient(String baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Outcome submit(String idempotencyKey, String claimJson) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8").header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(claimJson, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Unavailable("no answer from the agency: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        int status = response.statusCode();
        String body = response.body();
        if (status == 200 || status == 201) {
            String reference = read(body).path("caseReference").asString("");
            return reference.isBlank() ? new Unavailable("the agency answered " + status + " without a caseReference: " + cut(body))
                    : new Accepted(reference);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Unavailable("the agency answered " + status + ": " + cut(body));
        }
        return new Refused(status, describe(read(body), body));
    }

    private static JsonNode read(String body) {
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    /** The agency's errors as one line: "debtor.nationalId REQUIRED: …; …", else its title, else the body. */
    private static String describe(JsonNode answer, String body) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : answer.path("errors")) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.path("field").asString("")).append(' ').append(e.path("code").asString("")).append(": ")
                    .append(e.path("message").asString(""));
        }
        if (!sb.isEmpty()) {
            return sb.toString();
        }
        String title = answer.path("title").asString("");
        return title.isBlank() ? cut(body) : title + (answer.has("detail") ? ": " + answer.path("detail").asString("") : "");
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
