package no.kraft.cis.ledger;

import java.time.LocalDate;

/** A due date moved by a payment arrangement (betalingsutsettelse). An invoice is postponed at most once. */
public record Postponement(long invoiceNumber, LocalDate originalDueDate, LocalDate newDueDate) {
}
