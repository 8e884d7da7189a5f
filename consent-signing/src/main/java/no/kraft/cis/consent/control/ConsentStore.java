package no.kraft.cis.consent.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored consents. Runs in the caller's transaction. */
@Component
public class ConsentStore {

    private static final String COLUMNS = """
            id, order_id, flow, state, attempts, next_attempt_at, expires_at, elhub_document_id, elhub_request_id,
            elhub_pdf_sha256, signicat_document_id, signicat_session_id, signature_url, signicat_result_id, signed_pdf_sha256,
            grant_id, grant_valid_to, outcome_detail, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Consent create(long orderId, Consent.Flow flow, ConsentState first, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into consent (id, order_id, flow, state, next_attempt_at, expires_at, created_at, updated_at)
                values (:id, :order, :flow, :state, :now, :expires, :now, :now)""")
                .param("id", id).param("order", orderId).param("flow", flow.name()).param("state", first.name())
                .param("now", now).param("expires", Timestamp.from(expiresAt)).update();
        return get(id);
    }

    public Consent get(UUID id) {
        return find(id).orElseThrow();
    }

    public Optional<Consent> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from consent where id = :id").param("id", id).query(ConsentStore::consent).optional();
    }

    public List<Consent> ofOrder(long orderId) {
        return jdbc.sql("select " + COLUMNS + " from consent where order_id = :o order by created_at, id").param("o", orderId)
                .query(ConsentStore::consent).list();
    }

    Optional<Consent> bySession(String sessionId) {
        return jdbc.sql("select " + COLUMNS + " from consent where signicat_session_id = :s").param("s", sessionId)
                .query(ConsentStore::consent).optional();
    }

    /**
     * Claims the consent whose next attempt is most overdue: counts the attempt and leases it until {@code leaseUntil},
     * so a second instance skips it and a crashed attempt comes back when the lease runs out.
     */
    Optional<Consent> claimDue(Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update consent set attempts = attempts + 1, next_attempt_at = :lease
                where id = (select id from consent where next_attempt_at <= :now order by next_attempt_at, id
                            limit 1 for update skip locked)
                returning """ + " " + COLUMNS)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).query(ConsentStore::consent).optional();
    }

    /** Moves to {@code state} (attempts start again) with the given columns set; {@code next} {@code null} = nothing due. */
    void move(UUID id, ConsentState state, Instant next, Map<String, Object> set) {
        StringBuilder sql = new StringBuilder("update consent set state = :state, attempts = 0, next_attempt_at = :next, updated_at = :now");
        set.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        var statement = jdbc.sql(sql + " where id = :id").param("state", state.name())
                .param("next", next == null ? null : Timestamp.from(next)).param("now", Timestamp.from(clock.instant())).param("id", id);
        for (var e : set.entrySet()) {
            Object v = e.getValue() instanceof Instant i ? Timestamp.from(i) : e.getValue();
            statement = statement.param(e.getKey(), v);
        }
        statement.update();
    }

    /** Same state, try again at {@code next}. */
    void retryAt(UUID id, Instant next) {
        jdbc.sql("update consent set next_attempt_at = :next, updated_at = :now where id = :id")
                .param("next", Timestamp.from(next)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** A hint that something changed: make it due now (only while it is waiting for the customer). */
    boolean nudge(UUID id) {
        return jdbc.sql("""
                update consent set next_attempt_at = :now
                where id = :id and state in ('AWAIT_SIGNATURE', 'AWAIT_APPROVAL')""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update() == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        return new Consent((UUID) rs.getObject("id"), rs.getLong("order_id"), Consent.Flow.valueOf(rs.getString("flow")),
                ConsentState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "expires_at"), rs.getString("elhub_document_id"), rs.getString("elhub_request_id"),
                rs.getString("elhub_pdf_sha256"), rs.getString("signicat_document_id"), rs.getString("signicat_session_id"),
                rs.getString("signature_url"), rs.getString("signicat_result_id"), rs.getString("signed_pdf_sha256"),
                rs.getString("grant_id"), instant(rs, "grant_valid_to"), rs.getString("outcome_detail"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
