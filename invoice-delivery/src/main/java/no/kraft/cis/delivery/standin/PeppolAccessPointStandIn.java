package no.kraft.cis.delivery.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for our Peppol access point provider ({@link no.kraft.cis.delivery.peppol.PeppolAccessPoint}'s API): checks
 * the key, the participant IDs (scheme 0192, nine digits passing MOD11), that the document is a UBL Invoice or
 * CreditNote of BIS Billing 3.0 matching the document type named, refuses a receiver not registered in its SMP, and
 * answers with a transmission and the receiving access point's receipt. The same reference again is the same
 * transmission (no second delivery). It can be told to be down, and records what it delivered.
 */
public final class PeppolAccessPointStandIn implements AutoCloseable {

    /** A document the stand-in delivered. */
    public record Delivered(String receiverId, String documentTypeId, String reference, byte[] document, String transmissionId) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String apiKey;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, String> byReference = new ConcurrentHashMap<>();
    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public PeppolAccessPointStandIn(int port, String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/outbound", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer a = down ? new Answer(503, "{\"code\":\"UNAVAILABLE\",\"message\":\"maintenance\"}")
                    : handle(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Authorization"), body);
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    private record Answer(int status, String body) {
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The organisation is a Peppol participant (in the SMP). */
    public void register(String organisationNumber) {
        registered.add("0192:" + organisationNumber);
    }

    public void down(boolean down) {
        this.down = down;
    }

    public List<Delivered> delivered() {
        return List.copyOf(delivered);
    }

    private Answer handle(String method, String authorization, byte[] body) {
        if (!"POST".equals(method)) {
            return new Answer(405, "{\"code\":\"METHOD\",\"message\":\"POST only\"}");
        }
        if (!("Bearer " + apiKey).equals(authorization)) {
            return new Answer(401, "{\"code\":\"UNAUTHORIZED\",\"message\":\"unknown API key\"}");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (RuntimeException e) {
            return error(400, "BAD_REQUEST", "the body is not JSON");
        }
        String sender = request.path("senderId").asString("");
        String receiver = request.path("receiverId").asString("");
        String type = request.path("documentTypeId").asString("");
        String reference = request.path("reference").asString("");
        for (String id : List.of(sender, receiver)) {
            if (!id.matches("0192:\\d{9}") || !mod11(id.substring(5))) {
                return error(400, "INVALID_PARTICIPANT", id + " is no 0192 participant ID with a valid organisation number");
            }
        }
        if (!registered.contains(receiver)) {
            return error(422, "RECEIVER_NOT_FOUND", receiver + " is not registered in the SMP for " + type);
        }
        byte[] document;
        try {
            document = java.util.Base64.getDecoder().decode(request.path("document").asString(""));
        } catch (IllegalArgumentException e) {
            return error(400, "BAD_DOCUMENT", "the document is not base64");
        }
        String xml = new String(document, StandardCharsets.UTF_8);
        boolean invoice = type.startsWith("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##")
                && xml.contains("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
        boolean credit = type.startsWith("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##")
                && xml.contains("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2");
        if (!(invoice || credit) || !xml.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0")) {
            return error(400, "DOCUMENT_TYPE_MISMATCH", "the document is not the BIS Billing 3.0 document its type names");
        }
        String transmission = byReference.computeIfAbsent(reference.isBlank() ? UUID.randomUUID().toString() : reference, r -> {
            String id = UUID.randomUUID().toString();
            delivered.add(new Delivered(receiver, type, r, document, id));
            return id;
        });
        return new Answer(200, "{\"transmissionId\":\"" + transmission + "\",\"status\":\"DELIVERED\",\"receipt\":{\"id\":\"as4-"
                + transmission + "\",\"receivedAt\":\"" + java.time.Instant.now() + "\"}}");
    }

    private static Answer error(int status, String code, String message) {
        return new Answer(status, "{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    /** MOD11 with weights 3 2 7 6 5 4 3 2 (Brønnøysund's organisation number). */
    private static boolean mod11(String number) {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (number.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == number.charAt(8) - '0';
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
