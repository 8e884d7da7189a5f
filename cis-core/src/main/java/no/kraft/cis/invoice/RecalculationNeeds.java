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
        return raise(meteringPointId, changed, reason, detail, false);
    }

    /**
     * Records that the supply of {@code meteringPointId} changed in {@code changed} (a delivery started, ended or
     * changed product). Judged against the point's own horizon and — because a supply change can make days billable
     * that no invoice has covered yet — against the latest invoiced day of any metering point: the runs have covered the
     * months before it, so a back-dated move-in there is invoiced by the next run.
     */
    public Optional<RecalculationNeed> supplyChanged(long meteringPointId, Period changed, String detail) {
        return raise(meteringPointId, changed, RecalculationNeed.Reason.SUPPLY, detail, true);
    }

    private Optional<RecalculationNeed> raise(long meteringPointId, Period changed, RecalculationNeed.Reason reason, String detail,
            boolean supply) {
        // FOR SHARE: a billing transaction that holds the horizon (Invoices.lockHorizons) finishes first, and this change
        // is then judged against the horizon it committed — a correction can never slip in between read and invoice
        Optional<LocalDate> own = jdbc.sql("""
                        select billed_until from billing_horizon where metering_point_id = :mp for share""")
                .param("mp", meteringPointId).query(LocalDate.class).optional().filter(d -> !d.equals(LocalDate.MIN));
        Optional<LocalDate> covered = !supply ? Optional.empty() : jdbc.sql("""
                        select max(h.billed_until) from billing_horizon h
                        where h.billed_until > date '-infinity'
                          and exists (select 1 from delivery d where d.metering_point_id = :mp
                                      and daterange(d.valid_from, d.valid_to, '[)')
                                          && daterange(cast(:from as date), cast(:to as date), '[)'))
                        having max(h.billed_until) is not null""")
                .param("mp", meteringPointId).param("from", changed.from()).param("to", changed.to())
                .query(LocalDate.class).optional();
        Optional<LocalDate> horizon = own.isEmpty() ? covered : covered.isEmpty() ? own
                : Optional.of(own.get().isAfter(covered.get()) ? own.get() : covered.get());
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

    /**
     * The metering points and days a customer was invoiced for (its standing invoices' lines) or supplied in (its
     * deliveries), for the customers in {@code :customers} — where a need concerns a customer.
     */
    private static final String CUSTOMER_DAYS = """
            select i.customer_id, l.metering_point_id, l.period_from, l.period_to
            from invoice i join invoice_line l on l.invoice_id = i.id
            where i.customer_id = any(:customers) and i.kind = 'INVOICE' and not i.credited and l.metering_point_id is not null
            union
            select c.customer_id, d.metering_point_id, d.valid_from, d.valid_to
            from contract c join delivery d on d.contract_id = c.id
            where c.customer_id = any(:customers) and (d.valid_to is null or d.valid_to > d.valid_from)""";

    /**
     * A need as it concerns one customer: the days of it that the customer was invoiced for, or was supplied in.
     *
     * @param needId the need
     * @param meteringPointId the metering point it is on
     * @param days the part of the need's period that meets the customer's invoice lines or deliveries on that point
     */
    public record CustomerNeed(long needId, long meteringPointId, Period days) {
    }

    /**
     * The needs this customer has not yet had recalculated: those on a metering point and days that the customer's
     * standing invoices have lines for (what was billed) or its deliveries cover (what should have been billed) — so a
     * back-dated move-out corrects the invoice that charged the days, and a back-dated move-in invoices the days.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<CustomerNeed> unhandled(long customerId) {
        return jdbc.sql("""
                        select r.id, r.metering_point_id,
                            greatest(r.period_from, s.period_from), least(r.period_to, coalesce(s.period_to, r.period_to))
                        from recalculation_need r
                        join (""" + CUSTOMER_DAYS + """
                             ) s
                          on s.metering_point_id = r.metering_point_id
                         and daterange(s.period_from, s.period_to, '[)') && daterange(r.period_from, r.period_to, '[)')
                        where not exists (select 1 from recalculation_need_handled h where h.need_id = r.id and h.customer_id = s.customer_id)
                        order by 3, 1""")
                .param("customers", new Long[] {customerId})
                .query((rs, n) -> new CustomerNeed(rs.getLong(1), rs.getLong(2),
                        new Period(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                .list();
    }

    /** Which of these customers have a need {@link #unhandled} would give — the billing run's chunk asks once for all. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public java.util.Set<Long> customersWithUnhandled(java.util.Collection<Long> customerIds) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select distinct s.customer_id
                        from recalculation_need r
                        join (""" + CUSTOMER_DAYS + """
                             ) s
                          on s.metering_point_id = r.metering_point_id
                         and daterange(s.period_from, s.period_to, '[)') && daterange(r.period_from, r.period_to, '[)')
                        where not exists (select 1 from recalculation_need_handled h where h.need_id = r.id and h.customer_id = s.customer_id)""")
                .param("customers", customerIds.toArray(Long[]::new))
                .query(Long.class).list());
    }

    /**
     * Records that the customer's billing has taken these needs into account — with the invoice that reflects them, or
     * none when the recalculation found the billed amounts unchanged — and marks them consumed.
     */
    public void handled(long customerId, java.util.Collection<Long> needIds, Long invoiceId) {
        if (needIds.isEmpty()) {
            return;
        }
        var now = Timestamp.from(audit.now());
        String actor = audit.actor();
        Long[] ids = needIds.stream().distinct().toArray(Long[]::new);
        jdbc.sql("""
                        insert into recalculation_need_handled (need_id, customer_id, invoice_id, created_at, created_by, updated_at, updated_by)
                        select unnest(cast(:ids as bigint[])), cast(:customer as bigint), cast(:invoice as bigint), cast(:now as timestamptz),
                            cast(:actor as varchar), cast(:now as timestamptz), cast(:actor as varchar)
                        on conflict do nothing""")
                .param("ids", ids).param("customer", customerId).param("invoice", invoiceId).param("now", now).param("actor", actor)
                .update();
        jdbc.sql("update recalculation_need set consumed_at = :now, consumed_by = :actor, updated_at = :now, updated_by = :actor "
                        + "where id = any(:ids) and consumed_at is null")
                .param("now", now).param("actor", actor).param("ids", ids).update();
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
