package no.kraft.cis.consent.elhubaccess;

import static no.kraft.cis.consent.RemoteCall.text;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import no.kraft.cis.consent.RemoteCall;
import no.kraft.cis.consent.RemoteCallFailed;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of Elhub's Access API (samtykkekontroll; {@code /access/v0}, JSON:API bodies): authorization documents (create,
 * download the sealed PDF, upload the signed PDF, read), authorization requests and grants. Every call carries the
 * Maskinporten bearer token, {@code SenderGln}, {@code OnBehalfOfGln} when configured, and {@code User-Agent}. Field
 * names follow Elhub's current code (auth-grant-manager v0); see the module README for what is marked (verify).
 */
public class AccessApi {

    static final String PARTY = "Elhub Access API";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Settings ({@code cis.consent.elhub-access.*}). */
    public record Settings(String baseUrl, String senderGln, String onBehalfOfGln, String userAgent) {

        public Settings {
            userAgent = userAgent == null ? "kraft-cis" : userAgent;
        }
    }

    /** Switch or move-in, as Elhub names the document and request types. */
    public enum Type {
        CHANGE_OF_SUPPLIER("ChangeOfBalanceSupplierForPerson"),
        MOVE_IN("MoveInAndChangeOfBalanceSupplierForPerson");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * What the document or request is about.
     *
     * @param moveInDate only for a move-in today or in the past (BRS-NO-103); {@code null} otherwise
     */
    public record Subject(Type type, String nationalId, String personName, String meteringPointId, String meteringPointAddress,
            String supplierName, String contractName, LocalDate moveInDate, String language) {
    }

    /** A document or request as Elhub describes it. */
    public record Authorization(String id, String status, Instant validTo, String grantId) {
    }

    /** A grant. */
    public record Grant(String id, String status, Instant validFrom, Instant validTo) {

        public boolean active() {
            return "Active".equals(status);
        }
    }

    private final Settings settings;
    private final Supplier<String> token;
    private final RestClient http;

    public AccessApi(Settings settings, Supplier<String> token, RestClient.Builder http) {
        this.settings = settings;
        this.token = token;
        this.http = http.build();
    }

    /** {@code POST /authorization-documents}. */
    public Authorization createDocument(Subject subject) {
        Map<String, Object> meta = meta(subject);
        meta.put("language", subject.language() == null ? "nb" : subject.language());
        String body = JSON.writeValueAsString(Map.of("data", Map.of("type", "AuthorizationDocument",
                "attributes", Map.of("documentType", subject.type().wire()), "meta", meta)));
        return authorization(json(http.post().uri(url("/authorization-documents")).header("Content-Type", "application/json").body(body)));
    }

    /** {@code GET /authorization-documents/{id}.pdf}: Elhub's sealed PDF. */
    public byte[] downloadDocument(String documentId) {
        return call(http.get().uri(url("/authorization-documents/" + documentId + ".pdf")).header("Accept", "application/pdf"));
    }

    /** {@code PUT /authorization-documents/{id}.pdf} with the signed PDF (204). */
    public void uploadSigned(String documentId, byte[] signedPdf) {
        call(http.put().uri(url("/authorization-documents/" + documentId + ".pdf")).header("Content-Type", "application/pdf").body(signedPdf));
    }

    /** {@code GET /authorization-documents/{id}}: status and, once signed, the grant. */
    public Authorization document(String documentId) {
        return authorization(json(http.get().uri(url("/authorization-documents/" + documentId))));
    }

    /** {@code POST /authorization-requests}: the customer approves on Elhub's pages. */
    public Authorization createRequest(Subject subject, String redirectUri) {
        Map<String, Object> meta = meta(subject);
        if (redirectUri != null) {
            meta.put("redirectURI", redirectUri);
        }
        String body = JSON.writeValueAsString(Map.of("data", Map.of("type", "AuthorizationRequest",
                "attributes", Map.of("requestType", subject.type().wire()), "meta", meta)));
        return authorization(json(http.post().uri(url("/authorization-requests")).header("Content-Type", "application/json").body(body)));
    }

    /** {@code GET /authorization-requests/{id}}. */
    public Authorization request(String requestId) {
        return authorization(json(http.get().uri(url("/authorization-requests/" + requestId))));
    }

    /** {@code GET /authorization-grants/{id}}. */
    public Grant grant(String grantId) {
        JsonNode data = json(http.get().uri(url("/authorization-grants/" + grantId))).path("data");
        JsonNode attributes = data.path("attributes");
        return new Grant(text(data.path("id")), text(attributes.path("status")), instant(text(attributes.path("validFrom"))),
                instant(text(attributes.path("validTo"))));
    }

    private Map<String, Object> meta(Subject s) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("requestedBy", Map.of("idType", "GlobalLocationNumber", "idValue", settings.senderGln()));
        meta.put("requestedFrom", Map.of("idType", "NationalIdentityNumber", "idValue", s.nationalId()));
        meta.put("requestedTo", Map.of("idType", "NationalIdentityNumber", "idValue", s.nationalId()));
        meta.put("requestedFromName", s.personName());
        meta.put("requestedForMeteringPointId", s.meteringPointId());
        meta.put("requestedForMeteringPointAddress", s.meteringPointAddress());
        meta.put("balanceSupplierName", s.supplierName());
        meta.put("balanceSupplierContractName", s.contractName());
        if (s.moveInDate() != null) {
            meta.put("moveInDate", s.moveInDate().toString());
        }
        return meta;
    }

    private static Authorization authorization(JsonNode answer) {
        JsonNode data = answer.path("data");
        return new Authorization(text(data.path("id")), text(data.path("attributes").path("status")),
                instant(text(data.path("attributes").path("validTo"))),
                text(data.path("relationships").path("authorizationGrant").path("data").path("id")));
    }

    private URI url(String path) {
        return URI.create(settings.baseUrl() + path);
    }

    private JsonNode json(RestClient.RequestHeadersSpec<?> request) {
        byte[] body = call(request.header("Accept", "application/json"));
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private byte[] call(RestClient.RequestHeadersSpec<?> request) {
        String bearer;
        try {
            bearer = token.get();
        } catch (RuntimeException tokenFailed) {
            throw RemoteCallFailed.noAnswer(PARTY, tokenFailed);
        }
        return RemoteCall.send(PARTY, request.header("Authorization", "Bearer " + bearer)
                .header("SenderGln", settings.senderGln())
                .headers(h -> {
                    if (settings.onBehalfOfGln() != null && !settings.onBehalfOfGln().isBlank()) {
                        h.add("OnBehalfOfGln", settings.onBehalfOfGln());
                    }
                    h.set("User-Agent", settings.userAgent());
                }), "/errors/0");
    }

    private static Instant instant(String raw) {
        return raw == null || raw.isBlank() ? null : OffsetDateTime.parse(raw).toInstant();
    }
}
