package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's ledger on a day: the statement, the balance (positive = the customer owes us), the overdue amount and
 * the invoices still open, oldest first.
 *
 * @param overdue the open amount of invoices past their due date (after credit on account is applied; never more than
 *     the balance, never negative)
 */
public record CustomerLedger(long customerId, LocalDate asOf, List<LedgerEntry> entries, List<LedgerItem> items,
        BigDecimal balance, BigDecimal overdue) {

    public List<LedgerItem> openItems() {
        return items.stream().filter(LedgerItem::hasOpenAmount).toList();
    }
}
