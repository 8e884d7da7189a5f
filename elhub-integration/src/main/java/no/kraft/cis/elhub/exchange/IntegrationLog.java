package no.kraft.cis.elhub.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The integration log (integrasjonslogg): every request to Elhub and its answer — or the I/O error instead — with
 * personal data masked ({@link PersonalDataMask}), searchable by metering point. Written in its own transaction so a
 * command whose transaction rolls back still leaves its trace. Authorization headers and tokens are never kept.
 */
public class IntegrationLog {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationLog.class);
    private static final int MAX_TEXT = 64 * 1024;

    /** One logged exchange. */
    public record Exchange(long id, Instant at, String channel, String method, String url, List<String> meteringPoints,
            Integer status, int durationMs, String request, String response, String error) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public IntegrationLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** An interceptor for a client's {@code RestClient} that logs each exchange on {@code channel}. */
    public ClientHttpRequestInterceptor interceptor(String channel) {
        return (request, body, execution) -> {
            String sent = new String(body, StandardCharsets.UTF_8);
            long started = System.nanoTime();
            try {
                ClientHttpResponse response = execution.execute(request, body);
                byte[] answer = response.getBody().readAllBytes();
                record(channel, request.getMethod().name(), request.getURI().toString(), sent, response.getStatusCode().value(),
                        new String(answer, StandardCharsets.UTF_8), null, started);
                return new Buffered(response, answer);
            } catch (IOException e) {
                record(channel, request.getMethod().name(), request.getURI().toString(), sent, null, null, e.toString(), started);
                throw e;
            }
        };
    }

    /** Logs an exchange made outside a {@code RestClient} (e.g. the SOAP client). */
    public void record(String channel, String method, String url, String request, Integer status, String response, String error,
            long startedNanos) {
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
        List<String> points = PersonalDataMask.meteringPoints(url, request, response);
        try {
            ownTransaction.executeWithoutResult(status2 -> jdbc.sql("""
                    insert into elhub_exchange (at, channel, method, url, metering_points, status, duration_ms, request, response, error)
                    values (:at, :channel, :method, :url, :points, :status, :millis, :request, :response, :error)""")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("channel", channel).param("method", method).param("url", PersonalDataMask.mask(url))
                    .param("points", points.toArray(String[]::new))
                    .param("status", status).param("millis", millis)
                    .param("request", clip(PersonalDataMask.mask(request))).param("response", clip(PersonalDataMask.mask(response)))
                    .param("error", clip(PersonalDataMask.mask(error)))
                    .update());
        } catch (RuntimeException e) {
            // the log must never break the call it describes
            LOG.warn("could not write the integration log: {}", e.toString());
        }
    }

    /** The newest exchanges naming {@code meteringPointId}, newest first. */
    public List<Exchange> forMeteringPoint(String meteringPointId, int limit) {
        return jdbc.sql("select * from elhub_exchange where metering_points @> array[:point]::text[] order by id desc limit :limit")
                .param("point", meteringPointId).param("limit", limit).query(IntegrationLog::exchange).list();
    }

    /** The newest exchanges, newest first. */
    public List<Exchange> latest(int limit) {
        return jdbc.sql("select * from elhub_exchange order by id desc limit :limit").param("limit", limit)
                .query(IntegrationLog::exchange).list();
    }

    private static Exchange exchange(ResultSet rs, int row) throws SQLException {
        Array points = rs.getArray("metering_points");
        Integer status = (Integer) rs.getObject("status");
        return new Exchange(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("channel"), rs.getString("method"),
                rs.getString("url"), Arrays.asList((String[]) points.getArray()), status, rs.getInt("duration_ms"),
                rs.getString("request"), rs.getString("response"), rs.getString("error"));
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…[clipped]";
    }

    /** The answer, read once for the log and handed on. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
