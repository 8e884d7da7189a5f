package no.kraft.cis.elhub.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Elhub's Contracts API (Norgespris) over a small world of contracts: checks the headers Elhub requires
 * ({@code Authorization: Bearer}, {@code SenderGLN}, {@code User-Agent}, JSON:API {@code Accept}), the contract-type
 * filter, at most 21 metering-point IDs, the {@code updatedAt} watermark filter; pages the answer with
 * {@code links.next}; creates ({@code POST}) and cancels ({@code PATCH isCancelled}) with Elhub's lifecycle and error
 * codes ({@code CONTRACT_ALREADY_EXISTS}, {@code INVALID_STATUS_TRANSITION}, {@code CONTRACT_NOT_FOUND}); answers JSON:API
 * errors; and can be told to fail (any status and code, 429 with Retry-After, a late answer, down, a lost answer).
 */
public final class ContractsStandIn {

    /** A contract in the stand-in's world with a fixed status (seeded). */
    public record Contract(String id, String meteringPointId, String status, LocalDate startDate, LocalDate endDate, Instant createdAt,
            Instant updatedAt) {
    }

    /** An HTTP answer; {@code retryAfter} in seconds or {@code null}; {@code delay} before answering or {@code null}. */
    public record Answer(int status, String json, Integer retryAfter, Duration delay) {

        public Answer(int status, String json) {
            this(status, json, null, null);
        }
    }

    /**
     * A contract as the stand-in keeps it: seeded ones keep their status; ones created through the API follow Elhub's
     * lifecycle on the clock — Initiated for the 14-day regret period after creation, then Activated, Expired after the
     * end date, Cancelled when cancelled while Initiated.
     */
    private static final class Entry {
        final String id;
        final String meteringPointId;
        final LocalDate startDate;
        final LocalDate endDate;
        final Instant createdAt;
        final String fixedStatus;
        volatile Instant updatedAt;
        volatile boolean cancelled;

        Entry(String id, String meteringPointId, LocalDate startDate, LocalDate endDate, Instant createdAt, Instant updatedAt, String fixedStatus) {
            this.id = id;
            this.meteringPointId = meteringPointId;
            this.startDate = startDate;
            this.endDate = endDate;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            this.fixedStatus = fixedStatus;
        }

        String status(Instant now) {
            if (cancelled) {
                return "Cancelled";
            }
            if (fixedStatus != null) {
                return fixedStatus;
            }
            if (endDate != null && now.isAfter(expiresAt())) {
                return "Expired";
            }
            return now.isBefore(activatesAt()) ? "Initiated" : "Activated";
        }

        Instant activatesAt() {
            return createdAt.plus(Duration.ofDays(14));
        }

        Instant expiresAt() {
            return endDate.plusDays(1).atStartOfDay(OSLO).toInstant();
        }

        /** When it last changed, counting the lifecycle steps the clock has passed. */
        Instant updatedAt(Instant now) {
            Instant latest = updatedAt;
            if (fixedStatus == null && !cancelled) {
                if (!now.isBefore(activatesAt()) && activatesAt().isAfter(latest)) {
                    latest = activatesAt();
                }
                if (endDate != null && now.isAfter(expiresAt()) && expiresAt().isAfter(latest)) {
                    latest = expiresAt();
                }
            }
            return latest;
        }

        boolean live(Instant now) {
            String status = status(now);
            return status.equals("Initiated") || status.equals("Activated");
        }
    }

