package no.kraft.cis.collection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the claims that are due from the outbox, each in a transaction of its own that holds the claim's row
 * ({@code for update skip locked}: two instances never send the same claim at once). Accepted → {@code SENT} with the
 * agency's case reference. Refused → {@code REFUSED} and a work item. No answer → tried again after a backoff that
 * doubles from {@code firstRetry} up to {@code maxRetry}; still not taken at the deadline → {@code FAILED} and a work
 * item. The idempotency key is the same on every attempt, so an answer lost on the way never makes a second claim.
 */
public class ClaimRelay {

    /** What one round did. */
    public record DeliveryRound(int sent, int refused, int retrying, int failed) {
    }

    private final JdbcClient jdbc;
    private final Optional<AgencyClient> agency;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DebtCollectionProperties properties;

    public ClaimRelay(JdbcClient jdbc, Optional<AgencyClient> agency, PlatformTransactionManager transactions, Clock clock,
            DebtCollectionProperties properties) {
        this.jdbc = jdbc;
        this.agency = agency;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
    }

    private record Due(long id, UUID idempotencyKey, String payload, int attempts, Timestamp deadlineAt) {
    }

    private enum Result { SENT, REFUSED, RETRYING, FAILED, NONE }

    /** Sends up to {@code limit} due claims. */
    public DeliveryRound sendDue(int limit) {
        if (agency.isEmpty()) {
            return new DeliveryRound(0, 0, 0, 0);
        }
        int sent = 0;
        int refused = 0;
        int retrying = 0;
        int failed = 0;
        for (int i = 0; i < limit; i++) {
            Result r = tx.execute(s -> sendOne());
            if (r == Result.NONE) {
                break;
            }
            switch (r) {
                case SENT -> sent++;
                case REFUSED -> refused++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
                default -> { }
            }
        }
        return new DeliveryRound(sent, refused, retrying, failed);
    }

    private Result sendOne() {
        Instant now = clock.instant();
        Optional<Due> due = jdbc.sql("""
                        select id, idempotency_key, payload, attempts, deadline_at from debt_collection_claim
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit 1 for update skip locked""")
                .param("now", Timestamp.from(now)).query(Due.class).optional();
        if (due.isEmpty()) {
            return Result.NONE;
        }
        Due claim = due.get();
        AgencyClient.Outcome outcome = agency.get().submit(claim.idempotencyKey().toString(), claim.payload());
        int attempts = claim.attempts() + 1;
        return switch (outcome) {
            case AgencyClient.Accepted a -> {
                jdbc.sql("""
                                update debt_collection_claim set status = 'SENT', agency_reference = :reference, sent_at = :now,
                                    attempts = :attempts, last_error = null, version = version + 1, updated_at = :now, updated_by = 'system'
                                where id = :id""")
                        .param("reference", a.caseReference()).param("now", Timestamp.from(now)).param("attempts", attempts)
                        .param("id", claim.id()).update();
                yield Result.SENT;
            }
            case AgencyClient.Refused r -> {
                String message = "the agency refused the claim (" + r.status() + "): " + r.message();
                close(claim.id(), "REFUSED", attempts, message, now);
                workItem(claim.id(), "REFUSED", message, now);
                yield Result.REFUSED;
            }
            case AgencyClient.Unavailable u -> {
                if (!now.isBefore(claim.deadlineAt().toInstant())) {
                    String message = "the agency did not take the claim before the deadline (" + attempts + " attempts); last: " + u.message();
                    close(claim.id(), "FAILED", attempts, message, now);
                    workItem(claim.id(), "DEADLINE", message, now);
                    yield Result.FAILED;
                }
                Instant next = now.plus(backoff(attempts));
                jdbc.sql("""
                                update debt_collection_claim set attempts = :attempts, next_attempt_at = :next, last_error = :error,
                                    version = version + 1, updated_at = :now, updated_by = 'system'
                                where id = :id""")
                        .param("attempts", attempts).param("next", Timestamp.from(next.isAfter(claim.deadlineAt().toInstant())
                                ? claim.deadlineAt().toInstant() : next))
                        .param("error", cut(u.message())).param("now", Timestamp.from(now)).param("id", claim.id()).update();
                yield Result.RETRYING;
            }
        };
    }

    /** The wait after the n-th failed attempt: firstRetry × 2^(n−1), at most maxRetry. */
    Duration backoff(int attempts) {
        Duration wait = properties.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(properties.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }

    private void close(long id, String status, int attempts, String message, Instant now) {
        jdbc.sql("""
                        update debt_collection_claim set status = :status, attempts = :attempts, last_error = :error, version = version + 1,
                            updated_at = :now, updated_by = 'system'
                        where id = :id""")
                .param("status", status).param("attempts", attempts).param("error", cut(message)).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    private void workItem(long claimId, String kind, String message, Instant now) {
        jdbc.sql("""
                        insert into debt_collection_work_item (claim_id, kind, message, status, created_at, created_by, updated_at, updated_by)
                        values (:claim, :kind, :message, 'OPEN', :now, 'system', :now, 'system')""")
                .param("claim", claimId).param("kind", kind).param("message", message.length() > 4000 ? message.substring(0, 4000) : message)
                .param("now", Timestamp.from(now)).update();
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    /** The claims' ids still waiting (for the tests and the API). */
    public List<Long> pending() {
        return jdbc.sql("select id from debt_collection_claim where status = 'PENDING' order by id").query(Long.class).list();
    }
}
