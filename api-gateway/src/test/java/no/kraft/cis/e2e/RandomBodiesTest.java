package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever JSON body arrives at whatever write endpoint — random fields (the endpoint's own and others),
 * random types, sizes, control and direction characters, huge numbers, deep nesting — the answer is 2xx or a 4xx
 * problem+json, never a 5xx, and a 4xx leaves the database exactly as it was. The write endpoints are read from the
 * OpenAPI description, so a new endpoint is covered without touching this test. Seeded: a failure names its seed.
 */
class RandomBodiesTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BODIES_PER_ENDPOINT = 6;
    private static final String[] TEXTS = {"", " ", "x", "Kari Nordmann", "\u0000", "a\u202Eb", "line\nbreak", "%", "_", "'; drop table customer; --",
            "2026-02-30", "+999999999-12-31", "1899-12-31", "2026-03-01", "707057500012345671", "1000001", "NO1", "PT60M", "SPOT",
            "ÆØÅ æøå", "x".repeat(5000), "null", "{}", "<xml/>", "1e12", "-1", "PRIVATE", "WEB_SHOP", "switch"};

    record Endpoint(String method, String path, List<String> fields) {
    }

    @Test
    void randomBodiesAtEveryWriteEndpointAreNeverA5xxAndA4xxChangesNothing() {
        List<Endpoint> endpoints = writeEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(40);
        long seed = 20261201L;
        SplittableRandom random = new SplittableRandom(seed);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
                String body = JSON.writeValueAsString(body(random, endpoint.fields()));
                DatabaseSnapshot before = snapshot().withoutRunBookkeeping();
                Api.Response r = api.sendRaw(Role.ADMIN, endpoint.method(), endpoint.path(), body);
                String what = endpoint.method() + " " + endpoint.path() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)
                        + " → " + r.status() + " " + (r.raw().length() > 300 ? r.raw().substring(0, 300) : r.raw());
                if (r.status() >= 500) {
                    failures.add("5xx: " + what);
                } else if (r.status() >= 400) {
                    if (!r.contentType().startsWith("application/problem+json")) {
                        failures.add("not problem+json: " + what);
                    }
                    if (!snapshot().withoutRunBookkeeping().equals(before)) {
                        failures.add("4xx changed the database: " + what);
                    }
                }
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    /** POST, PUT and PATCH operations with a JSON body, path variables filled with well-formed values, and their body's fields. */
    private List<Endpoint> writeEndpoints() {
        JsonNode docs = api.get(Role.ADMIN, "/v3/api-docs").body();
        List<Endpoint> endpoints = new ArrayList<>();
        docs.at("/paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase();
            JsonNode json = op.getValue().at("/requestBody/content/application~1json/schema");
            if (!(method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) || json.isMissingNode() || path.getKey().contains("signicat/webhook")) {
                return;
            }
            List<String> fields = new ArrayList<>();
            JsonNode schema = json.has("$ref") ? docs.at("/components/schemas/" + json.get("$ref").asString().replace("#/components/schemas/", ""))
                    : json;
            schema.at("/properties").propertyNames().forEach(fields::add);
            String filled = path.getKey().replace("{customerNumber}", "1000001").replace("{meteringPointId}", "707057500012345671")
                    .replace("{contractNumber}", "7000001").replaceAll("\\{[A-Za-z]*[Nn]umber}", "100001").replaceAll("\\{[A-Za-z]*}", "1");
            endpoints.add(new Endpoint(method, filled, fields));
        }));
        return endpoints;
    }

    private static Object body(SplittableRandom random, List<String> fields) {
        if (random.nextInt(10) == 0) {
            return value(random, 0);   // not even an object
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (String field : fields) {
            if (random.nextBoolean()) {
                body.put(field, value(random, 0));
            }
        }
        if (random.nextInt(3) == 0) {
            body.put(random.nextBoolean() ? "emial" : "x" + random.nextInt(1000), value(random, 0));
        }
        return body;
    }

    private static Object value(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 3 ? 6 : 9)) {
            case 0 -> TEXTS[random.nextInt(TEXTS.length)];
            case 1 -> random.nextInt();
            case 2 -> random.nextBoolean() ? new java.math.BigDecimal("1e12") : new java.math.BigDecimal("-0.0000001");
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> Long.MAX_VALUE;
            case 6 -> java.util.Arrays.asList(value(random, depth + 1), value(random, depth + 1));
            case 7 -> {
                Map<String, Object> nested = new java.util.HashMap<>();
                nested.put("a", value(random, depth + 1));
                yield nested;
            }
            default -> TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
        };
    }
}
