package no.kraft.cis.payment;

import java.util.List;

/** A payment waiting for manual matching, with the best suggestions first. */
public record QueuedPayment(PaymentView payment, List<Suggestion> suggestions) {
}
