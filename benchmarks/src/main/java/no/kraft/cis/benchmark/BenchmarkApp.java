package no.kraft.cis.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.kraft.cis.CisApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application for a benchmark: embedded PostgreSQL in a fresh temporary directory, a random port, the local
 * token issuer, no demo data, no scheduled jobs, quiet logs.
 */
record BenchmarkApp(ConfigurableApplicationContext context, Path work) implements AutoCloseable {

    static BenchmarkApp start(String... extra) throws IOException {
        Path work = Files.createTempDirectory("cis-benchmark");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--cis.embedded-postgres.enabled=true",
                "--cis.embedded-postgres.data-directory=" + work.resolve("postgres"),
                "--cis.embedded-postgres.port=0",
                "--cis.embedded-postgres.statement-statistics=" + Boolean.getBoolean("explain"),
                "--cis.security.local-issuer.enabled=true",
                "--cis.demo-data.enabled=false",
                // required since the consent audit trail came (keyed hash of national IDs); a throw-away key here
                "--cis.consent.audit-subject-key=benchmark-only-subject-key",
                "--cis.scheduling.enabled=false",
                "--server.port=0",
                "--logging.level.root=warn"));
        args.addAll(java.util.List.of(extra));
        ConfigurableApplicationContext context = new SpringApplication(CisApplication.class).run(args.toArray(String[]::new));
        return new BenchmarkApp(context, work);
    }

    /** The application on a database that is already there (its URL with user and password), migrated as usual. */
    static BenchmarkApp startOn(String jdbcUrl) throws IOException {
        Path work = Files.createTempDirectory("cis-benchmark");
        ConfigurableApplicationContext context = new SpringApplication(CisApplication.class).run(
                "--cis.embedded-postgres.enabled=false",
                "--spring.datasource.url=" + jdbcUrl,
                "--cis.security.local-issuer.enabled=true",
                "--cis.demo-data.enabled=false",
                "--cis.consent.audit-subject-key=benchmark-only-subject-key",
                "--cis.scheduling.enabled=false",
                "--server.port=0",
                "--logging.level.root=warn");
        return new BenchmarkApp(context, work);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
