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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Elhub's Contracts API (Norgespris) over a small world of contracts: checks the headers Elhub requires
 * ({@code Authorization: Bearer}, {@code SenderGLN}, {@code User-Agent}, JSON:API {@code Accept}), the contract-type
 * filter, at most 21 metering-point IDs, the {@code updatedAt} watermark filter; pages the answer with
 * {@code links.next}; answers JSON:API errors; and can be told to fail the next request with any status and code.
 */
public final class ContractsStandIn {

    /** A contract in the stand-in's world. */
    public record Contract(String id, String meteringPointId, String status, LocalDate startDate, LocalDate endDate, Instant createdAt,
            Instant updatedAt) {
    }

    /** An HTTP answer. */
    public record Answer(int status, String json) {
    }

    private final List<Contract> contracts = new CopyOnWriteArrayList<>();
    private final String meteringPointFilter;
    private final int pageSize;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Answer failNext;

    public ContractsStandIn(String meteringPointFilter, int pageSize) {
        this.meteringPointFilter = meteringPointFilter;
        this.pageSize = pageSize;
    }

    public void add(Contract contract) {
        contracts.add(contract);
    }

    public int requests() {
        return requests.get();
    }

    /** The next request gets this status and JSON:API error code. */
    public void failNext(int status, String code) {
        failNext = error(status, code, "injected failure");
    }

    public Answer get(String path, String query, Map<String, String> headers) {
        requests.incrementAndGet();
        if (failNext != null) {
            Answer answer = failNext;
            failNext = null;
            return answer;
        }
        if (!headers.getOrDefault("authorization", "").startsWith("Bearer ")) {
            return error(401, "UNAUTHORIZED", "a Maskinporten bearer token is required");
        }
        for (String required : List.of("sendergln", "user-agent")) {
            if (headers.getOrDefault(required, "").isBlank()) {
                return error(400, "INVALID_INPUT", "header " + required + " is required");
            }
        }
        if (!headers.getOrDefault("accept", "").contains("application/vnd.api+json")) {
            return error(406, "NOT_ACCEPTABLE", "Accept application/vnd.api+json");
        }
        if (!path.endsWith("/contracts")) {
            return error(404, "NOT_FOUND", path);
        }
        Map<String, String> filters = parse(query);
        if (!"Norgespris".equals(filters.get("filter[contractType]"))) {
            return error(400, "INVALID_INPUT", "filter[contractType]=Norgespris is expected");
        }
        Set<String> ids = filters.containsKey(meteringPointFilter) ? Set.of(filters.get(meteringPointFilter).split(",")) : null;
        if (ids != null && ids.size() > 21) {
            return error(400, "INVALID_INPUT", "at most 21 metering points per request, got " + ids.size());
        }
        Instant after = filters.containsKey("filter[updatedAt][gt]") ? Instant.parse(filters.get("filter[updatedAt][gt]")) : null;
        List<Contract> matching = contracts.stream()
                .filter(c -> ids == null || ids.contains(c.meteringPointId()))
                .filter(c -> after == null || c.updatedAt().isAfter(after))
                .sorted(Comparator.comparing(Contract::updatedAt).thenComparing(Contract::id)).toList();
        int page = Integer.parseInt(filters.getOrDefault("page[number]", "1"));
        List<Contract> slice = matching.subList(Math.min((page - 1) * pageSize, matching.size()), Math.min(page * pageSize, matching.size()));
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = 0; i < slice.size(); i++) {
            Contract c = slice.get(i);
            json.append(i == 0 ? "" : ",").append("{\"type\":\"contract\",\"id\":\"").append(c.id()).append("\",\"attributes\":{")
                    .append("\"contractType\":\"Norgespris\",\"status\":\"").append(c.status()).append("\",\"startDate\":\"")
                    .append(c.startDate()).append('"')
                    .append(c.endDate() == null ? "" : ",\"endDate\":\"" + c.endDate() + "\"")
                    .append(",\"isCancelled\":").append(c.status().equalsIgnoreCase("cancelled")).append("},")
                    .append("\"relationships\":{\"meteringPoint\":{\"data\":{\"type\":\"MeteringPoint\",\"id\":\"").append(c.meteringPointId())
                    .append("\"}}},\"meta\":{\"createdAt\":\"").append(c.createdAt()).append("\",\"updatedAt\":\"").append(c.updatedAt())
                    .append("\"}}");
        }
        json.append("]");
        if (page * pageSize < matching.size()) {
            json.append(",\"links\":{\"next\":\"").append(path).append('?').append(withPage(query, page + 1)).append("\"}");
        }
        return new Answer(200, json.append('}').toString());
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
