package no.kraft.cis.payment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Payment references another module hands out that are no invoice's own KID — AvtaleGiro's agreement KID, which names
 * the payer's mandate, not the invoice: which invoice a payment with such a reference pays. The payment import asks
 * each of these after the invoice KIDs and before matching by amount and payer.
 */
public interface PaymentReferences {

    /** The invoice (its internal ID) that a payment of {@code amount} with {@code kid} pays, if this module knows it. */
    Optional<Long> invoiceFor(String kid, BigDecimal amount);
}
