package no.kraft.cis.billing.run;

import java.sql.Timestamp;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counters and failures of a run in {@code billing_run}, each update its own short transaction. */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class BillingRunProgress {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    BillingRunProgress(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    void billed(long runId, CustomerBilling.Outcome outcome) {
        jdbc.sql("""
                        update billing_run set customers_billed = customers_billed + :billed, customers_skipped = customers_skipped + :skipped,
                            invoices = invoices + :invoices, credit_notes = credit_notes + :credits, total_amount = total_amount + :total,
                            updated_at = :now, updated_by = :actor
                        where id = :id""")
                .param("billed", outcome.nothing() ? 0 : 1).param("skipped", outcome.nothing() ? 1 : 0)
                .param("invoices", outcome.invoices()).param("credits", outcome.creditNotes()).param("total", outcome.total())
                .param("now", Timestamp.from(audit.now())).param("actor", audit.actor()).param("id", runId).update();
    }

    void failed(long runId, long customerId, String reason) {
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into billing_run_failure (run_id, customer_id, reason, created_at, created_by, updated_at, updated_by)
                        values (:run, :customer, :reason, :now, :actor, :now, :actor)""")
                .param("run", runId).param("customer", customerId)
                .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("now", now).param("actor", audit.actor()).update();
        jdbc.sql("update billing_run set customers_failed = customers_failed + 1, updated_at = :now, updated_by = :actor where id = :id")
                .param("now", now).param("actor", audit.actor()).param("id", runId).update();
    }

    void finished(long runId, String batchStatus) {
        String status = switch (batchStatus) {
            case "COMPLETED" -> "COMPLETED";
            case "STOPPED", "STOPPING" -> "STOPPED";
            default -> "FAILED";
        };
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("update billing_run set status = :status, finished_at = :now, updated_at = :now, updated_by = :actor where id = :id")
                .param("status", status).param("now", now).param("actor", audit.actor()).param("id", runId).update();
    }
}
