package no.kraft.cis.collection.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A debt-collection agency on 127.0.0.1 speaking its claims API ({@code POST /v1/claims}, bearer API key,
 * {@code Idempotency-Key}, JSON) and refusing what an agency refuses: no or a wrong key (401); no idempotency key, a
 * body that is not JSON or has fields the API does not know (400); a claim it cannot collect on (422 with
 * {@code errors} naming field and code): no creditor reference, a KID that fails its MOD10 check, a principal that is
 * not positive, no due date, a debtor without name, postal address, or national ID (a person, 11 digits) or
 * organisation number (an organisation, 9 digits); the same idempotency key with another claim, or the same creditor
 * reference already registered with other content (409). A claim taken gets a case reference (201); the same claim
 * again — same key, or same reference and content — the same reference (200), never a second case. It can be told to
 * be down (503) for the next N requests or until told otherwise.
 */
public final class AgencyStandIn implements AutoCloseable {

    public static final String PATH = "/v1/claims";

    /** A claim the stand-in registered. */
    public record Registered(String caseReference, String idempotencyKey, String creditorReference, JsonNode claim) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("creditorReference", "kid", "currency", "originalAmount", "principal", "issueDate",
            "dueDate", "fees", "interest", "debtor", "notices", "handedOverOn");
    private static final Set<String> DEBTOR_FIELDS = Set.of("type", "name", "nationalId", "organisationNumber", "address", "email", "mobile");

    private final HttpServer server;
    private final String apiKey;
    private final List<Registered> claims = new CopyOnWriteArrayList<>();
    private final Map<String, Registered> byKey = new ConcurrentHashMap<>();
    private final Map<String, Registered> byReference = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger downFor = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean down;

