package no.kraft.cis.consent.control;

import java.util.UUID;

/** The consent attempt ended without a grant (rejected, expired, failed). Published inside the transaction that ends it. */
public record ConsentEnded(long orderId, UUID consentId, ConsentState outcome, String reason) {
}
