package no.kraft.cis.consent.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-in for Signicat: the OAuth2 token endpoint (client credentials) and Sign API v2's documents, document
 * collections and signing sessions, with client-chosen ids (409 when taken). Tests (or the customer) can sign — the
 * stand-in adds a signature to the uploaded PDF as an incremental update, the signer's national ID as the signature's
 * name — reject, and send a webhook. Only tokens it issued are accepted.
 */
public class SignicatStandIn {

    public static final String TOKEN_PATH = "/signicat/auth/open/connect/token";
    public static final String PATH = "/signicat/sign";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, String> collections = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private static final class Session {
        final String id;
        final String documentId;
        final String externalReference;
        final String nationalId;
        final Instant dueDate;
        volatile String state = "READY";
        volatile String resultDocumentId;

        Session(String id, String documentId, String externalReference, String nationalId, Instant dueDate) {
            this.id = id;
            this.documentId = documentId;
            this.externalReference = externalReference;
            this.nationalId = nationalId;
            this.dueDate = dueDate;
        }
    }

    private final String customerPages;

    /** @param customerPages where the customer's signing page is (the signature URL points there) */
    public SignicatStandIn(Clock clock, String clientId, String clientSecret, String customerPages) {
        this.clock = clock;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.customerPages = customerPages;
    }

