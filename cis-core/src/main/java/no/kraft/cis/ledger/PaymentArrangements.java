package no.kraft.cis.ledger;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment arrangements (betalingsordninger): an open invoice's due date may be postponed once, to at most
 * {@code cis.ledger.postponement-max-days} (default 14) days after the due date printed on it, and not when the invoice
 * has gone to debt collection.
 */
@Service
@Transactional
public class PaymentArrangements {

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final int maxDays;

    PaymentArrangements(Ledger ledger, JdbcClient jdbc, AuditStamp audit,
            @Value("${cis.ledger.postponement-max-days:14}") int maxDays) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
        this.maxDays = maxDays;
    }

    /** The options for each of the customer's open invoices, oldest first. */
    @Transactional(readOnly = true)
    public List<ArrangementOption> options(long customerId, LocalDate today) {
        return ledger.of(customerId, today).openItems().stream().map(item -> option(item, today)).toList();
    }

    /**
     * Postpones the invoice's due date to {@code newDueDate}. Refused (409, nothing stored) when the invoice is not open,
     * already postponed, in collection, or the date is outside today…latest.
     */
    public Postponement postpone(long customerId, long invoiceNumber, LocalDate newDueDate, String reason, LocalDate today) {
        // the invoice row is the lock that serialises a postponement and a hand-over to debt collection
        jdbc.sql("select id from invoice where customer_id = :customer and invoice_number = :number for update")
                .param("customer", customerId).param("number", invoiceNumber).query(Long.class).optional();
        LedgerItem item = ledger.item(customerId, invoiceNumber)
                .orElseThrow(() -> new NotFoundException("invoice", invoiceNumber));
        if (!item.hasOpenAmount()) {
            throw new ConflictException("invoiceNumber", "arrangement.notOpen", "invoice " + invoiceNumber + " has nothing left to pay");
        }
        ArrangementOption option = option(item, today);
        if (!option.postponable()) {
            ArrangementOption.Refusal refusal = option.refusals().getFirst();
            throw new ConflictException("invoiceNumber", refusal.rule(), refusal.reason());
        }
        if (!newDueDate.isAfter(item.dueDate()) || newDueDate.isBefore(today)) {
            throw new ConflictException("newDueDate", "arrangement.notLater",
                    "the new due date must be after the current due date " + item.dueDate() + " and not in the past");
        }
        if (newDueDate.isAfter(option.latestDueDate())) {
            throw new ConflictException("newDueDate", "arrangement.maxDays",
                    "the due date can be postponed by at most " + maxDays + " days, to " + option.latestDueDate());
        }
        Timestamp now = Timestamp.from(audit.now());
        try {
            jdbc.sql("""
                            insert into invoice_postponement (invoice_id, original_due_date, new_due_date, reason,
                                created_at, created_by, updated_at, updated_by)
                            values (:invoice, :original, :newDue, :reason, :now, :actor, :now, :actor)""")
                    .param("invoice", item.invoiceId()).param("original", item.originalDueDate()).param("newDue", newDueDate)
                    .param("reason", reason).param("now", now).param("actor", audit.actor()).update();
        } catch (DuplicateKeyException raced) {
            throw alreadyPostponed(invoiceNumber);
        }
        return new Postponement(invoiceNumber, item.originalDueDate(), newDueDate);
    }

    private ArrangementOption option(LedgerItem item, LocalDate today) {
        LocalDate latest = item.originalDueDate().plusDays(maxDays);
        List<ArrangementOption.Refusal> refusals = new ArrayList<>();
        if (item.postponed()) {
            refusals.add(new ArrangementOption.Refusal("arrangement.alreadyPostponed",
                    "the due date of invoice " + item.invoiceNumber() + " has already been postponed once"));
        }
        item.inCollectionSince().ifPresent(since -> refusals.add(new ArrangementOption.Refusal("arrangement.inCollection",
                "invoice " + item.invoiceNumber() + " was handed over to debt collection on " + since)));
        if (latest.isBefore(today)) {
            refusals.add(new ArrangementOption.Refusal("arrangement.tooLate",
                    "invoice " + item.invoiceNumber() + " is more than " + maxDays + " days past its due date"));
        }
        return new ArrangementOption(item.invoiceNumber(), item.open(), item.dueDate(), latest, List.copyOf(refusals));
    }

    private static ConflictException alreadyPostponed(long invoiceNumber) {
        return new ConflictException("invoiceNumber", "arrangement.alreadyPostponed",
                "the due date of invoice " + invoiceNumber + " has already been postponed once");
    }
}
