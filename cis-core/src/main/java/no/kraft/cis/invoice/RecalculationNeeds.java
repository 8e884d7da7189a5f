package no.kraft.cis.invoice;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing horizon (how far each metering point is invoiced) and the recalculation needs raised when data inside
 * it changes. Callers report every change with its period; only the part before the horizon becomes a need.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class RecalculationNeeds {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    RecalculationNeeds(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Records that data of {@code meteringPointId} changed in {@code changed}; raises a need for the part of it that was
     * already invoiced.
     *
     * @return the need raised, if the change reached into the invoiced period
     */
    public Optional<RecalculationNeed> changed(long meteringPointId, Period changed, RecalculationNeed.Reason reason, String detail) {
        // FOR SHARE: a billing transaction that holds the horizon (Invoices.lockHorizons) finishes first, and this change
        // is then judged against the horizon it committed — a correction can never slip in between read and invoice
        Optional<LocalDate> horizon = jdbc.sql("""
                        select billed_until from billing_horizon where metering_point_id = :mp for share""")
                .param("mp", meteringPointId).query(LocalDate.class).optional().filter(d -> !d.equals(LocalDate.MIN));
        if (horizon.isEmpty() || !changed.from().isBefore(horizon.get())) {
            return Optional.empty();
        }
        LocalDate to = changed.isOpenEnded() || changed.to().isAfter(horizon.get()) ? horizon.get() : changed.to();
        Period billed = new Period(changed.from(), to);
        if (billed.isEmpty()) {
            return Optional.empty();
        }
        var now = Timestamp.from(audit.now());
        String actor = audit.actor();
        long id = jdbc.sql("""
                        insert into recalculation_need (metering_point_id, period_from, period_to, reason, detail,
                            created_at, created_by, updated_at, updated_by)
                        values (:mp, :from, :to, :reason, :detail, :now, :actor, :now, :actor) returning id""")
                .param("mp", meteringPointId).param("from", billed.from()).param("to", billed.to())
                .param("reason", reason.name()).param("detail", detail.length() > 500 ? detail.substring(0, 500) : detail)
                .param("now", now).param("actor", actor)
                .query(Long.class).single();
        return Optional.of(new RecalculationNeed(id, meteringPointId, billed, reason, detail, now.toInstant(), actor, null));
    }

    /** Open (not yet consumed) needs, oldest first; optionally for one metering point. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<RecalculationNeed> open(Long meteringPointId) {
        return jdbc.sql("""
                        select id, metering_point_id, period_from, period_to, reason, detail, created_at, created_by, consumed_at
                        from recalculation_need
                        where consumed_at is null and (cast(:mp as bigint) is null or metering_point_id = :mp)
                        order by id""")
                .param("mp", meteringPointId)
                .query((rs, n) -> new RecalculationNeed(rs.getLong(1), rs.getLong(2),
                        new Period(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)),
                        RecalculationNeed.Reason.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
                .list();
    }
}