    StandInHttp.Answer token(StandInHttp.Request r) {
        Map<String, String> form = new HashMap<>();
        for (String pair : r.text().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return StandInHttp.Answer.json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return StandInHttp.Answer.json(401, "{\"error\":\"invalid_client\"}");
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, clock.instant().plusSeconds(600));
        return StandInHttp.Answer.json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":600,\"token_type\":\"Bearer\",\"scope\":\"signicat-api\"}");
    }

    StandInHttp.Answer handle(StandInHttp.Request r) {
        String token = r.bearer();
        Instant expires = token == null ? null : tokens.get(token);
        if (expires == null || !clock.instant().isBefore(expires)) {
            return problem(401, "Unauthorized", "missing or invalid access token");
        }
        List<String> parts = Arrays.stream(r.path().substring(PATH.length()).split("/")).filter(s -> !s.isEmpty()).toList();
        return switch (r.method() + " " + (parts.isEmpty() ? "" : parts.getFirst()) + " " + parts.size()) {
            case "POST documents 1" -> upload(r);
            case "GET documents 2" -> documents.containsKey(parts.get(1))
                    ? new StandInHttp.Answer(200, "application/pdf", documents.get(parts.get(1))) : problem(404, "Not found", null);
            case "POST document-collections 1" -> collection(r);
            case "POST signing-sessions 1" -> createSessions(r);
            case "GET signing-sessions 2" -> sessions.containsKey(parts.get(1))
                    ? StandInHttp.Answer.json(200, JSON.writeValueAsString(json(sessions.get(parts.get(1))))) : problem(404, "Not found", null);
            default -> problem(404, "Not found", r.method() + " " + r.path());
        };
    }

    private StandInHttp.Answer upload(StandInHttp.Request r) {
        if (!"application/pdf".equals(r.header("Content-Type")) || r.body().length == 0) {
            return problem(400, "Bad request", "a PDF body is expected");
        }
        String id = UUID.randomUUID().toString();
        documents.put(id, r.body());
        return StandInHttp.Answer.json(201, JSON.writeValueAsString(Map.of("documentId", id, "mimeType", "application/pdf",
                "createdAt", clock.instant().toString(), "documentHash", Map.of("hash", sha256(r.body()), "hashAlgorithm", "SHA256"))));
    }

    private StandInHttp.Answer collection(StandInHttp.Request r) {
        JsonNode body = JSON.readTree(r.body());
        String id = body.path("id").asString(UUID.randomUUID().toString());
        String documentId = body.path("documents").path(0).path("documentId").asString("");
        if (!documents.containsKey(documentId)) {
            return problem(400, "Bad request", "unknown document " + documentId);
        }
        if (collections.putIfAbsent(id, documentId) != null) {
            return problem(409, "Conflict", "a document collection with id " + id + " exists");
        }
        return StandInHttp.Answer.json(201, JSON.writeValueAsString(Map.of("id", id, "documents", List.of(Map.of("documentId", documentId)))));
    }

    private StandInHttp.Answer createSessions(StandInHttp.Request r) {
        JsonNode body = JSON.readTree(r.body());
        if (!body.isArray()) {
            return problem(400, "Bad request", "the body is an array of signing sessions");
        }
        List<Object> created = new java.util.ArrayList<>();
        for (JsonNode s : body) {
            String id = s.path("id").asString(UUID.randomUUID().toString());
            JsonNode document = s.path("documents").path(0);
            if (!"SIGN".equals(document.path("action").asString("")) || !collections.containsKey(document.path("documentCollectionId").asString(""))) {
                return problem(400, "Bad request", "documents[0] must SIGN a document of a known collection");
            }
            if (!List.of("NATIONAL_IDENTIFICATION_NUMBER").equals(s.path("signer").path("validations").valueStream().map(JsonNode::asString).toList())) {
                return problem(400, "Bad request", "signer.validations must bind the signer's national ID");
            }
            Instant due = Instant.parse(s.path("dueDate").asString());
            if (due.isAfter(clock.instant().plus(java.time.Duration.ofDays(30)))) {
                return problem(400, "Bad request", "dueDate at most 30 days ahead");
            }
            if (sessions.containsKey(id)) {
                return problem(409, "Conflict", "a signing session with id " + id + " exists");
            }
            Session session = new Session(id, document.path("documentId").asString(), s.path("externalReference").asString(null),
                    s.path("signer").path("nationalIdentificationNumber").asString(), due);
            sessions.put(id, session);
            created.add(json(session));
        }
        return StandInHttp.Answer.json(201, JSON.writeValueAsString(created));
    }

    private Map<String, Object> json(Session s) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", s.id);
        out.put("title", "Samtykke");
        if (s.externalReference != null) {
            out.put("externalReference", s.externalReference);
        }
        out.put("signatureUrl", customerPages + "/signing-sessions/" + s.id);
        boolean fin = !"READY".equals(s.state);
        out.put("lifecycle", Map.of("state", s.state, "stateIsFinal", fin));
        if (s.resultDocumentId != null) {
            out.put("output", Map.of("signatures", List.of(Map.of("originalDocumentId", s.documentId, "resultDocumentId", s.resultDocumentId,
                    "signatureType", "PADES"))));
        }
        out.put("dueDate", s.dueDate.toString());
        return out;
    }

    // --- what the customer (or a test) does

    /** The customer signs with BankID: the signed result is the original with a signature added. */
    public void sign(String sessionId) {
        sign(sessionId, null);
    }

    /** Signs as {@code signerNationalId} instead of the bound signer (a test of Elhub's signer check), or tampers when "tamper". */
    public void sign(String sessionId, String signerNationalId) {
        Session s = sessions.get(sessionId);
        byte[] original = documents.get(s.documentId);
        byte[] signed = "tamper".equals(signerNationalId) ? tampered(original, s.nationalId)
                : addSignature(original, signerNationalId == null ? s.nationalId : signerNationalId, clock.instant());
        String resultId = UUID.randomUUID().toString();
        documents.put(resultId, signed);
        s.resultDocumentId = resultId;
        s.state = "SIGNED";
    }

    public void reject(String sessionId) {
        sessions.get(sessionId).state = "REJECTED";
    }

    /** A session waiting for its signer, as the customer's page shows it (the national ID masked to the birth date). */
    public record Pending(String id, String externalReference, String signerBirthDate, Instant dueDate) {
    }

    /** The sessions still waiting for a signature, oldest due first. */
    public List<Pending> pending() {
        return sessions.values().stream().filter(s -> "READY".equals(s.state))
                .map(s -> new Pending(s.id, s.externalReference, s.nationalId == null ? "" : s.nationalId.substring(0, 6), s.dueDate))
                .sorted(java.util.Comparator.comparing(Pending::dueDate)).toList();
    }

    /** READY (may be signed), a final state, or {@code null} when there is no such session. */
    public String state(String sessionId) {
        Session s = sessions.get(sessionId);
        return s == null ? null : s.state;
    }

    /** Posts Signicat's event to our webhook: an event id, the session, and the shared secret in a header. */
    public int sendWebhook(String url, String secret, String eventId, String sessionId) {
        String body = JSON.writeValueAsString(Map.of("id", eventId, "eventName", "sign.session.completed",
                "eventData", Map.of("signingSessionId", sessionId)));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (secret != null) {
                request.header("X-Webhook-Secret", secret);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] addSignature(byte[] original, String signer, Instant at) {
        try (PDDocument pdf = Loader.loadPDF(original)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(signer);
            signature.setReason("BankID (stand-in)");
            Calendar when = new GregorianCalendar();
            when.setTimeInMillis(at.toEpochMilli());
            signature.setSignDate(when);
            pdf.addSignature(signature, content -> {
                // a stand-in "signature": the digest of the signed byte ranges (a real one is a CMS with BankID certificates)
                try {
                    return MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IOException(e);
                }
            });
            ByteArrayOutputStream incremental = new ByteArrayOutputStream();
            pdf.saveIncremental(incremental);
            return incremental.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed file whose original part was changed (a byte in the first line's comment): Elhub's seal breaks. */
    private static byte[] tampered(byte[] original, String signer) {
        byte[] signed = addSignature(original, signer, Instant.EPOCH);
        signed[original.length / 2] ^= 0x01;
        return signed;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StandInHttp.Answer problem(int status, String title, String detail) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("title", title);
        p.put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        return new StandInHttp.Answer(status, "application/problem+json", JSON.writeValueAsString(p).getBytes(StandardCharsets.UTF_8));
    }
}
