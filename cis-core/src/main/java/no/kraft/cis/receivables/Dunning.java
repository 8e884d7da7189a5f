package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An invoice's dunning as staff see and steer it: its state and events, and a staff pause (until resumed) or stop
 * (for good) with a reason — each an event by the staff member. A paused or stopped invoice is passed over by
 * {@link DunningRun}; after a resume the chain carries on where it stood.
 */
@Service
@Transactional
public class Dunning {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    Dunning(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The invoice's state and events. */
    @Transactional(readOnly = true)
    public DunningState of(long invoiceNumber) {
        long invoiceId = invoiceId(invoiceNumber, false);
        return state(invoiceId, invoiceNumber);
    }

    /** The customer's invoices that have a dunning history or a hold, newest invoice first. */
    @Transactional(readOnly = true)
    public List<DunningState> ofCustomer(long customerId) {
        return jdbc.sql("""
                        select i.id, i.invoice_number from invoice i
                        where i.customer_id = :customer and i.kind = 'INVOICE'
                          and (exists (select 1 from dunning_event e where e.invoice_id = i.id)
                               or exists (select 1 from dunning_hold h where h.invoice_id = i.id))
                        order by i.invoice_number desc""")
                .param("customer", customerId).query((rs, n) -> state(rs.getLong(1), rs.getLong(2))).list();
    }

    /**
     * Pauses the invoice's dunning until {@link #resume}.
     *
     * @throws ConflictException {@code dunning.stopped} if stopped, {@code dunning.alreadyPaused} if paused
     */
    public DunningState pause(long invoiceNumber, String reason, LocalDate today) {
        long invoiceId = invoiceId(invoiceNumber, true);
        String hold = hold(invoiceId);
        if ("STOPPED".equals(hold)) {
            throw stopped(invoiceNumber);
        }
        if ("PAUSED".equals(hold)) {
            throw new ConflictException("invoiceNumber", "dunning.alreadyPaused", "the dunning of invoice " + invoiceNumber + " is already paused");
        }
        putHold(invoiceId, "PAUSED", reason, today);
        event(invoiceId, "PAUSED", reason, today);
        return state(invoiceId, invoiceNumber);
    }

    /**
     * Ends a pause: the next run carries on where the chain stood.
     *
     * @throws ConflictException {@code dunning.stopped} if stopped for good, {@code dunning.notPaused} if not paused
     */
    public DunningState resume(long invoiceNumber, LocalDate today) {
        long invoiceId = invoiceId(invoiceNumber, true);
        String hold = hold(invoiceId);
        if ("STOPPED".equals(hold)) {
            throw stopped(invoiceNumber);
        }
        if (hold == null) {
            throw new ConflictException("invoiceNumber", "dunning.notPaused", "the dunning of invoice " + invoiceNumber + " is not paused");
        }
        jdbc.sql("delete from dunning_hold where invoice_id = :id").param("id", invoiceId).update();
        event(invoiceId, "RESUMED", null, today);
        return state(invoiceId, invoiceNumber);
    }

    /**
     * Stops the invoice's dunning for good (a pause becomes a stop). No later run sends it anything.
     *
     * @throws ConflictException {@code dunning.stopped} if already stopped
     */
    public DunningState stop(long invoiceNumber, String reason, LocalDate today) {
        long invoiceId = invoiceId(invoiceNumber, true);
        if ("STOPPED".equals(hold(invoiceId))) {
            throw stopped(invoiceNumber);
        }
        jdbc.sql("delete from dunning_hold where invoice_id = :id").param("id", invoiceId).update();
        putHold(invoiceId, "STOPPED", reason, today);
        event(invoiceId, "STOPPED", reason, today);
        return state(invoiceId, invoiceNumber);
    }

    private long invoiceId(long invoiceNumber, boolean lock) {
        return jdbc.sql("select id from invoice where invoice_number = :n and kind = 'INVOICE'" + (lock ? " for update" : ""))
                .param("n", invoiceNumber).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("invoice", invoiceNumber));
    }

    private String hold(long invoiceId) {
        return jdbc.sql("select kind from dunning_hold where invoice_id = :id").param("id", invoiceId).query(String.class).optional().orElse(null);
    }

    private void putHold(long invoiceId, String kind, String reason, LocalDate today) {
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into dunning_hold (invoice_id, kind, reason, since, created_at, created_by, updated_at, updated_by)
                        values (:id, :kind, :reason, :day, :now, :actor, :now, :actor)""")
                .param("id", invoiceId).param("kind", kind).param("reason", reason).param("day", today).param("now", now)
                .param("actor", audit.actor()).update();
    }

    private void event(long invoiceId, String step, String reason, LocalDate today) {
        jdbc.sql("""
                        insert into dunning_event (invoice_id, step, day, reason, actor, created_at)
                        values (:id, :step, :day, :reason, :actor, :now)""")
                .param("id", invoiceId).param("step", step).param("day", today).param("reason", reason).param("actor", audit.actor())
                .param("now", Timestamp.from(audit.now())).update();
    }

    private static ConflictException stopped(long invoiceNumber) {
        return new ConflictException("invoiceNumber", "dunning.stopped", "the dunning of invoice " + invoiceNumber + " was stopped for good");
    }

    private DunningState state(long invoiceId, long invoiceNumber) {
        List<DunningEvent> events = jdbc.sql("select * from dunning_event where invoice_id = :id order by id").param("id", invoiceId)
                .query(Dunning::event).list();
        record Hold(String kind, String reason) {
        }
        Hold hold = jdbc.sql("select kind, reason from dunning_hold where invoice_id = :id").param("id", invoiceId)
                .query(Hold.class).optional().orElse(null);
        List<DunningEvent> steps = events.stream()
                .filter(e -> List.of("FRIENDLY_REMINDER", "PURRING", "INKASSOVARSEL", "HAND_OVER").contains(e.step())).toList();
        String stage = steps.isEmpty() ? "NONE" : steps.getLast().step();
        LocalDate deadline = steps.stream().map(DunningEvent::deadline).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
        BigDecimal fees = steps.stream().map(DunningEvent::fee).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new DunningState(invoiceNumber, stage, hold == null ? null : hold.kind(), hold == null ? null : hold.reason(), deadline,
                fees, events);
    }

    private static DunningEvent event(ResultSet rs, int n) throws SQLException {
        return new DunningEvent(rs.getLong("id"), rs.getString("step"), rs.getObject("day", LocalDate.class), rs.getBigDecimal("amount"),
                rs.getBigDecimal("fee"), rs.getString("fee_rule"), rs.getObject("deadline", LocalDate.class), rs.getBigDecimal("interest"),
                rs.getBigDecimal("interest_charged"), rs.getString("interest_note"), rs.getString("channel"), rs.getString("reason"),
                rs.getString("actor"), rs.getTimestamp("created_at").toInstant());
    }
}
