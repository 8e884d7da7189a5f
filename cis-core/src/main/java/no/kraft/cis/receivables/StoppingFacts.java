package no.kraft.cis.receivables;

/**
 * What stops or pauses the dunning of a claim besides its open amount (a paid claim stops by having nothing open).
 *
 * @param credited a credit note was issued against the invoice: with nothing left open the process ends (as
 *     {@code CREDITED}); a partial credit note only lowers the amount dunned, like a partial payment
 * @param disputed a complaint case about the invoice is open: paused until it is closed
 * @param paymentArrangement a payment arrangement (instalment plan) is in force: paused while it holds. A postponed
 *     due date needs no flag — pass the postponed due date as the claim's due date.
 * @param inCollection handed over to a debt-collection agency: the process has ended here
 */
public record StoppingFacts(boolean credited, boolean disputed, boolean paymentArrangement, boolean inCollection) {

    public static final StoppingFacts NONE = new StoppingFacts(false, false, false, false);
}
