package no.kraft.cis.consent.standin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-in for Elhub's Access API ({@code /access/v0}): the document flow (create → sealed PDF → upload signed →
 * grant) and the request flow, with Elhub's paths, headers and JSON:API shapes. It makes a PDF per document and, on
 * upload, checks that the file is that PDF with a signature added — the original bytes unchanged at the start
 * (an incremental update), a PDFBox-readable signature, and the signer (the stand-in reads the national ID from the
 * signature's name, where a real check reads the BankID certificate) being the person asked — else 422/403 as Elhub.
 * Requires a Maskinporten token the token stand-in issued, {@code SenderGln} and {@code User-Agent}. Tests can reject
 * or expire documents and requests and approve requests.
 */
public class ElhubAccessStandIn {

    public static final String PATH = "/elhub/access/v0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final Predicate<String> validToken;
    private final Duration validity = Duration.ofDays(28);
    private final Map<String, Doc> documents = new ConcurrentHashMap<>();
    private final Map<String, Req> requests = new ConcurrentHashMap<>();
    private final Map<String, GrantRow> grants = new ConcurrentHashMap<>();

    private static final class Doc {
        final String id;
        final String type;
        final String nationalId;
        final String meteringPointId;
        final byte[] original;
        final Instant validTo;
        volatile String status = "Pending";
        volatile String grantId;

        Doc(String id, String type, String nationalId, String meteringPointId, byte[] original, Instant validTo) {
            this.id = id;
            this.type = type;
            this.nationalId = nationalId;
            this.meteringPointId = meteringPointId;
            this.original = original;
            this.validTo = validTo;
        }
    }

    private static final class Req {
        final String id;
        final String type;
        final Instant validTo;
        volatile String status = "Pending";
        volatile String grantId;

        Req(String id, String type, Instant validTo) {
            this.id = id;
            this.type = type;
            this.validTo = validTo;
        }
    }

    private record GrantRow(String id, String status, Instant validFrom, Instant validTo, String sourceType, String sourceId) {
    }

    public ElhubAccessStandIn(Clock clock, Predicate<String> validToken) {
        this.clock = clock;
        this.validToken = validToken;
    }

    StandInHttp.Answer handle(StandInHttp.Request r) {
        if (!validToken.test(r.bearer())) {
            return error(401, "Unauthorized", "missing or invalid Maskinporten token");
        }
        if (r.header("User-Agent") == null || r.header("User-Agent").isBlank()) {
            return error(400, "Bad request", "Missing User-Agent header");
        }
        String path = r.path().substring(PATH.length());
        boolean needsSender = !path.startsWith("/authorization-grants") && !(path.startsWith("/authorization-requests/") && "GET".equals(r.method()));
        if (needsSender && (r.header("SenderGln") == null || !r.header("SenderGln").matches("\\d{13}"))) {
            return error(400, "Missing required header", "SenderGln");
        }
        List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return switch (r.method() + " " + (parts.isEmpty() ? "" : parts.getFirst()) + " " + parts.size()) {
            case "POST authorization-documents 1" -> createDocument(r);
            case "GET authorization-documents 2" -> parts.get(1).endsWith(".pdf") ? pdf(parts.get(1)) : document(parts.get(1));
            case "PUT authorization-documents 2" -> upload(parts.get(1), r);
            case "POST authorization-requests 1" -> createRequest(r);
            case "GET authorization-requests 2" -> request(parts.get(1));
            case "GET authorization-grants 2" -> grant(parts.get(1));
            default -> error(404, "Not found error", r.method() + " " + path);
        };
    }

    private StandInHttp.Answer createDocument(StandInHttp.Request r) {
        JsonNode data = JSON.readTree(r.body()).path("data");
        if (!"AuthorizationDocument".equals(data.path("type").asString(""))) {
            return error(409, "Resource type mismatch", "Expected 'data.type' to be 'AuthorizationDocument'");
        }
        String type = data.path("attributes").path("documentType").asString("");
        JsonNode meta = data.path("meta");
        StandInHttp.Answer invalid = invalid(type, meta, r);
        if (invalid != null) {
            return invalid;
        }
        String id = UUID.randomUUID().toString();
        Instant validTo = clock.instant().plus(validity);
        Doc doc = new Doc(id, type, meta.path("requestedTo").path("idValue").asString(), meta.path("requestedForMeteringPointId").asString(),
                sealedPdf(id, type, meta), validTo);
        documents.put(id, doc);
        return StandInHttp.Answer.json(201, documentJson(doc));
    }

    private StandInHttp.Answer invalid(String type, JsonNode meta, StandInHttp.Request r) {
        if (!List.of("ChangeOfBalanceSupplierForPerson", "MoveInAndChangeOfBalanceSupplierForPerson").contains(type)) {
            return error(400, "Invalid field value in request body", "Invalid value '" + type + "' for field 'documentType'");
        }
        for (String field : List.of("requestedFromName", "requestedForMeteringPointAddress", "balanceSupplierName", "balanceSupplierContractName")) {
            if (meta.path(field).asString("").isBlank()) {
                return error(400, "Missing required field in request body", "Field '" + field + "' is missing or invalid");
            }
        }
        if (!meta.path("requestedForMeteringPointId").asString("").matches("\\d{18}")) {
            return error(422, "Validation error", "Metering point id is invalid");
        }
        if (!meta.path("requestedBy").path("idValue").asString("").equals(r.header("SenderGln"))) {
            return error(403, "Party not authorized", "RequestedBy must match the authorized party");
        }
        if (!"NationalIdentityNumber".equals(meta.path("requestedTo").path("idType").asString(""))) {
            return error(400, "Invalid national identity number", null);
        }
        return null;
    }

    private StandInHttp.Answer pdf(String file) {
        Doc doc = documents.get(file.substring(0, file.length() - 4));
        if (doc == null) {
            return error(404, "Not found error", "AuthorizationDocument could not be found.");
        }
        return new StandInHttp.Answer(200, "application/pdf", doc.original);
    }

    private StandInHttp.Answer document(String id) {
        Doc doc = documents.get(id);
        expireIfDue(doc);
        return doc == null ? error(404, "Not found error", "AuthorizationDocument could not be found.") : StandInHttp.Answer.json(200, documentJson(doc));
    }

    private StandInHttp.Answer upload(String file, StandInHttp.Request r) {
        if (!"application/pdf".equals(r.header("Content-Type"))) {
            return error(415, "Unsupported media type", "Unsupported media type, 'application/pdf' is supported.");
        }
        if (r.body().length > 1_048_576) {
            return error(413, "Content too large", "Signed PDF upload size is limited to 1 MB");
        }
        Doc doc = documents.get(file.endsWith(".pdf") ? file.substring(0, file.length() - 4) : file);
        if (doc == null) {
            return error(404, "Not found error", "AuthorizationDocument could not be found.");
        }
        expireIfDue(doc);
        if (!"Pending".equals(doc.status)) {
            return error(422, "Invalid status state", "the document is " + doc.status);
        }
        byte[] signed = r.body();
        if (signed.length <= doc.original.length || !Arrays.equals(signed, 0, doc.original.length, doc.original, 0, doc.original.length)) {
            return error(422, "Original AuthorizationDocument mismatch", "the signed file is not the issued document with a signature added");
        }
        String signer;
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = pdf.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return error(422, "End user signature validation failed", "The document is missing the end user signature.");
            }
            signer = signatures.getLast().getName();
        } catch (IOException e) {
            return error(422, "End user signature validation failed", "The end user signature is invalid.");
        }
        if (!doc.nationalId.equals(signer)) {
            return error(403, "Signatory is not allowed to sign", "the signer is not the person the document was made for");
        }
        doc.status = "Signed";
        doc.grantId = issueGrant("AuthorizationDocument", doc.id);
        return StandInHttp.Answer.empty(204);
    }

    private StandInHttp.Answer createRequest(StandInHttp.Request r) {
        JsonNode data = JSON.readTree(r.body()).path("data");
        if (!"AuthorizationRequest".equals(data.path("type").asString(""))) {
            return error(409, "Resource type mismatch", "Expected 'data.type' to be 'AuthorizationRequest'");
        }
        String type = data.path("attributes").path("requestType").asString("");
        if (type.isEmpty()) {
            return error(400, "Missing required field in request body", "Field 'requestType' is missing or invalid");
        }
        StandInHttp.Answer refused = invalid(type, data.path("meta"), r);
        if (refused != null) {
            return refused;
        }
        Req req = new Req(UUID.randomUUID().toString(), type, clock.instant().plus(validity));
        requests.put(req.id, req);
        return StandInHttp.Answer.json(201, requestJson(req));
    }

    private StandInHttp.Answer request(String id) {
        Req req = requests.get(id);
        if (req == null) {
            return error(404, "Not found error", null);
        }
        if ("Pending".equals(req.status) && !clock.instant().isBefore(req.validTo)) {
            req.status = "Expired";
        }
        return StandInHttp.Answer.json(200, requestJson(req));
    }

    private StandInHttp.Answer grant(String id) {
        GrantRow g = grants.get(id);
        if (g == null) {
            return error(404, "Not found error", null);
        }
        return StandInHttp.Answer.json(200, JSON.writeValueAsString(Map.of("data", Map.of("type", "AuthorizationGrant", "id", g.id(),
                "attributes", Map.of("status", g.status(), "grantedAt", g.validFrom().toString(), "validFrom", g.validFrom().toString(),
                        "validTo", g.validTo().toString()),
                "relationships", Map.of("source", Map.of("data", Map.of("type", g.sourceType(), "id", g.sourceId())))),
                "links", Map.of("self", PATH + "/authorization-grants/" + g.id()))));
    }

    private String issueGrant(String sourceType, String sourceId) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        grants.put(id, new GrantRow(id, "Active", now, now.plus(Duration.ofDays(365)), sourceType, sourceId));
        return id;
    }

    private void expireIfDue(Doc doc) {
        if (doc != null && "Pending".equals(doc.status) && !clock.instant().isBefore(doc.validTo)) {
            doc.status = "Expired";
        }
    }

    // --- what a test (or the customer on Elhub's pages) does

    /** The customer approves the request on Elhub's pages: a grant is issued. */
    public void approve(String requestId) {
        Req req = requests.get(requestId);
        req.status = "Accepted";
        req.grantId = issueGrant("AuthorizationRequest", requestId);
    }

    public void rejectRequest(String requestId) {
        requests.get(requestId).status = "Rejected";
    }

    /** The consent requests waiting for the customer on Elhub's pages. */
    public List<String> pendingRequests() {
        return requests.values().stream().filter(r -> "Pending".equals(r.status)).map(r -> r.id).sorted().toList();
    }

    /** Pending, a final status, or {@code null} when there is no such request. */
    public String requestStatus(String requestId) {
        Req r = requests.get(requestId);
        return r == null ? null : r.status;
    }

    public void expireDocument(String documentId) {
        documents.get(documentId).status = "Expired";
    }

    // --- shapes

    private String documentJson(Doc doc) {
        Map<String, Object> relationships = new java.util.LinkedHashMap<>();
        relationships.put("requestedBy", Map.of("data", Map.of("type", "OrganizationEntity", "id", "0000000000000")));
        if (doc.grantId != null) {
            relationships.put("authorizationGrant", Map.of("data", Map.of("type", "AuthorizationGrant", "id", doc.grantId),
                    "links", Map.of("self", PATH + "/authorization-grants/" + doc.grantId)));
        }
        return JSON.writeValueAsString(Map.of("data", Map.of("type", "AuthorizationDocument", "id", doc.id,
                "attributes", Map.of("status", doc.status, "documentType", doc.type, "validTo", doc.validTo.toString()),
                "relationships", relationships, "meta", Map.of("requestedForMeteringPointId", doc.meteringPointId),
                "links", Map.of("self", PATH + "/authorization-documents/" + doc.id, "file", PATH + "/authorization-documents/" + doc.id + ".pdf")),
                "links", Map.of("self", PATH + "/authorization-documents")));
    }

    private String requestJson(Req req) {
        Map<String, Object> relationships = new java.util.LinkedHashMap<>();
        if (req.grantId != null) {
            relationships.put("authorizationGrant", Map.of("data", Map.of("type", "AuthorizationGrant", "id", req.grantId),
                    "links", Map.of("self", PATH + "/authorization-grants/" + req.grantId)));
        }
        return JSON.writeValueAsString(Map.of("data", Map.of("type", "AuthorizationRequest", "id", req.id,
                "attributes", Map.of("status", req.status, "requestType", req.type, "validTo", req.validTo.toString()),
                "relationships", relationships, "links", Map.of("self", PATH + "/authorization-requests/" + req.id))));
    }

    private static StandInHttp.Answer error(int status, String title, String detail) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("status", String.valueOf(status));
        e.put("title", title);
        if (detail != null) {
            e.put("detail", detail);
        }
        return StandInHttp.Answer.json(status, JSON.writeValueAsString(Map.of("errors", List.of(e))));
    }

    /** A one-page PDF naming the document; stands for Elhub's PAdES-sealed file. */
    private static byte[] sealedPdf(String id, String type, JsonNode meta) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(60, 720);
                text.setLeading(16);
                for (String line : List.of("Elhub - fullmaktsdokument " + id, type, "Fra: " + meta.path("requestedFromName").asString(),
                        "Målepunkt: " + meta.path("requestedForMeteringPointId").asString(),
                        "Adresse: " + meta.path("requestedForMeteringPointAddress").asString(),
                        "Leverandør: " + meta.path("balanceSupplierName").asString(),
                        "Avtale: " + meta.path("balanceSupplierContractName").asString())) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            pdf.getDocumentInformation().setTitle("Elhub authorization document " + id);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
