package no.kraft.cis.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.servicecase.NewCase;
import no.kraft.cis.servicecase.ServiceCase;
import no.kraft.cis.servicecase.ServiceCases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirms a caller's date of birth against an account — limited, so the 36 500 possible dates cannot be guessed:
 * after {@code cis.partner.birth-date.max-failures} (default 5) failed confirmations of one account within
 * {@code cis.partner.birth-date.window} (default 24 hours), the account is locked for confirmations until the oldest of
 * them leaves the window. A locked account answers {@link Outcome#LOCKED} whatever the guess — right or wrong looks the
 * same — and the failure that locks it opens a case for customer service. Parallel guesses for one account are taken
 * one at a time (the customer row is locked), so a burst cannot slip past the count.
 */
@Service
public class BirthDateConfirmations {

    /** The answer. */
    public enum Outcome { CONFIRMED, NOT_CONFIRMED, LOCKED }

    /** What the caller learns, and when a locked account may be asked again. */
    public record Result(Outcome outcome, Instant lockedUntil, long retryAfterSeconds, boolean lockedNow) {
    }

    private final JdbcClient jdbc;
    private final ServiceCases cases;
    private final AuditStamp audit;
    private final int maxFailures;
    private final Duration window;

    BirthDateConfirmations(JdbcClient jdbc, ServiceCases cases, AuditStamp audit,
            @Value("${cis.partner.birth-date.max-failures:5}") int maxFailures,
            @Value("${cis.partner.birth-date.window:PT24H}") Duration window) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Transactional
    public Result confirm(long customerId, LocalDate actual, LocalDate given, String clientId) {
        jdbc.sql("select id from customer where id = :id for update").param("id", customerId).query(Long.class).single();
        Instant now = audit.now();
        Instant since = now.minus(window);
        var failures = jdbc.sql("""
                        select attempted_at from birth_date_attempt
                        where customer_id = :customer and not confirmed and attempted_at > :since order by attempted_at""")
                .param("customer", customerId).param("since", Timestamp.from(since))
                .query(Timestamp.class).list();
        if (failures.size() >= maxFailures) {
            Instant until = failures.get(failures.size() - maxFailures).toInstant().plus(window);
            return new Result(Outcome.LOCKED, until, Math.max(1, Duration.between(now, until).toSeconds()), false);
        }
        boolean confirmed = actual.equals(given);
        jdbc.sql("""
                        insert into birth_date_attempt (customer_id, client_id, confirmed, attempted_at)
                        values (:customer, :client, :confirmed, :at)""")
                .param("customer", customerId).param("client", clientId).param("confirmed", confirmed)
                .param("at", Timestamp.from(now)).update();
        if (confirmed) {
            return new Result(Outcome.CONFIRMED, null, 0, false);
        }
        if (failures.size() + 1 < maxFailures) {
            return new Result(Outcome.NOT_CONFIRMED, null, 0, false);
        }
        Instant until = (failures.size() + 1 == maxFailures && !failures.isEmpty()
                ? failures.get(failures.size() + 1 - maxFailures).toInstant() : now).plus(window);
        cases.open(new NewCase(customerId, ServiceCase.Kind.ENQUIRY, "Date-of-birth confirmation locked",
                maxFailures + " failed date-of-birth confirmations for this account within " + window.toHours()
                        + " hours, the last by partner client " + clientId + ". Confirmations are refused until " + until
                        + ". Check with the customer whether someone is trying to take over the account.",
                null, null, true));
        return new Result(Outcome.NOT_CONFIRMED, until, 0, true);
    }
}
