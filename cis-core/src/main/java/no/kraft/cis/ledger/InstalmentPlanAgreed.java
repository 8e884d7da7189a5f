package no.kraft.cis.ledger;

/**
 * An instalment plan was made (published in the transaction that made it): the customer is to be told its
 * instalments, each with its due date, amount and KID (the delivery adapter sends the confirmation).
 */
public record InstalmentPlanAgreed(long planId, long customerId) {
}
