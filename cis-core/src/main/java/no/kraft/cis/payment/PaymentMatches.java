package no.kraft.cis.payment;

import java.sql.Timestamp;
import no.kraft.cis.audit.AuditStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a match: the payment now belongs to the customer (and invoice), and the account it came from is remembered as
 * one the customer pays from — the payer evidence for a later payment with a mistyped KID.
 */
@Component
class PaymentMatches {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    PaymentMatches(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    void record(long paymentId, MatchRule rule, long customerId, Long invoiceId, String payerAccount) {
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        jdbc.sql("""
                        update payment set status = 'MATCHED', match_rule = :rule, customer_id = :customer, invoice_id = :invoice,
                            matched_at = :now, matched_by = :actor, updated_at = :now, updated_by = :actor
                        where id = :id""")
                .param("rule", rule.name()).param("customer", customerId).param("invoice", invoiceId).param("now", now)
                .param("actor", actor).param("id", paymentId).update();
        if (payerAccount != null && !payerAccount.isBlank()) {
            jdbc.sql("""
                            insert into customer_payer_account (customer_id, account, created_at, created_by, updated_at, updated_by)
                            values (:customer, :account, :now, :actor, :now, :actor) on conflict do nothing""")
                    .param("customer", customerId).param("account", payerAccount).param("now", now).param("actor", actor).update();
        }
    }
}