    /** @param port 0 for any free one */
    public AgencyStandIn(int port, String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Down (every request answered 503) or up again. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next {@code n} requests are answered 503, then it is up. */
    public void downFor(int n) {
        downFor.set(n);
    }

    /** Requests that reached {@code /v1/claims}, taken or not. */
    public int requests() {
        return requests.get();
    }

    /** The claims registered, in the order they came. */
    public List<Registered> claims() {
        return List.copyOf(claims);
    }

    public Optional<Registered> claim(String creditorReference) {
        return Optional.ofNullable(byReference.get(creditorReference));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            send(exchange, 404, problem("Not Found", "no such resource"));
            return;
        }
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (down || downFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 503, problem("Service Unavailable", "try again later"));
            return;
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            send(exchange, 405, problem("Method Not Allowed", "POST a claim"));
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + apiKey)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            send(exchange, 401, problem("Unauthorized", "a valid API key is required"));
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            send(exchange, 415, problem("Unsupported Media Type", "send application/json"));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            send(exchange, 400, problem("Bad Request", "the Idempotency-Key header is required"));
            return;
        }
        JsonNode claim;
        try {
            claim = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            send(exchange, 400, problem("Bad Request", "malformed JSON: " + e.getOriginalMessage()));
            return;
        }
        if (claim == null || !claim.isObject()) {
            send(exchange, 400, problem("Bad Request", "the claim is a JSON object"));
            return;
        }
        List<Map<String, Object>> errors = validate(claim);
        if (errors.stream().anyMatch(e -> e.get("code").equals("UNKNOWN_FIELD"))) {
            Map<String, Object> p = problem("Bad Request", "unknown fields");
            p.put("errors", errors);
            send(exchange, 400, p);
            return;
        }
        if (!errors.isEmpty()) {
            Map<String, Object> p = problem("Unprocessable Claim", "the claim cannot be registered");
            p.put("errors", errors);
            send(exchange, 422, p);
            return;
        }
        synchronized (this) {
            String reference = claim.path("creditorReference").asString();
            Registered sameKey = byKey.get(key);
            if (sameKey != null) {
                if (sameKey.claim().equals(claim)) {
                    send(exchange, 200, registered(sameKey));
                } else {
                    send(exchange, 409, problem("Idempotency Key Reused", "key " + key + " was used for another claim"));
                }
                return;
            }
            Registered sameReference = byReference.get(reference);
            if (sameReference != null) {
                if (sameReference.claim().equals(claim)) {
                    send(exchange, 200, registered(sameReference));
                } else {
                    Map<String, Object> p = problem("Duplicate Claim", "creditor reference " + reference + " is registered as case "
                            + sameReference.caseReference() + " with other content");
                    p.put("errors", List.of(error("creditorReference", "DUPLICATE_CLAIM", "already registered with other content")));
                    send(exchange, 409, p);
                }
                return;
            }
            Registered fresh = new Registered(String.format("AG-%06d", sequence.incrementAndGet()), key, reference, claim);
            claims.add(fresh);
            byKey.put(key, fresh);
            byReference.put(reference, fresh);
            send(exchange, 201, registered(fresh));
        }
    }

    private static Map<String, Object> registered(Registered r) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caseReference", r.caseReference());
        answer.put("creditorReference", r.creditorReference());
        answer.put("status", "REGISTERED");
        return answer;
    }

    private static List<Map<String, Object>> validate(JsonNode claim) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String name : claim.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add(error(name, "UNKNOWN_FIELD", "not a field of a claim"));
            }
        }
        if (!claim.path("creditorReference").isString() || !claim.path("creditorReference").asString().matches("[0-9A-Za-z-]{1,35}")) {
            errors.add(error("creditorReference", "REQUIRED", "the creditor's reference (1–35 letters, digits, '-')"));
        }
        String kid = claim.path("kid").asString("");
        if (!kid.matches("\\d{2,25}") || !mod10(kid)) {
            errors.add(error("kid", "INVALID_KID", "a KID is 2–25 digits with a valid MOD10 check digit"));
        }
        if (!claim.path("currency").asString("").equals("NOK")) {
            errors.add(error("currency", "UNSUPPORTED_CURRENCY", "NOK only"));
        }
        JsonNode principal = claim.path("principal");
        if (!principal.isNumber() || principal.decimalValue().signum() <= 0) {
            errors.add(error("principal", "NON_POSITIVE_AMOUNT", "the principal must be a positive amount"));
        }
        if (claim.has("fees") && (!claim.path("fees").isNumber() || claim.path("fees").decimalValue().signum() < 0)) {
            errors.add(error("fees", "NEGATIVE_AMOUNT", "fees may not be negative"));
        }
        if (!date(claim.path("dueDate"))) {
            errors.add(error("dueDate", "REQUIRED", "the due date (yyyy-MM-dd)"));
        }
        JsonNode debtor = claim.path("debtor");
        if (!debtor.isObject()) {
            errors.add(error("debtor", "REQUIRED", "the debtor"));
            return errors;
        }
        for (String name : debtor.propertyNames()) {
            if (!DEBTOR_FIELDS.contains(name)) {
                errors.add(error("debtor." + name, "UNKNOWN_FIELD", "not a field of a debtor"));
            }
        }
        if (debtor.path("name").asString("").isBlank()) {
            errors.add(error("debtor.name", "REQUIRED", "the debtor's name"));
        }
        switch (debtor.path("type").asString("")) {
            case "PERSON" -> {
                if (!debtor.path("nationalId").asString("").matches("\\d{11}")) {
                    errors.add(error("debtor.nationalId", "REQUIRED", "a person is identified by the 11-digit national ID"));
                }
            }
            case "ORGANISATION" -> {
                if (!debtor.path("organisationNumber").asString("").matches("\\d{9}")) {
                    errors.add(error("debtor.organisationNumber", "REQUIRED", "an organisation is identified by its 9-digit organisation number"));
                }
            }
            default -> errors.add(error("debtor.type", "REQUIRED", "PERSON or ORGANISATION"));
        }
        JsonNode address = debtor.path("address");
        if (address.path("street").asString("").isBlank() || address.path("postcode").asString("").isBlank()
                || address.path("city").asString("").isBlank()) {
            errors.add(error("debtor.address", "REQUIRED", "the debtor's postal address (street, postcode, city): letters go there"));
        }
        return errors;
    }

    private static boolean date(JsonNode node) {
        try {
            LocalDate.parse(node.asString(""));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean mod10(String kid) {
        int sum = 0;
        boolean doubled = false;
        for (int i = kid.length() - 1; i >= 0; i--) {
            int d = kid.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static Map<String, Object> error(String field, String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", code);
        e.put("message", message);
        return e;
    }

    private static Map<String, Object> problem(String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("detail", detail);
        return p;
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
