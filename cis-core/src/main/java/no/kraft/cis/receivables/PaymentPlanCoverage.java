package no.kraft.cis.receivables;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Port: which invoices an active instalment plan (avdragsordning) covers on a day. Such an invoice's dunning is paused
 * ({@link StoppingFacts#paymentArrangement()}) while the plan holds. The payment plans live in the ledger; whoever
 * builds them implements this (one query for the chunk's invoice ids). Without an implementation no invoice is covered.
 */
public interface PaymentPlanCoverage {

    /** Of {@code invoiceIds}, those an active plan covers on {@code day}. */
    Set<Long> coveredInvoiceIds(Collection<Long> invoiceIds, LocalDate day);
}
