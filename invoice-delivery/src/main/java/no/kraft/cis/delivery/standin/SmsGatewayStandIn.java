package no.kraft.cis.delivery.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.kraft.cis.delivery.sms.SmsParts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS gateway on 127.0.0.1 that speaks LINK Mobility's REST SMS API as we understand it ({@code POST /sms/send},
 * HTTP Basic auth, JSON in and out) and refuses what it refuses: wrong credentials (401), another account's platform
 * ids (403, 104), a malformed body (400), a sender that is not alphanumeric and 1–11 characters (400, 2000), a
 * destination that is not E.164 (2106) or not a Norwegian mobile (2102) or is barred (2105), an empty text (4003), an
 * unknown or unfitting coding (4005), a text of more than six SMS parts (4001). An accepted message is answered 200
 * with a new {@code messageId}, {@code resultCode} 1005 and {@code Queued}, and recorded; a repeated {@code refId} is
 * the same message (the same answer, nothing recorded twice). It can be told to be down (503) or slow, and posts a
 * delivery report to each requested gate that has a URL here ({@link #gate}).
 *
 * <p>Which answers of the real gateway carry which HTTP status is reconstructed (see the module README); the result
 * codes are LINK's as public client libraries list them.
 */
public final class SmsGatewayStandIn implements AutoCloseable {

    public static final String PATH = "/sms/send";
    public static final int MAX_PARTS = 6;

    /** The account the stand-in knows: Basic auth credentials and the platform ids that go with them. */
    public record Account(String username, String password, String platformId, String platformPartnerId) {
    }

    /** A message the stand-in accepted. */
    public record Message(String messageId, String refId, String source, String destination, String text, int parts, Instant acceptedAt,
            List<String> deliveryReportGates) {
    }

    /** A delivery report the stand-in posted, with the answer it got ({@code 0}: none). */
    public record PostedReport(String messageId, URI url, String json, int status) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final Account account;
    private final Clock clock;
    private final HttpClient reports = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Map<String, Message> byRefId = new ConcurrentHashMap<>();
    private final Map<String, URI> gates = new ConcurrentHashMap<>();
    private final Set<String> barred = ConcurrentHashMap.newKeySet();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final List<PostedReport> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean down;
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    public SmsGatewayStandIn(int port, Account account) throws IOException {
        this(port, account, Clock.systemUTC());
    }

    /** @param port 0 for any free one */
    public SmsGatewayStandIn(int port, Account account, Clock clock) throws IOException {
        this.account = account;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // one virtual thread per request, so a deliberately slow answer holds up nothing else
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

    /** Every answer from now on comes this late ({@link Duration#ZERO}: at once). */
    public void slow(Duration delay) {
        this.delay.set(delay);
    }

    /** Sends to this E.164 number are refused (2105, destination blocked). */
    public void bar(String destination) {
        barred.add(destination);
    }

    /** Sends to this E.164 number are accepted, but their delivery report says 2104 (unknown subscriber). */
    public void undeliverable(String destination) {
        undeliverable.add(destination);
    }

    /** A delivery report gate: a message asking for {@code gateId} gets its report posted to {@code url}. */
    public void gate(String gateId, URI url) {
        gates.put(gateId, url);
    }

    /** The accepted messages, in the order they came. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public Optional<Message> message(String refId) {
        return Optional.ofNullable(byRefId.get(refId));
    }

    /** How many requests reached {@code /sms/send}, accepted or not. */
    public int requests() {
        return requests.get();
    }

    /** The delivery reports posted to gates so far. */
    public List<PostedReport> postedReports() {
        return List.copyOf(posted);
    }

    /** The delivery report this stand-in posts for an accepted message: delivered (1001), or 2104 for an undeliverable number. */
    public String deliveryReport(String messageId) {
        Message m = messages.stream().filter(x -> x.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        return deliveryReport(m, undeliverable.contains(m.destination()) ? 2104 : 1001);
    }

    /** A delivery report for an accepted message with the given result code. */
    public String deliveryReport(Message m, int resultCode) {
        Map<String, Object> report = new LinkedHashMap<>();
        if (m.refId() != null) {
            report.put("refId", m.refId());
        }
        report.put("id", m.messageId());
        report.put("operator", "no.telenor");
        report.put("sentTimestamp", m.acceptedAt().toString());
        report.put("timestamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("resultCode", resultCode);
        report.put("operatorResultCode", resultCode == 1001 ? "0" : "1");
        report.put("segments", m.parts());
        report.put("gateCustomParameters", Map.of());
        report.put("customParameters", Map.of());
        return JSON.writeValueAsString(report);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Message report = null;
        try {
            report = answer(exchange);
        } finally {
            exchange.close();
        }
        if (report != null) {
            postReports(report);   // after the answer, as the gateway reports once the message has gone on
        }
    }

    private Message answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            send(exchange, 404, Map.of("description", "Not Found"));
            return null;
        }
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (down) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 503, Map.of("description", "Service Unavailable"));
            return null;
        }
        Duration wait = delay.get();
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().add("Allow", "POST");
            send(exchange, 405, Map.of("description", "Method Not Allowed"));
            return null;
        }
        if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"sms\"");
            send(exchange, 401, Map.of("description", "Unauthorized"));
            return null;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            send(exchange, 415, Map.of("description", "Unsupported Media Type: send application/json"));
            return null;
        }
        Answer answer = accept(new String(body, StandardCharsets.UTF_8));
        send(exchange, answer.status(), answer.body());
        return answer.report();
    }

    private record Answer(int status, Map<String, Object> body, Message report) {
    }

    private static Answer refuse(int status, int resultCode, String description) {
        return new Answer(status, Map.of("resultCode", resultCode, "description", description), null);
    }

    // the shape of a refusal of the body itself is not documented in what we found: a 400 with only a description
    private static Answer malformed(String description) {
        return new Answer(400, Map.of("description", description), null);
    }

    private Answer accept(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            return malformed("Malformed JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            return malformed("The body must be a JSON object");
        }
        for (String field : List.of("source", "destination", "userData", "platformId", "platformPartnerId")) {
            if (!request.path(field).isString()) {
                return malformed("Missing or not a string: " + field);
            }
        }
        for (String field : List.of("sourceTON", "destinationTON", "dcs", "refId")) {
            if (request.has(field) && !request.path(field).isString()) {
                return malformed("Not a string: " + field);
            }
        }
        if (request.has("useDeliveryReport") && !request.path("useDeliveryReport").isBoolean()) {
            return malformed("Not a boolean: useDeliveryReport");
        }
        List<String> wantedGates = new ArrayList<>();
        if (request.has("deliveryReportGates")) {
            JsonNode gatesNode = request.path("deliveryReportGates");
            if (!gatesNode.isArray()) {
                return malformed("Not an array of strings: deliveryReportGates");
            }
            for (JsonNode g : gatesNode) {
                if (!g.isString()) {
                    return malformed("Not an array of strings: deliveryReportGates");
                }
                wantedGates.add(g.asString());
            }
        }
        if (!request.path("platformId").asString().equals(account.platformId())
                || !request.path("platformPartnerId").asString().equals(account.platformPartnerId())) {
            return refuse(403, 104, "Configuration error: platformId/platformPartnerId not set up for this user");
        }
        String source = request.path("source").asString();
        String sourceTon = request.path("sourceTON").asString("ALPHANUMERIC");
        switch (sourceTon) {
            case "ALPHANUMERIC" -> {
                if (!source.matches("[A-Za-z0-9.\\- ]{1,11}") || !source.matches(".*[A-Za-z].*") || !source.strip().equals(source)) {
                    return refuse(400, 2000, "Invalid source: an alphanumeric sender is 1-11 letters, digits, spaces, '.' or '-', with a letter");
                }
            }
            case "SHORTCODE", "SHORTNUMBER" -> {
                return refuse(400, 2001, "Source short number not supported");
            }
            case "MSISDN" -> {
                return refuse(400, 2003, "Source MSISDN not supported");
            }
            default -> {
                return refuse(400, 2000, "Invalid source type of number: " + sourceTon);
            }
        }
        String destination = request.path("destination").asString();
        String destinationTon = request.path("destinationTON").asString("MSISDN");
        if (!destinationTon.equals("MSISDN")) {
            return refuse(400, destinationTon.equals("ALPHANUMERIC") ? 2101 : 2100, "Destination type of number not supported: " + destinationTon);
        }
        if (!destination.matches("\\+[1-9]\\d{7,14}")) {
            return refuse(400, 2106, "Number error: the destination must be E.164 (+4791234567)");
        }
        if (!destination.matches("\\+47[49]\\d{7}")) {
            return refuse(400, 2102, "Destination MSISDN not supported: Norwegian mobile numbers only");
        }
        if (barred.contains(destination)) {
            return refuse(400, 2105, "Destination blocked");
        }
        String text = request.path("userData").asString();
        if (text.isEmpty()) {
            return refuse(400, 4003, "Invalid user data: empty");
        }
        String dcs = request.path("dcs").asString("TEXT");
        if (!Set.of("TEXT", "GSM", "UCS2", "UC2").contains(dcs)) {
            return refuse(400, 4005, "Invalid data coding: " + dcs);
        }
        if (dcs.equals("GSM") && !SmsParts.isGsm7(text)) {
            return refuse(400, 4005, "Invalid data coding: the text has characters outside GSM-7");
        }
        SmsParts parts = dcs.startsWith("UC") ? SmsParts.ucs2(text) : SmsParts.of(text);
        if (parts.count() > MAX_PARTS) {
            return refuse(400, 4001, "Invalid message content: " + parts.count() + " SMS parts, at most " + MAX_PARTS);
        }
        String refId = request.has("refId") ? request.path("refId").asString() : null;
        boolean reports = !request.has("useDeliveryReport") || request.path("useDeliveryReport").asBoolean();
        Message fresh = new Message(messageId(), refId, source, destination, text, parts.count(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), reports ? List.copyOf(wantedGates) : List.of());
        Message taken = refId == null ? fresh : byRefId.computeIfAbsent(refId, r -> fresh);
        boolean isNew = taken == fresh;
        if (isNew) {
            messages.add(fresh);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", taken.messageId());
        answer.put("resultCode", 1005);
        answer.put("description", "Queued");
        return new Answer(200, answer, isNew && !fresh.deliveryReportGates().isEmpty() ? fresh : null);
    }

    private void postReports(Message m) {
        String json = deliveryReport(m.messageId());
        for (String gate : m.deliveryReportGates()) {
            URI url = gates.get(gate);
            if (url == null) {
                continue;   // a gate set up at the real gateway, not here
            }
            int status;
            try {
                status = reports.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 0;
            }
            posted.add(new PostedReport(m.messageId(), url, json, status));
        }
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return decoded.equals(account.username() + ":" + account.password());
    }

    private static String messageId() {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        return Base64.getEncoder().encodeToString(id);
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
