package no.kraft.cis.consent.signicat;

import static no.kraft.cis.consent.RemoteCall.text;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.consent.RemoteCall;
import no.kraft.cis.consent.RemoteCallFailed;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of Signicat's Sign API v2 for one thing: having the customer sign Elhub's sealed PDF with Norwegian BankID
 * (PKI signing, QES) and fetching the per-document signed result — never a PAdES container package, which would be a
 * new PDF and break Elhub's seal. OAuth2 client credentials (scope {@code signicat-api}) through Spring Security's
 * client-credentials provider; the token is cached until shortly before it expires. Collections and sessions get
 * client-chosen ids derived from our consent id, so a retried POST never creates a second live session.
 */
public class SignApi {

    static final String PARTY = "Signicat";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Settings ({@code cis.consent.signicat.*}). */
    public record Settings(String baseUrl, String tokenUri, String clientId, String clientSecret, String scope,
            String redirectBase, String vendor) {

        public Settings {
            scope = scope == null ? "signicat-api" : scope;
            vendor = vendor == null ? "NBID" : vendor;
        }
    }

    /** What to ask the signer for. */
    public record SessionRequest(String sessionId, String collectionId, String documentId, String title, String externalReference,
            String nationalId, String email, String mobile, Instant dueDate) {
    }

    /** A signing session as Signicat describes it. */
    public record Session(String id, String state, boolean stateIsFinal, String signatureUrl, String externalReference,
            List<String> resultDocumentIds) {

        public boolean signed() {
            return "SIGNED".equals(state);
        }

        public boolean rejected() {
            return "REJECTED".equals(state);
        }
    }

    private final Settings settings;
    private final RestClient http;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager tokens;

    public SignApi(Settings settings, RestClient.Builder http) {
        this.settings = settings;
        this.http = http.build();
        ClientRegistration registration = ClientRegistration.withRegistrationId("signicat")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientId(settings.clientId()).clientSecret(settings.clientSecret())
                .tokenUri(settings.tokenUri()).scope(settings.scope()).build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        this.tokens = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        this.tokens.setAuthorizedClientProvider(new ClientCredentialsOAuth2AuthorizedClientProvider());
    }

    /** {@code POST /documents} with the raw PDF; the document id. */
    public String uploadDocument(byte[] pdf) {
        return text(json(http.post().uri(url("/documents")).header("Content-Type", "application/pdf").body(pdf)).path("documentId"));
    }

    /** {@code POST /document-collections} with our id; an existing collection with that id is taken as created. */
    public String createCollection(String collectionId, String documentId) {
        String body = JSON.writeValueAsString(Map.of("id", collectionId, "documents", List.of(Map.of("documentId", documentId))));
        try {
            return text(json(http.post().uri(url("/document-collections")).header("Content-Type", "application/json").body(body)).path("id"));
        } catch (RemoteCallFailed e) {
            if (e.status() == 409) {
                return collectionId;
            }
            throw e;
        }
    }

    /** {@code POST /signing-sessions} (a one-element array) with our id; an existing session with that id is read instead. */
    public Session createSession(SessionRequest request) {
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("nationalIdentificationNumber", request.nationalId());
        signer.put("validations", List.of("NATIONAL_IDENTIFICATION_NUMBER"));
        if (request.email() != null) {
            signer.put("email", request.email());
        }
        if (request.mobile() != null) {
            signer.put("mobile", request.mobile());
        }
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", request.sessionId());
        session.put("title", request.title());
        session.put("externalReference", request.externalReference());
        session.put("documents", List.of(Map.of("action", "SIGN", "documentCollectionId", request.collectionId(),
                "documentId", request.documentId())));
        session.put("signingSetup", List.of(Map.of("signingFlow", "PKISIGNING", "vendor", settings.vendor())));
        session.put("signer", signer);
        String redirect = settings.redirectBase() == null ? "" : settings.redirectBase();
        session.put("redirectSettings", Map.of("success", redirect + "/signed?ref=" + request.externalReference(),
                "cancel", redirect + "/cancelled?ref=" + request.externalReference(),
                "error", redirect + "/error?ref=" + request.externalReference()));
        session.put("dueDate", request.dueDate().toString());
        session.put("ui", Map.of("language", "nb"));
        try {
            JsonNode answer = json(http.post().uri(url("/signing-sessions")).header("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(List.of(session))));
            return session(answer.isArray() ? answer.path(0) : answer);
        } catch (RemoteCallFailed e) {
            if (e.status() == 409) {
                return session(request.sessionId());
            }
            throw e;
        }
    }

    /** {@code GET /signing-sessions/{id}}. */
    public Session session(String sessionId) {
        return session(json(http.get().uri(url("/signing-sessions/" + sessionId))));
    }

    /** {@code GET /documents/{id}}: the signed result. */
    public byte[] download(String documentId) {
        return call(http.get().uri(url("/documents/" + documentId)).header("Accept", "application/pdf"));
    }

    private static Session session(JsonNode node) {
        List<String> results = new ArrayList<>();
        node.path("output").path("signatures").forEach(s -> {
            String id = text(s.path("resultDocumentId"));
            if (id != null) {
                results.add(id);
            }
        });
        return new Session(text(node.path("id")), text(node.path("lifecycle").path("state")),
                node.path("lifecycle").path("stateIsFinal").asBoolean(false), text(node.path("signatureUrl")),
                text(node.path("externalReference")), List.copyOf(results));
    }

    private URI url(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    private JsonNode json(RestClient.RequestHeadersSpec<?> request) {
        byte[] body = call(request.header("Accept", "application/json"));
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private byte[] call(RestClient.RequestHeadersSpec<?> request) {
        return RemoteCall.send(PARTY, request.header("Authorization", "Bearer " + token()), "");
    }

    private String token() {
        try {
            OAuth2AuthorizedClient client = tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("signicat")
                    .principal("kraft-cis").build());
            if (client == null) {
                throw new IllegalStateException("no token from " + settings.tokenUri());
            }
            return client.getAccessToken().getTokenValue();
        } catch (RuntimeException e) {
            throw RemoteCallFailed.noAnswer(PARTY + " token endpoint", e);
        }
    }
}
