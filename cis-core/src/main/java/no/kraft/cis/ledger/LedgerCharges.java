package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import no.kraft.cis.audit.AuditStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges on an invoice (gebyr, forsinkelsesrente) that the customer owes on top of it: a ledger item of the invoice,
 * payable by the invoice's own KID, counted in the invoice's open amount and the customer's balance (so "nothing owed"
 * and the receivables figures include it). Written by the dunning process; never changed.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerCharges {

    /** What a charge is for. */
    public enum Kind { REMINDER_FEE, LATE_INTEREST }

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    LedgerCharges(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One charge to make. */
    public record NewCharge(long invoiceId, Kind kind, BigDecimal amount, LocalDate chargedOn, String reason) {

        public NewCharge {
            if (amount.signum() <= 0 || amount.scale() > 2) {
                throw new IllegalArgumentException("a charge is a positive amount in øre, not " + amount);
            }
        }
    }

    /** Many charges in one statement (the nightly job's chunk). Joins the caller's transaction. */
    public void chargeAll(java.util.List<NewCharge> charges) {
        if (charges.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into invoice_charge (invoice_id, kind, amount, charged_on, reason, created_at, created_by, updated_at, updated_by)
                        select c.invoice_id, c.kind, c.amount, c.charged_on, c.reason, :now, :actor, :now, :actor
                        from unnest(cast(:invoices as bigint[]), cast(:kinds as varchar[]), cast(:amounts as numeric[]),
                                    cast(:days as date[]), cast(:reasons as varchar[])) as c(invoice_id, kind, amount, charged_on, reason)""")
                .param("invoices", charges.stream().map(NewCharge::invoiceId).toArray(Long[]::new))
                .param("kinds", charges.stream().map(c -> c.kind().name()).toArray(String[]::new))
                .param("amounts", charges.stream().map(c -> c.amount().setScale(2).toPlainString()).toArray(String[]::new))
                .param("days", charges.stream().map(c -> c.chargedOn().toString()).toArray(String[]::new))
                .param("reasons", charges.stream().map(NewCharge::reason).toArray(String[]::new))
                .param("now", now).param("actor", audit.actor()).update();
    }

    /** Charges {@code amount} (positive, scale 2) on the invoice; the charge's id. Joins the caller's transaction. */
    public long charge(long invoiceId, Kind kind, BigDecimal amount, LocalDate chargedOn, String reason) {
        if (amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("a charge is a positive amount in øre, not " + amount);
        }
        Timestamp now = Timestamp.from(audit.now());
        return jdbc.sql("""
                        insert into invoice_charge (invoice_id, kind, amount, charged_on, reason, created_at, created_by, updated_at, updated_by)
                        values (:invoice, :kind, :amount, :day, :reason, :now, :actor, :now, :actor) returning id""")
                .param("invoice", invoiceId).param("kind", kind.name()).param("amount", amount.setScale(2)).param("day", chargedOn)
                .param("reason", reason).param("now", now).param("actor", audit.actor()).query(Long.class).single();
    }
}
