package no.kraft.cis.elhub.norgespris;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of Elhub's Contracts API (JSON:API, {@code application/vnd.api+json}) for Norgespris: read contracts changed
 * since a watermark, or for given metering points in chunks of at most 21 IDs, following {@code links.next}. Every
 * request carries the Maskinporten bearer token, {@code SenderGLN}, {@code OnBehalfOfGLN} when configured, and a
 * {@code User-Agent}. Header and filter names are configuration, since Elhub's documents differ between versions.
 */
public class ContractsApi {

    /** At most this many metering-point IDs per request (Elhub's limit). */
    public static final int MAX_IDS = 21;
    private static final String JSON_API = "application/vnd.api+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Settings ({@code cis.elhub.contracts.*}). */
    public record Settings(String baseUrl, String senderGln, String onBehalfOfGln, String userAgent, String meteringPointFilter) {

        public Settings {
            meteringPointFilter = meteringPointFilter == null ? "filter[meteringPoint.id]" : meteringPointFilter;
            userAgent = userAgent == null ? "kraft-cis" : userAgent;
        }
    }

    private final Settings settings;
    private final Supplier<String> token;
    private final RestClient http;

    public ContractsApi(Settings settings, Supplier<String> token, RestClient.Builder http) {
        this.settings = settings;
        this.token = token;
        this.http = http.build();
    }

    /** Norgespris contracts changed after {@code since}, all pages. */
    public List<NorgesprisContract> changedSince(Instant since) {
        return fetchAll(settings.baseUrl() + "/contracts?" + param("filter[contractType]", "Norgespris") + "&"
                + param("filter[updatedAt][gt]", DateTimeFormatter.ISO_INSTANT.format(since)));
    }

    /** Norgespris contracts of the given metering points, asked for in chunks of at most 21. */
    public List<NorgesprisContract> forMeteringPoints(List<String> meteringPointIds) {
        List<NorgesprisContract> all = new ArrayList<>();
        for (int i = 0; i < meteringPointIds.size(); i += MAX_IDS) {
            List<String> chunk = meteringPointIds.subList(i, Math.min(i + MAX_IDS, meteringPointIds.size()));
            all.addAll(fetchAll(settings.baseUrl() + "/contracts?" + param("filter[contractType]", "Norgespris") + "&"
                    + param(settings.meteringPointFilter(), String.join(",", chunk))));
        }
        return all;
    }

    private List<NorgesprisContract> fetchAll(String firstUrl) {
        List<NorgesprisContract> contracts = new ArrayList<>();
        String url = firstUrl;
        while (url != null) {
            JsonNode page = get(url);
            JsonNode data = page.path("data");
            if (data.isArray()) {
                data.forEach(node -> contracts.add(contract(node)));
            } else if (data.isObject()) {
                contracts.add(contract(data));
            }
            JsonNode next = page.path("links").path("next");
            url = next.isString() && !next.asString().isBlank() ? absolute(next.asString()) : null;
        }
        return contracts;
    }

    private JsonNode get(String url) {
        return send(http.get().uri(URI.create(url)));
    }

    /**
     * Creates a Norgespris contract for a metering point from {@code startDate} ({@code POST /contracts}).
     *
     * @return the contract as Elhub created it
     */
    public NorgesprisContract create(String meteringPointId, LocalDate startDate) {
        JsonNode answer = send(http.post().uri(URI.create(settings.baseUrl() + "/contracts"))
                .header("Content-Type", JSON_API).body(createBody(meteringPointId, startDate)));
        JsonNode data = answer.path("data");
        return contract(data.isArray() ? data.path(0) : data);
    }

    /** Cancels a contract ({@code PATCH /contracts/{id}} with {@code isCancelled: true}); returns it as Elhub answers. */
    public NorgesprisContract cancel(String contractId) {
        JsonNode answer = send(http.patch().uri(URI.create(settings.baseUrl() + "/contracts/" + URLEncoder.encode(contractId, StandardCharsets.UTF_8)))
                .header("Content-Type", JSON_API).body(cancelBody(contractId)));
        JsonNode data = answer.path("data");
        return contract(data.isArray() ? data.path(0) : data);
    }

