package no.kraft.cis.ledger;

import java.sql.Timestamp;
import java.time.LocalDate;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that an open invoice was handed over to a debt-collection agency (inkassobyrå): it stops payment
 * arrangements and shows in the ledger. The claim itself is sent by the agency's integration (the debt-collection
 * adapter), which hears of the hand-over through {@link HandedOverToCollection}, published inside this transaction so
 * its outbox row is stored with the hand-over or not at all. An invoice a running instalment plan covers is not handed
 * over ({@code collection.underInstalmentPlan}).
 */
@Service
@Transactional
public class DebtCollection {

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final InstalmentPlans plans;
    private final org.springframework.context.ApplicationEventPublisher events;

    DebtCollection(Ledger ledger, JdbcClient jdbc, AuditStamp audit, InstalmentPlans plans,
            org.springframework.context.ApplicationEventPublisher events) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.plans = plans;
        this.events = events;
    }

    public void handOver(long customerId, long invoiceNumber, String agency, LocalDate today) {
        // the invoice row is the lock that serialises a postponement and a hand-over to debt collection
        jdbc.sql("select id from invoice where customer_id = :customer and invoice_number = :number for update")
                .param("customer", customerId).param("number", invoiceNumber).query(Long.class).optional();
        LedgerItem item = ledger.item(customerId, invoiceNumber).orElseThrow(() -> new NotFoundException("invoice", invoiceNumber));
        if (!item.isOverdue(today)) {
            throw new ConflictException("invoiceNumber", "collection.notOverdue",
                    "only an overdue invoice can go to debt collection; invoice " + invoiceNumber + " is " + item.status(today));
        }
        if (!plans.underActivePlan(java.util.Set.of(item.invoiceId())).isEmpty()) {
            throw new ConflictException("invoiceNumber", "collection.underInstalmentPlan",
                    "invoice " + invoiceNumber + " is covered by a running instalment plan; cancel the plan first");
        }
        Timestamp now = Timestamp.from(audit.now());
        try {
            jdbc.sql("""
                            insert into invoice_debt_collection (invoice_id, handed_over_on, agency, created_at, created_by, updated_at, updated_by)
                            values (:invoice, :day, :agency, :now, :actor, :now, :actor)""")
                    .param("invoice", item.invoiceId()).param("day", today).param("agency", agency).param("now", now)
                    .param("actor", audit.actor()).update();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("invoiceNumber", "collection.already", "invoice " + invoiceNumber + " is already in debt collection");
        }
        events.publishEvent(new HandedOverToCollection(customerId, item.invoiceId(), invoiceNumber, agency, today));
    }
}
