package no.kraft.cis.billing.run;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.billing.invoicing.CustomerBilling;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Counters and failures of a run in {@code billing_run}: a chunk's in the tasklet's transaction, the rest each its own. */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class BillingRunProgress {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    BillingRunProgress(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** What a chunk of customers came to, recorded at once. */
    static final class Tally {
        private int billed;
        private int skipped;
        private int invoices;
        private int creditNotes;
        private BigDecimal total = BigDecimal.ZERO;
        private final List<Map.Entry<Long, String>> failures = new ArrayList<>();

        void add(CustomerBilling.Outcome outcome) {
            billed += outcome.nothing() ? 0 : 1;
            skipped += outcome.nothing() ? 1 : 0;
            invoices += outcome.invoices();
            creditNotes += outcome.creditNotes();
            total = total.add(outcome.total());
        }

        void failed(long customerId, String reason) {
            failures.add(Map.entry(customerId, reason.length() > 1000 ? reason.substring(0, 1000) : reason));
        }

        boolean empty() {
            return billed == 0 && skipped == 0 && failures.isEmpty();
        }
    }

    /** In the caller's transaction — the tasklet's, which also saves the cursor: progress and cursor commit together. */
    @Transactional(propagation = Propagation.REQUIRED)
    void record(long runId, Tally tally) {
        if (tally.empty()) {
            return;
        }
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        for (Map.Entry<Long, String> failure : tally.failures) {
            jdbc.sql("""
                            insert into billing_run_failure (run_id, customer_id, reason, created_at, created_by, updated_at, updated_by)
                            values (:run, :customer, :reason, :now, :actor, :now, :actor)""")
                    .param("run", runId).param("customer", failure.getKey()).param("reason", failure.getValue())
                    .param("now", now).param("actor", actor).update();
        }
        jdbc.sql("""
                        update billing_run set customers_billed = customers_billed + :billed, customers_skipped = customers_skipped + :skipped,
                            customers_failed = customers_failed + :failed, invoices = invoices + :invoices,
                            credit_notes = credit_notes + :credits, total_amount = total_amount + :total,
                            updated_at = :now, updated_by = :actor
                        where id = :id""")
                .param("billed", tally.billed).param("skipped", tally.skipped).param("failed", tally.failures.size())
                .param("invoices", tally.invoices).param("credits", tally.creditNotes).param("total", tally.total)
                .param("now", now).param("actor", actor).param("id", runId).update();
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
