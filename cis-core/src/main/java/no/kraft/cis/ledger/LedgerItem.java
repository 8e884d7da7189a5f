package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One invoice as the ledger sees it (a post in the reskontro): what was billed, what has been paid on it and what is
 * still open. A credit note cancelling the invoice counts as settling it.
 *
 * @param dueDate the due date in force — the postponed one when the invoice has a payment arrangement
 * @param originalDueDate the due date printed on the invoice
 * @param credited what credit notes took off (≤ 0)
 * @param open {@code total + credited − paid}; negative when overpaid
 */
public record LedgerItem(long invoiceId, long invoiceNumber, String kid, LocalDate issueDate, LocalDate dueDate,
        LocalDate originalDueDate, BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal open,
        boolean postponed, Optional<LocalDate> inCollectionSince) {

    /** Where the invoice stands on {@code today}. */
    public enum Status { OPEN, OVERDUE, PAID, CREDITED }

    public Status status(LocalDate today) {
        if (credited.signum() != 0 && open.signum() <= 0) {
            return Status.CREDITED;
        }
        if (open.signum() <= 0) {
            return Status.PAID;
        }
        return dueDate.isBefore(today) ? Status.OVERDUE : Status.OPEN;
    }

    public boolean isOpen() {
        return open.signum() > 0;
    }

    public boolean isOverdue(LocalDate today) {
        return status(today) == Status.OVERDUE;
    }
}
