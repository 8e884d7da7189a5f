package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/** The documented way to get a token in the local profile, and that the API trusts nothing else. */
class TokenTest extends ApiTest {

    @Test
    void clientCredentialsGrantGivesATokenWithTheClientsRole() throws Exception {
        Api.Response token = api.postForm("/local/oauth2/token",
                "grant_type=client_credentials&client_id=partner&client_secret=local-secret");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.text("/token_type")).isEqualTo("Bearer");
        // a partner that asks for no scope gets all six partner-API scopes (RFC 6749 §3.3: the answer says which)
        assertThat(token.text("/scope").split(" ")).containsExactlyInAnyOrder(
                "accounts:read", "accounts:write", "billing:read", "billing:write", "orders:write", "cases:write");
        assertThat(token.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/products"))
                .header("Authorization", "Bearer " + token.text("/access_token")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("SPOT");
    }

    @Test
    void aPartnerMayAskForFewerScopesButNotForOnesItDoesNotHold() throws Exception {
        assertThat(api.postForm("/local/oauth2/token",
                "grant_type=client_credentials&client_id=partner&client_secret=local-secret&scope=accounts:read%20root:all")
                .text("/error")).isEqualTo("invalid_scope");
        assertThat(api.postForm("/local/oauth2/token",
                "grant_type=client_credentials&client_id=billing&client_secret=local-secret&scope=accounts:read")
                .text("/error")).isEqualTo("invalid_scope");
        Api.Response token = api.postForm("/local/oauth2/token",
                "grant_type=client_credentials&client_id=partner&client_secret=local-secret&scope=accounts:read");
        assertThat(token.text("/scope")).isEqualTo("accounts:read");
        HttpResponse<String> balance = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/partner/accounts/1000001/balance"))
                .header("Authorization", "Bearer " + token.text("/access_token")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(balance.statusCode()).isEqualTo(403);
    }

    @Test
    void aMachineClientAuthenticatesWithBasicAndGetsItsRoleAndNoScope() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/local/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("billing:local-secret".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"roles\":[\"billing\"]", "\"sub\":\"billing\"", "\"iss\":\"urn:kraft-cis:local-issuer\"");
        // billing may start a run's read side but not open a case (customer service's)
        HttpResponse<String> runs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/rme-reports"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(runs.statusCode()).isEqualTo(200);
        HttpResponse<String> cases = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongSecretOrUnknownClientGetsNoToken() {
        assertThat(api.postForm("/local/oauth2/token", "grant_type=client_credentials&client_id=admin&client_secret=guess")
                .status()).isEqualTo(401);
        assertThat(api.postForm("/local/oauth2/token", "grant_type=client_credentials&client_id=root&client_secret=local-secret")
                .status()).isEqualTo(401);
        assertThat(api.postForm("/local/oauth2/token", "grant_type=password&client_id=admin&client_secret=local-secret")
                .text("/error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aMalformedBasicHeaderOnTheTokenEndpointIs401() throws Exception {
        for (String header : List.of("Basic !!!not-base64!!!", "Basic " + java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()),
                "Basic ", "basic " + java.util.Base64.getEncoder().encodeToString(":local-secret".getBytes()))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/local/oauth2/token"))
                    .header("Authorization", header).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header).isEqualTo(401);
            assertThat(response.body()).contains("invalid_client");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"kraft-cis\"");
        }
    }

    @Test
    void errorsOutsideTheControllersAreProblemJsonToo() throws Exception {
        record Probe(String method, String path, String contentType, int status) {
        }
        String token = tokens.issue("someone", Role.ADMIN).accessToken();
        for (Probe probe : List.of(
                new Probe("GET", "/api/v1/no-such-thing", null, 404),
                new Probe("DELETE", "/api/v1/customers", null, 405),
                new Probe("POST", "/api/v1/customers", "text/plain", 415),
                new Probe("GET", "/api/v1//customers", null, 400),
                new Probe("GET", "/api/v1/customers;jsessionid=abc", null, 400),
                new Probe("GET", "/api/v1/customers/%2e%2e/metering-points", null, 400),
                new Probe("GET", "/api/v1/customers/a%2Fb", null, 400),
                new Probe("GET", "/api/v1/customers/a%00b", null, 400))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                    .header("Authorization", "Bearer " + token);
            if (probe.contentType() != null) {
                request.header("Content-Type", probe.contentType());
            }
            request.method(probe.method(), probe.method().equals("POST") ? HttpRequest.BodyPublishers.ofString("x")
                    : HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe + " " + response.body()).isEqualTo(probe.status());
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(probe + " " + response.body())
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(probe.toString()).contains("\"status\":" + probe.status()).contains("\"instance\"")
                    .doesNotContain("<html").doesNotContain("Exception");
        }
    }

    @Test
    void forgedTokenIsRejected() throws Exception {
        String real = tokens.issue("someone", Role.ADMIN).accessToken();
        String[] parts = real.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"intruder\",\"roles\":[\"admin\"],\"iss\":\"urn:kraft-cis:local-issuer\",\"exp\":4102444800}".getBytes());
        String forged = parts[0] + "." + forgedClaims + "." + parts[2];
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/products"))
                .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).isEqualTo("Bearer realm=\"kraft-cis\", error=\"invalid_token\"");
        assertThat(response.body()).contains("\"instance\":\"/api/v1/products\"");
    }

    @Test
    void answersSayHowToAuthenticateAndCarryTheSecurityHeaders() {
        Api.Response none = api.get(null, "/api/v1/products");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"kraft-cis\"");
        assertThat(none.text("/instance")).isEqualTo("/api/v1/products");
        Api.Response forbidden = api.get(Role.PARTNER, "/api/v1/partner-calls");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("/instance")).isEqualTo("/api/v1/partner-calls");

        Api.Response ok = api.get(Role.BILLING, "/api/v1/products");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ok.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(ok.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        Api.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json("/paths").has("/api/v1/customers/{customerNumber}/overview")).isTrue();
        assertThat(docs.text("/components/securitySchemes/bearer/scheme")).isEqualTo("bearer");
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
        // operation ids say what they do (a generated client is named by them), and every one lists its 4xx answers
        List<String> ids = new java.util.ArrayList<>();
        docs.json("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String id = op.getValue().at("/operationId").asString();
            ids.add(id);
            assertThat(op.getValue().at("/responses").has("400")).as(id).isTrue();
            assertThat(op.getValue().at("/responses/401/content").has("application/problem+json")).as(id).isTrue();
            if (path.getKey().contains("{")) {
                assertThat(op.getValue().at("/responses").has("404")).as(id).isTrue();
            }
        }));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z0-9]+"), "camelCase, no _n suffix");
        assertThat(ids).contains("openContract", "startBillingRun", "getBillingRun");
        assertThat(docs.json("/components/schemas").has("ProblemDetail")).isTrue();
        // the violations a problem carries, with the named values some rules add (the web UI's types come from this)
        assertThat(docs.text("/components/schemas/ProblemDetail/properties/violations/items/$ref")).isEqualTo("#/components/schemas/Violation");
        assertThat(docs.text("/components/schemas/Violation/properties/params/additionalProperties/type")).isEqualTo("string");
    }
}
