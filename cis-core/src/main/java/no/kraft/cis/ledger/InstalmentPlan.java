package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An instalment plan (avdragsordning) as it stands: the invoices it covers, its instalments with what is paid on each.
 *
 * <p>What is paid towards the plan is what its invoices' open amounts went down by since it was made — a payment to an
 * instalment's KID (matched to the plan's oldest open invoice), to an invoice's own KID or a credit note alike — and it
 * settles the instalments in order, the earliest first.
 *
 * @param paid what was paid towards the plan, at most its amount
 */
public record InstalmentPlan(long id, long customerId, Status status, BigDecimal amount, LocalDate agreedOn, LocalDate endedOn,
        String endReason, List<CoveredInvoice> invoices, List<Instalment> instalments, BigDecimal paid, long version) {

    public enum Status {
        /** Running: its invoices are not dunned and not handed over to debt collection. */
        ACTIVE,
        /** Every instalment paid. */
        COMPLETED,
        /** An instalment was not paid within the grace days after its due date: the invoices are ordinary overdue again. */
        DEFAULTED,
        /** Cancelled by staff: the invoices are ordinary overdue again. */
        CANCELLED
    }

    /** An invoice the plan covers: what was open on it when the plan was made, and now. */
    public record CoveredInvoice(long invoiceId, long invoiceNumber, LocalDate dueDate, BigDecimal amountAtStart, BigDecimal openNow) {
    }

    public enum InstalmentStatus { OPEN, PAID, PARTLY_PAID, OVERDUE, MISSED }

    public record Instalment(int seq, LocalDate dueDate, BigDecimal amount, String kid, BigDecimal paid, InstalmentStatus status) {
    }

    public BigDecimal remaining() {
        return amount.subtract(paid);
    }
}
