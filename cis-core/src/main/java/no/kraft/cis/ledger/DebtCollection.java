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
 * Records that an open invoice was handed over to a debt-collection agency (inkassobyrå). The claim itself is sent by
 * the agency's own integration; here it only stops payment arrangements and shows in the ledger.
 */
@Service
@Transactional
public class DebtCollection {

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final AuditStamp audit;

    DebtCollection(Ledger ledger, JdbcClient jdbc, AuditStamp audit) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
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
    }
}
