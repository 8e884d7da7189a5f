package no.kraft.cis.elhub.norgespris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import no.kraft.cis.elhub.standin.ContractsStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Contracts API client against the stand-in over HTTP: filters, the 21-ID limit, paging, headers, errors. */
class ContractsApiTest {

    private ContractsStandIn standIn;
    private HttpServer server;
    private ContractsApi api;

    @BeforeEach
    void start() throws IOException {
        standIn = new ContractsStandIn("filter[meteringPoint.id]", 2);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/market-data/v1", exchange -> {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
            ContractsStandIn.Answer answer = standIn.get(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), headers);
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.api+json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        api = new ContractsApi(new ContractsApi.Settings("http://127.0.0.1:" + server.getAddress().getPort() + "/market-data/v1",
                "7080000000012", null, "kraft-cis-test", null), () -> "test-token", RestClient.builder());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void meteringPointsAreAskedForInChunksOfTwentyOne() {
        List<String> ids = IntStream.range(0, 45).mapToObj(i -> String.format("70705750000000%04d", i)).toList();
        ids.forEach(id -> standIn.add(contract("c-" + id, id, "Activated", "2026-01-01T00:00:00Z")));

        List<NorgesprisContract> found = api.forMeteringPoints(ids);

        assertThat(found).hasSize(45);
        // 21 + 21 + 3 IDs, each answer paged by 2: 11 + 11 + 2 pages
        assertThat(standIn.requests()).isEqualTo(24);
        assertThat(found.getFirst().status()).isEqualTo(NorgesprisContract.Status.ACTIVATED);
        assertThat(found.getFirst().startDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void theDeltaSyncReadsOnlyWhatChangedAfterTheWatermarkOverAllPages() {
        standIn.add(contract("old", "707057500000000018", "Activated", "2026-01-01T00:00:00Z"));
        for (int i = 0; i < 5; i++) {
            standIn.add(contract("new-" + i, "70705750000000002" + i, "Initiated", "2026-03-0" + (i + 1) + "T10:00:00Z"));
        }
        List<NorgesprisContract> changed = api.changedSince(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(changed).extracting(NorgesprisContract::id).containsExactly("new-0", "new-1", "new-2", "new-3", "new-4");
        assertThat(standIn.requests()).isEqualTo(3);
    }

    @Test
    void elhubErrorsKeepTheirCodeAndSayWhetherToRetry() {
        standIn.failNext(409, "CONTRACT_ALREADY_EXISTS");
        assertThatThrownBy(() -> api.changedSince(Instant.EPOCH)).isInstanceOfSatisfying(ElhubApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("CONTRACT_ALREADY_EXISTS");
            assertThat(e.retryable()).isFalse();
        });
        standIn.failNext(429, "TOO_MANY_REQUESTS");
        assertThatThrownBy(() -> api.changedSince(Instant.EPOCH)).isInstanceOfSatisfying(ElhubApiException.class,
                e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void withoutSenderGlnElhubRefuses() {
        ContractsApi anonymous = new ContractsApi(new ContractsApi.Settings("http://127.0.0.1:" + server.getAddress().getPort()
                + "/market-data/v1", "", null, null, null), () -> "test-token", RestClient.builder());
        assertThatThrownBy(() -> anonymous.changedSince(Instant.EPOCH)).isInstanceOfSatisfying(ElhubApiException.class,
                e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"));
    }

    private static ContractsStandIn.Contract contract(String id, String mp, String status, String updated) {
        Instant at = Instant.parse(updated);
        return new ContractsStandIn.Contract(id, mp, status, LocalDate.of(2026, 1, 1), null, at, at);
    }
}
