package no.kraft.cis.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kraft.cis.security.LocalTokenIssuer;
import no.kraft.cis.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running application over real HTTP, as a client with a given role would. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final LocalTokenIssuer tokens;
    private final String subject;
    private final java.util.List<String> scopes;

    public Api(int port, LocalTokenIssuer tokens) {
        this(port, tokens, null, null);
    }

    private Api(int port, LocalTokenIssuer tokens, String subject, java.util.List<String> scopes) {
        this.base = "http://localhost:" + port;
        this.tokens = tokens;
        this.subject = subject;
        this.scopes = scopes;
    }

    /** The same API called as a named client ({@code sub} and {@code client_id}) holding exactly these scopes. */
    public Api client(String clientId, String... scopes) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), tokens, clientId, java.util.List.of(scopes));
    }

    private String bearer(Role role) {
        return "Bearer " + (subject == null ? tokens.issue("test-" + role.claimValue(), role) : tokens.issue(subject, role, scopes)).accessToken();
    }

    /** An HTTP answer with its body parsed as JSON (or {@code null} when empty). */
    public record Response(int status, String contentType, JsonNode body, String raw, java.net.http.HttpHeaders headers) {

        /** The {@code Retry-After} header in seconds, or -1. */
        public long retryAfter() {
            return headers.firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
        }

        public JsonNode json(String pointer) {
            return body.at(pointer);
        }

        public String text(String pointer) {
            return body.at(pointer).asString();
        }
    }

    public Response get(Role role, String path) {
        return send(role, HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A file as bytes, with the headers that name it. */
    public record Download(int status, String contentType, String disposition, byte[] body) {
    }

    public Download download(Role role, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        request.header("Authorization", bearer(role));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(Role role, String path, Object body) {
        return postRaw(role, path, JSON.writeValueAsString(body));
    }

    public Response postRaw(Role role, String path, String json) {
        return send(role, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with a non-JSON body (CSV, XML). */
    public Response postText(Role role, String path, String contentType, String body) {
        return send(role, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(Role role, String path, Object body) {
        return send(role, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response sendRaw(Role role, String method, String path, String json) {
        return send(role, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(Role role, String path, Object body) {
        return send(role, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A form POST without any token (the token endpoint). */
    public Response postForm(String path, String form) {
        return send(null, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Builds a JSON object from alternating keys and values; {@code null} values are kept (sent as JSON null). */
    public static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(Role role, HttpRequest.Builder request) {
        if (role != null) {
            request.header("Authorization", bearer(role));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = raw == null || raw.isBlank() || !contentType.contains("json") ? JSON.createObjectNode() : JSON.readTree(raw);
            return new Response(response.statusCode(), contentType, body, raw, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
