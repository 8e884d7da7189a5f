package no.kraft.cis.elhub.maskinporten;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.kraft.cis.elhub.standin.MaskinportenStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token client against the Maskinporten stand-in over real HTTP: the stand-in refuses anything Digdir refuses, so a
 * token proves the form, header and claims are right.
 */
class MaskinportenTokensTest {

    private static final String ISSUER = "https://test.maskinporten.no/";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T11:00:00Z"));
    private final SigningKey key = SigningKey.generated();
    private MaskinportenStandIn standIn;
    private HttpServer server;
    private final List<String> forms = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        standIn = new MaskinportenStandIn(ISSUER, clock, Duration.ofSeconds(120));
        standIn.register(new MaskinportenStandIn.Client("kraft-cis", "key-1", key.publicKey(), Set.of("elhub:balancesupplier")));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (forms) {
                forms.add(form);
            }
            MaskinportenStandIn.Answer answer = standIn.token(form);
            byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTokenWithKidIsCachedUntilShortlyBeforeItExpires() {
        MaskinportenTokens tokens = tokens(properties("key-1", "elhub:balancesupplier", null), key);
        String first = tokens.accessToken();
        assertThat(first).startsWith("standin-");
        assertThat(forms.getFirst()).startsWith("grant_type=").contains("&assertion=").doesNotContain("client_id").doesNotContain("scope");

        clock.advance(Duration.ofSeconds(85));                 // expires in 120 s, refresh 30 s before: still fresh at 85
        assertThat(tokens.accessToken()).isEqualTo(first);
        assertThat(standIn.issued()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));                 // 95 s: within 30 s of expiry → a new token
        assertThat(tokens.accessToken()).isNotEqualTo(first);
        assertThat(standIn.issued()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        MaskinportenTokens tokens = tokens(properties("key-1", "elhub:balancesupplier", null), key);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return tokens.accessToken();
            }));
        }
        go.countDown();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        for (Future<String> r : results) {
            distinct.add(r.get());
        }
        pool.shutdown();
        assertThat(distinct).hasSize(1);
        assertThat(standIn.issued()).isEqualTo(1);
    }

    @Test
    void theEnterpriseCertificateChainGoesInX5cWhenNoKidIsConfigured() throws Exception {
        Path keystore = Files.createTempDirectory("mp").resolve("virksomhet.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "virksomhet", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Kraft AS, O=Kraft AS, C=NO",
                "-validity", "30", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        SigningKey enterprise = SigningKey.fromKeystore(new MaskinportenProperties.Keystore(keystore.toString(), "changeit", "virksomhet"));
        assertThat(enterprise.chain()).hasSize(1);
        standIn.register(new MaskinportenStandIn.Client("kraft-cis-x5c", null, enterprise.publicKey(), Set.of("elhub:balancesupplier")));

        MaskinportenProperties x5c = new MaskinportenProperties(ISSUER, tokenUri(), "kraft-cis-x5c", List.of("elhub:balancesupplier"),
                null, null, Duration.ofSeconds(30), Duration.ofSeconds(100));
        assertThat(tokens(x5c, enterprise).accessToken()).startsWith("standin-");
    }

    @Test
    void aScopeNotGrantedIsAConfigurationError() {
        MaskinportenTokens tokens = tokens(properties("key-1", "elhub:serviceprovider", null), key);
        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(MaskinportenException.class, e -> {
            assertThat(e.kind()).isEqualTo(MaskinportenException.Kind.CONFIGURATION);
            assertThat(e.error()).isEqualTo("invalid_scope");
            assertThat(e.getMessage()).contains("MP-122").doesNotContain("eyJ");   // no assertion in the message
        });
    }

    @Test
    void aWrongAudienceIsRefusedAndMaskinportenDownIsRetryable() {
        MaskinportenTokens wrongAudience = tokens(properties("key-1", "elhub:balancesupplier", "https://test.maskinporten.no/token"), key);
        assertThatThrownBy(wrongAudience::accessToken).isInstanceOfSatisfying(MaskinportenException.class,
                e -> assertThat(e.getMessage()).contains("MP-117"));

        standIn.failNext(1);
        MaskinportenTokens tokens = tokens(properties("key-1", "elhub:balancesupplier", null), key);
        assertThatThrownBy(tokens::accessToken).isInstanceOfSatisfying(MaskinportenException.class,
                e -> assertThat(e.kind()).isEqualTo(MaskinportenException.Kind.RETRYABLE));
        assertThat(tokens.accessToken()).startsWith("standin-");   // the next call gets one
    }

    @Test
    void everyAssertionHasItsOwnJtiAndAnAssertionCannotBeReplayed() {
        MaskinportenProperties properties = properties("key-1", "elhub:balancesupplier", null);
        MaskinportenAssertion assertion = new MaskinportenAssertion(properties, key, clock);
        MaskinportenAssertion.Signed signed = assertion.create();
        assertThat(assertion.create().jti()).isNotEqualTo(signed.jti());
        String form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + signed.serialized();
        assertThat(standIn.token(form).status()).isEqualTo(200);
        assertThat(standIn.token(form).json()).contains("MP-121");
    }

    private MaskinportenProperties properties(String kid, String scope, String audience) {
        return new MaskinportenProperties(audience == null ? ISSUER : audience, tokenUri(), "kraft-cis", List.of(scope), kid, null,
                Duration.ofSeconds(30), Duration.ofSeconds(100));
    }

    private String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    private MaskinportenTokens tokens(MaskinportenProperties properties, SigningKey signingKey) {
        return new MaskinportenTokens(properties, new MaskinportenAssertion(properties, signingKey, clock), clock);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