    /** The JSON:API body of a create: one contract, our GLN as {@code createdBy}. */
    public String createBody(String meteringPointId, LocalDate startDate) {
        return """
                {"data":[{"type":"contract","attributes":{"contractType":"Norgespris","startDate":"%s"},\
                "relationships":{"meteringPoint":{"data":{"type":"MeteringPoint","id":"%s"}},\
                "createdBy":{"data":{"type":"Party","id":"%s"}}}}]}""".formatted(startDate, meteringPointId, settings.senderGln());
    }

    /** The JSON:API body of a cancellation. */
    public static String cancelBody(String contractId) {
        return """
                {"data":{"type":"contract","id":"%s","attributes":{"isCancelled":true}}}""".formatted(contractId);
    }

    private JsonNode send(RestClient.RequestHeadersSpec<?> request) {
        String bearer;
        try {
            bearer = token.get();
        } catch (RuntimeException tokenFailed) {
            // no token, no call: the command waits (and reaches the exception queue at its deadline) while it is mended
            throw ElhubApiException.noAnswer(tokenFailed);
        }
        try {
            return request
                    .header("Authorization", "Bearer " + bearer)
                    .header("Accept", JSON_API)
                    .header("SenderGLN", settings.senderGln())
                    .headers(h -> {
                        if (settings.onBehalfOfGln() != null && !settings.onBehalfOfGln().isBlank()) {
                            h.add("OnBehalfOfGLN", settings.onBehalfOfGln());
                        }
                        h.add("User-Agent", settings.userAgent());
                    })
                    .exchange((req, response) -> {
                        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        HttpStatusCode status = response.getStatusCode();
                        if (!status.is2xxSuccessful()) {
                            throw error(status.value(), body, response.getHeaders().getFirst("Retry-After"));
                        }
                        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
                    });
        } catch (ResourceAccessException e) {
            throw ElhubApiException.noAnswer(e);
        }
    }

    private static ElhubApiException error(int status, String body, String retryAfter) {
        Duration wait = retryAfter(retryAfter);
        try {
            JsonNode first = JSON.readTree(body).path("errors").path(0);
            return new ElhubApiException(status, text(first.path("code")), text(first.path("title")), text(first.path("detail")), body, wait);
        } catch (RuntimeException unreadable) {
            return new ElhubApiException(status, null, null, null, body, wait);
        }
    }

    /** {@code Retry-After} in seconds (an HTTP date is treated as absent: Elhub is not known to send one). */
    static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    static NorgesprisContract contract(JsonNode node) {
        JsonNode attributes = node.path("attributes");
        JsonNode meta = node.path("meta");
        return new NorgesprisContract(text(node.path("id")),
                text(node.path("relationships").path("meteringPoint").path("data").path("id")),
                NorgesprisContract.Status.parse(text(attributes.path("status"))),
                date(first(attributes, "startDate", "validFrom")), date(first(attributes, "endDate", "validTo")),
                attributes.path("isCancelled").asBoolean(false), instant(text(meta.path("createdAt"))),
                instant(text(meta.path("updatedAt"))));
    }

    private static String first(JsonNode attributes, String name, String alternative) {
        String value = text(attributes.path(name));
        return value != null ? value : text(attributes.path(alternative));
    }

    /** ISO dates, and the {@code dd.MM.yyyy} an older example shows. */
    static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(raw, DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        }
    }

    private static Instant instant(String raw) {
        return raw == null || raw.isBlank() ? null : Instant.parse(raw);
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private String absolute(String link) {
        if (link.startsWith("http")) {
            return link;
        }
        URI base = URI.create(settings.baseUrl());
        return base.getScheme() + "://" + base.getAuthority() + (link.startsWith("/") ? link : "/" + link);
    }

    private static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
