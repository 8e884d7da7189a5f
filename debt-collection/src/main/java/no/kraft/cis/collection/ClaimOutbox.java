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
        Customer customer = customers.findById(handOver.customerId()).orElseThrow();
        NoticeHistory history = notices.getIfAvailable();
        List<SentNotice> sent = history == null ? List.of() : history.sentOn(handOver.invoiceId());
        BigDecimal interest;
        try {
            interest = LateInterest.on(item.open(), item.dueDate(), handOver.handedOverOn(), rates.history());
        } catch (MissingInterestRateException noRate) {
            interest = null;
        }
        String payload = ClaimPayload.json(customer, item, sent, interest, handOver.handedOverOn());
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        insert into debt_collection_claim (invoice_id, idempotency_key, agency, payload, status, next_attempt_at, deadline_at,
                            created_at, created_by, updated_at, updated_by)
                        values (:invoice, :key, :agency, :payload, 'PENDING', :now, :deadline, :now, :actor, :now, :actor)""")
                .param("invoice", handOver.invoiceId()).param("key", UUID.randomUUID()).param("agency", handOver.agency())
                .param("payload", payload).param("now", now)
                .param("deadline", Timestamp.from(audit.now().plus(properties.deadline()))).param("actor", audit.actor()).update();
    }
}
