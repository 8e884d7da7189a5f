package no.kraft.cis.ledger;

import java.time.LocalDate;

/**
 * An invoice was handed over to a debt-collection agency. Published inside the hand-over's transaction, so a listener
 * that stores something (the debt-collection adapter's outbox row) commits or rolls back together with it.
 */
public record HandedOverToCollection(long customerId, long invoiceId, long invoiceNumber, String agency, LocalDate handedOverOn) {
}
