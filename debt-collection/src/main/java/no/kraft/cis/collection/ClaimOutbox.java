package no.kraft.cis.collection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.ledger.HandedOverToCollection;
import no.kraft.cis.ledger.Ledger;
import no.kraft.cis.ledger.LedgerItem;
import no.kraft.cis.receivables.LateInterest;
import no.kraft.cis.receivables.LateInterestRates;
import no.kraft.cis.receivables.MissingInterestRateException;
import no.kraft.cis.receivables.NoticeHistory;
import no.kraft.cis.receivables.SentNotice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hears of a hand-over inside its transaction and stores the claim to send — its JSON made now, a fresh idempotency key,
 * due at once — so the hand-over and its outbox row commit together or not at all. A plain (synchronous) listener on
 * purpose: an after-commit listener could be lost between the commit and its own write.
 */
public class ClaimOutbox {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final CustomerService customers;
    private final LateInterestRates rates;
    private final ObjectProvider<NoticeHistory> notices;
    private final AuditStamp audit;
    private final DebtCollectionProperties properties;

    public ClaimOutbox(JdbcClient jdbc, Ledger ledger, CustomerService customers, LateInterestRates rates,
            ObjectProvider<NoticeHistory> notices, AuditStamp audit, DebtCollectionProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.customers = customers;
        this.rates = rates;
        this.notices = notices;
        this.audit = audit;
        this.properties = properties;
    }

    @EventListener
    public void on(HandedOverToCollection handOver) {
        LedgerItem item = ledger.item(handOver.customerId(), handOver.invoiceNumber()).orElseThrow();
        String payload = payload(handOver.customerId(), handOver.invoiceId(), item, handOver.handedOverOn());
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into debt_collection_claim (invoice_id, idempotency_key, agency, payload, status, next_attempt_at, deadline_at,
                            created_at, created_by, updated_at, updated_by)
                        values (:invoice, :key, :agency, :payload, 'PENDING', :now, :deadline, :now, :actor, :now, :actor)""")
                .param("invoice", handOver.invoiceId()).param("key", UUID.randomUUID()).param("agency", handOver.agency())
                .param("payload", payload).param("now", now)
                .param("deadline", Timestamp.from(audit.now().plus(properties.deadline()))).param("actor", audit.actor()).update();
    }

    /** The claim's JSON from the customer, the ledger, the notices sent and the forsinkelsesrente as they are now. */
    private String payload(long customerId, long invoiceId, LedgerItem item, java.time.LocalDate on) {
        Customer customer = customers.findById(customerId).orElseThrow();
        NoticeHistory history = notices.getIfAvailable();
        List<SentNotice> sent = history == null ? List.of() : history.sentOn(invoiceId);
        BigDecimal interest;
        try {
            interest = LateInterest.on(item.open(), item.dueDate(), on, rates.history());
        } catch (MissingInterestRateException noRate) {
            interest = null;
        }
        return ClaimPayload.json(customer, item, sent, interest, on);
    }

    /**
     * Makes a refused or failed claim again from the data as it is now — after staff mended what the agency named (an
     * address, a national ID) — with interest through today, and queues it with a new idempotency key (the agency would
     * refuse the old key with other content); what was sent before is kept in {@code debt_collection_claim_earlier},
     * and the claim's open work items are resolved with the comment. Only a REFUSED or FAILED claim with something
     * still open on the invoice.
     */
    @org.springframework.transaction.annotation.Transactional
    public void resend(long invoiceNumber, String comment) {
        record Held(long id, long invoiceId, long customerId, String status) {
        }
        Held claim = jdbc.sql("""
                        select c.id, c.invoice_id, i.customer_id, c.status from debt_collection_claim c join invoice i on i.id = c.invoice_id
                        where i.invoice_number = :n for update of c""")
                .param("n", invoiceNumber).query((rs, row) -> new Held(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .optional().orElseThrow(() -> new no.kraft.cis.rule.NotFoundException("debt-collection claim of invoice", invoiceNumber));
        if (!claim.status().equals("REFUSED") && !claim.status().equals("FAILED")) {
            throw new no.kraft.cis.rule.ConflictException("invoiceNumber", "collection.notResendable", "the claim of invoice " + invoiceNumber
                    + " is " + claim.status() + ": only a REFUSED or FAILED claim is made and sent again");
        }
        LedgerItem item = ledger.item(claim.customerId(), invoiceNumber).orElseThrow();
        if (item.open().signum() <= 0) {
            throw new no.kraft.cis.rule.ConflictException("invoiceNumber", "collection.nothingOpen", "invoice " + invoiceNumber
                    + " has nothing open any more: there is no claim to send");
        }
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into debt_collection_claim_earlier (claim_id, idempotency_key, payload, status, attempts, last_error, replaced_at,
                            replaced_by, comment)
                        select id, idempotency_key, payload, status, attempts, last_error, :now, :actor, :comment from debt_collection_claim
                        where id = :id""")
                .param("now", now).param("actor", audit.actor()).param("comment", comment).param("id", claim.id()).update();
        String payload = payload(claim.customerId(), claim.invoiceId(), item, audit.now().atZone(no.kraft.cis.period.NorwegianTime.ZONE).toLocalDate());
        jdbc.sql("""
                        update debt_collection_claim set idempotency_key = :key, payload = :payload, status = 'PENDING', attempts = 0,
                            next_attempt_at = :now, deadline_at = :deadline, last_error = null, version = version + 1, updated_at = :now,
                            updated_by = :actor
                        where id = :id""")
                .param("key", UUID.randomUUID()).param("payload", payload).param("now", now)
                .param("deadline", Timestamp.from(audit.now().plus(properties.deadline()))).param("actor", audit.actor()).param("id", claim.id())
                .update();
        jdbc.sql("""
                        update debt_collection_work_item set status = 'RESOLVED', comment = :comment, version = version + 1, updated_at = :now,
                            updated_by = :actor
                        where claim_id = :id and status = 'OPEN'""")
                .param("comment", "sent again: " + comment).param("now", now).param("actor", audit.actor()).param("id", claim.id()).update();
    }
}
