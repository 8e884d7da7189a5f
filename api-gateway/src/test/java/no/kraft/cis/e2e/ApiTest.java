package no.kraft.cis.e2e;

import java.time.Instant;
import no.kraft.cis.security.LocalTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole application on a random port, on the shared test PostgreSQL, with the
 * local token issuer and the clock fixed at 15 March 2026 12:00 in Oslo.
 */
@Import(FixedClock.class)
@ActiveProfiles("standins")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cis.security.local-issuer.enabled=true", "cis.demo-data.enabled=false", "cis.scheduling.enabled=false",
                // partner rate limits: generous for the test suite's clients, tight for the one client that tests the limit
                "cis.partner.rate-limit.capacity=10000", "cis.partner.rate-limit.refill-per-second=10000",
                "cis.partner.per-client.limited-agent.capacity=3", "cis.partner.per-client.limited-agent.refill-per-second=0.2",
                // chunks of two: more than one customer per chunk, and a run of 40 customers can still be stopped half-way
                "cis.billing.run.chunk-size=2"})
public abstract class ApiTest {

    public static final Instant NOW = FixedClock.NOW;

    /** The stand-ins' port, free when the shared application context starts. */
    private static final int STAND_IN_PORT = freePort();

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("cis.stand-ins.port", () -> STAND_IN_PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    LocalTokenIssuer tokens;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    protected Steps steps;

    @BeforeEach
    void connect() {
        api = new Api(port, tokens);
        steps = new Steps(api, jdbc);
    }

    /** This application's address, on the loopback address (the web UI's sign-in is registered there). */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected DatabaseSnapshot snapshot() {
        return DatabaseSnapshot.take(jdbc);
    }
}
