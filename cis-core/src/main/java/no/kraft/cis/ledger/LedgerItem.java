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
 * @param charges the reminder fees and late-payment interest the dunning process charged on it (payable by its KID)
 * @param paid the payments matched to this invoice
 * @param fromAccount credit the customer has on account (an over-payment, a payment on account or on a cancelled
 *     invoice's KID) applied to this invoice, oldest due first
 * @param open what is still to pay: {@code total + credited + charges − paid − writtenOff − fromAccount}, never negative
 *     (an over-payment becomes account credit)
 * @param writtenOff what was given up on it (credit loss: a debt-collection agency closed it as not collectable)
 */
public record LedgerItem(long invoiceId, long invoiceNumber, String kid, LocalDate issueDate, LocalDate dueDate,
        LocalDate originalDueDate, BigDecimal total, BigDecimal credited, BigDecimal charges, BigDecimal paid, BigDecimal fromAccount,
        BigDecimal open, boolean postponed, Optional<LocalDate> inCollectionSince, BigDecimal writtenOff) {

    /** Where the invoice stands on {@code today}. */
    public enum Status { OPEN, OVERDUE, PAID, CREDITED, WRITTEN_OFF }

    public Status status(LocalDate today) {
        if (credited.signum() != 0 && open.signum() <= 0) {
            return Status.CREDITED;
        }
        if (writtenOff.signum() != 0 && open.signum() <= 0) {
            return Status.WRITTEN_OFF;
        }
        if (open.signum() <= 0) {
            return Status.PAID;
        }
        return dueDate.isBefore(today) ? Status.OVERDUE : Status.OPEN;
    }

    /** Something is left to pay (not named {@code isOpen}: JSON would take that for the {@code open} amount). */
    public boolean hasOpenAmount() {
        return open.signum() > 0;
    }

    public boolean isOverdue(LocalDate today) {
        return status(today) == Status.OVERDUE;
    }
}
