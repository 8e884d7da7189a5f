package no.kraft.cis.localdb;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local PostgreSQL started when no datasource is configured ({@code cis.embedded-postgres.*}).
 *
 * @param enabled start one when {@code spring.datasource.url} is not set (on in the {@code local} profile)
 * @param dataDirectory where the cluster lives; kept between runs
 * @param port TCP port on localhost, so psql can connect too
 * @param statementStatistics load {@code pg_stat_statements} (the benchmarks' diagnosis of where the database's time went)
 */
@ConfigurationProperties("cis.embedded-postgres")
public record LocalDatabaseProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue(".cis-data/postgres") Path dataDirectory,
        @DefaultValue("54329") int port,
        @DefaultValue("false") boolean statementStatistics) {
}