    private static final java.time.ZoneId OSLO = java.time.ZoneId.of("Europe/Oslo");
    private static final Pattern ATTRIBUTE = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|true|false)");
    private static final Pattern METERING_POINT = Pattern.compile("\"meteringPoint\"\\s*:\\s*\\{\\s*\"data\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]*)\"");

    private final List<Entry> contracts = new CopyOnWriteArrayList<>();
    private final String meteringPointFilter;
    private final int pageSize;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final Deque<Answer> failures = new ConcurrentLinkedDeque<>();
    private volatile boolean down;
    private volatile boolean loseNextCreateAnswer;
    private volatile java.util.function.Predicate<String> tokens = token -> true;

    /** Accept only bearer tokens this says are valid (e.g. issued by the Maskinporten stand-in). */
    public void checkTokensWith(java.util.function.Predicate<String> tokens) {
        this.tokens = tokens;
    }

    public ContractsStandIn(String meteringPointFilter, int pageSize) {
        this(meteringPointFilter, pageSize, Clock.systemUTC());
    }

    public ContractsStandIn(String meteringPointFilter, int pageSize, Clock clock) {
        this.meteringPointFilter = meteringPointFilter;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    public void add(Contract contract) {
        contracts.add(new Entry(contract.id(), contract.meteringPointId(), contract.startDate(), contract.endDate(), contract.createdAt(),
                contract.updatedAt(), contract.status()));
    }

    /** Adds a contract that follows the lifecycle on the clock, as if ordered at {@code createdAt}. */
    public String addLive(String meteringPointId, LocalDate startDate, LocalDate endDate, Instant createdAt) {
        String id = UUID.randomUUID().toString();
        contracts.add(new Entry(id, meteringPointId, startDate, endDate, createdAt, createdAt, null));
        return id;
    }

    /** The customer regrets within the 14 days (in Elhub's own pages): the contract is cancelled at {@code at}. */
    public void regret(String contractId, Instant at) {
        Entry entry = find(contractId).orElseThrow();
        entry.cancelled = true;
        entry.updatedAt = at;
    }

    public int requests() {
        return requests.get();
    }

    /** Contracts created through {@code POST /contracts}. */
    public int created() {
        return created.get();
    }

    /** The current status of each contract of a metering point. */
    public List<String> statuses(String meteringPointId) {
        Instant now = clock.instant();
        return contracts.stream().filter(c -> c.meteringPointId.equals(meteringPointId)).map(c -> c.status(now)).toList();
    }

    public void clear() {
        contracts.clear();
        failures.clear();
        down = false;
        loseNextCreateAnswer = false;
    }

    /** The next request gets this status and JSON:API error code. */
    public void failNext(int status, String code) {
        failures.add(error(status, code, "injected failure"));
    }

    /** The next request gets 429 with {@code Retry-After}. */
    public void throttleNext(int retryAfterSeconds) {
        Answer throttled = error(429, "TOO_MANY_REQUESTS", "slow down");
        failures.add(new Answer(429, throttled.json(), retryAfterSeconds, null));
    }

    /** The next request is answered only after {@code delay} (a client timeout). */
    public void delayNext(Duration delay) {
        failures.add(new Answer(504, error(504, "TIMEOUT", "late").json(), null, delay));
    }

    /** Every request gets 503 until {@code down(false)}. */
    public void down(boolean down) {
        this.down = down;
    }

    /** The next create is carried out, but the answer is lost (500) — the client cannot know it succeeded. */
    public void loseNextCreateAnswer() {
        loseNextCreateAnswer = true;
    }

    public Answer get(String path, String query, Map<String, String> headers) {
        return handle("GET", path, query, headers, null);
    }

    public Answer handle(String method, String path, String query, Map<String, String> headers, String body) {
        requests.incrementAndGet();
        if (down) {
            return error(503, "SERVICE_UNAVAILABLE", "Elhub is down (stand-in)");
        }
        Answer injected = failures.poll();
        if (injected != null) {
            return injected;
        }
        String authorization = headers.getOrDefault("authorization", "");
        if (!authorization.startsWith("Bearer ") || !tokens.test(authorization.substring("Bearer ".length()))) {
            return error(401, "UNAUTHORIZED", "a valid Maskinporten bearer token is required");
        }
        for (String required : List.of("sendergln", "user-agent")) {
            if (headers.getOrDefault(required, "").isBlank()) {
                return error(400, "INVALID_INPUT", "header " + required + " is required");
            }
        }
        if (!headers.getOrDefault("accept", "").contains("application/vnd.api+json")) {
            return error(406, "NOT_ACCEPTABLE", "Accept application/vnd.api+json");
        }
        int at = path.indexOf("/contracts");
        if (at < 0) {
            return error(404, "NOT_FOUND", path);
        }
        String rest = path.substring(at + "/contracts".length());
        return switch (method) {
            case "GET" -> rest.isEmpty() ? list(path, query) : single(rest.substring(1));
            case "POST" -> rest.isEmpty() ? create(body == null ? "" : body) : error(405, "METHOD_NOT_ALLOWED", path);
            case "PATCH" -> rest.length() > 1 ? patch(rest.substring(1), body == null ? "" : body) : error(405, "METHOD_NOT_ALLOWED", path);
            default -> error(405, "METHOD_NOT_ALLOWED", method);
        };
    }

    private Answer create(String body) {
        Matcher point = METERING_POINT.matcher(body);
        Map<String, String> attributes = attributes(body);
        if (!point.find() || !point.group(1).matches("\\d{18}")) {
            return error(400, "INVALID_INPUT", "relationships.meteringPoint.data.id must be an 18-digit metering point");
        }
        if (!"Norgespris".equals(attributes.get("contractType"))) {
            return error(409, "CONTRACT_TYPE_MISMATCH", "contractType must be Norgespris");
        }
        String start = attributes.getOrDefault("startDate", attributes.get("validFrom"));
        if (start == null) {
            return error(400, "INVALID_INPUT", "startDate is required");
        }
        Instant now = clock.instant();
        String meteringPoint = point.group(1);
        if (contracts.stream().anyMatch(c -> c.meteringPointId.equals(meteringPoint) && c.live(now))) {
            return error(409, "CONTRACT_ALREADY_EXISTS", "a Norgespris contract exists for metering point " + meteringPoint);
        }
        Entry entry = new Entry(UUID.randomUUID().toString(), meteringPoint, LocalDate.parse(start), null, now, now, null);
        contracts.add(entry);
        created.incrementAndGet();
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            return error(500, "INTERNAL_ERROR", "the answer was lost");
        }
        return new Answer(201, "{\"data\":[" + json(entry, now) + "]}");
    }

    private Answer patch(String id, String body) {
        Optional<Entry> found = find(id);
        if (found.isEmpty()) {
            return error(404, "CONTRACT_NOT_FOUND", "no contract " + id);
        }
        Map<String, String> attributes = attributes(body);
        boolean cancel = "true".equals(attributes.get("isCancelled")) || "Cancelled".equalsIgnoreCase(attributes.get("status"));
        if (!cancel) {
            return error(400, "INVALID_INPUT", "only cancellation (isCancelled: true) is supported");
        }
        Instant now = clock.instant();
        Entry entry = found.get();
        if (!entry.status(now).equals("Initiated")) {
            return error(409, "INVALID_STATUS_TRANSITION", "a contract that is " + entry.status(now) + " cannot be cancelled");
        }
        entry.cancelled = true;
        entry.updatedAt = now;
        return new Answer(200, "{\"data\":" + json(entry, now) + "}");
    }

    private Answer single(String id) {
        Instant now = clock.instant();
        return find(id).map(e -> new Answer(200, "{\"data\":" + json(e, now) + "}"))
                .orElseGet(() -> error(404, "CONTRACT_NOT_FOUND", "no contract " + id));
    }

    private Optional<Entry> find(String id) {
        return contracts.stream().filter(c -> c.id.equals(id)).findFirst();
    }

    private Answer list(String path, String query) {
        Map<String, String> filters = parse(query);
        if (!"Norgespris".equals(filters.get("filter[contractType]"))) {
            return error(400, "INVALID_INPUT", "filter[contractType]=Norgespris is expected");
        }
        Set<String> ids = filters.containsKey(meteringPointFilter) ? Set.of(filters.get(meteringPointFilter).split(",")) : null;
        if (ids != null && ids.size() > 21) {
            return error(400, "INVALID_INPUT", "at most 21 metering points per request, got " + ids.size());
        }
        Instant now = clock.instant();
        Instant after = filters.containsKey("filter[updatedAt][gt]") ? Instant.parse(filters.get("filter[updatedAt][gt]")) : null;
        List<Entry> matching = contracts.stream()
                .filter(c -> ids == null || ids.contains(c.meteringPointId))
                .filter(c -> after == null || c.updatedAt(now).isAfter(after))
                .sorted(Comparator.comparing((Entry c) -> c.updatedAt(now)).thenComparing(c -> c.id)).toList();
        int page = Integer.parseInt(filters.getOrDefault("page[number]", "1"));
        List<Entry> slice = matching.subList(Math.min((page - 1) * pageSize, matching.size()), Math.min(page * pageSize, matching.size()));
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = 0; i < slice.size(); i++) {
            json.append(i == 0 ? "" : ",").append(json(slice.get(i), now));
        }
        json.append("]");
        if (page * pageSize < matching.size()) {
            json.append(",\"links\":{\"next\":\"").append(path).append('?').append(withPage(query, page + 1)).append("\"}");
        }
        return new Answer(200, json.append('}').toString());
    }

    private static String json(Entry c, Instant now) {
        String status = c.status(now);
        return "{\"type\":\"contract\",\"id\":\"" + c.id + "\",\"attributes\":{\"contractType\":\"Norgespris\",\"status\":\""
                + status + "\",\"startDate\":\"" + c.startDate + "\"" + (c.endDate == null ? "" : ",\"endDate\":\"" + c.endDate + "\"")
                + ",\"isCancelled\":" + status.equalsIgnoreCase("cancelled") + "},"
                + "\"relationships\":{\"meteringPoint\":{\"data\":{\"type\":\"MeteringPoint\",\"id\":\"" + c.meteringPointId
                + "\"}}},\"meta\":{\"createdAt\":\"" + c.createdAt + "\",\"updatedAt\":\"" + c.updatedAt(now) + "\"}}";
    }

    private static Map<String, String> attributes(String body) {
        Map<String, String> found = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(body);
        while (m.find()) {
            found.putIfAbsent(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return found;
    }

    private static String withPage(String query, int page) {
        List<String> parts = new ArrayList<>();
        for (String p : query.split("&")) {
            if (!p.startsWith("page%5Bnumber%5D=") && !p.startsWith("page[number]=") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        parts.add("page%5Bnumber%5D=" + page);
        return String.join("&", parts);
    }

    private static Answer error(int status, String code, String detail) {
        return new Answer(status, "{\"errors\":[{\"status\":\"" + status + "\",\"code\":\"" + code + "\",\"title\":\"" + code
                + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}]}");
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> fields = new HashMap<>();
        if (query == null) {
            return fields;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
