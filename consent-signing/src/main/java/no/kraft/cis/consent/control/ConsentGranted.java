package no.kraft.cis.consent.control;

import java.util.UUID;

/** Elhub's grant is active: the order may be imported. Published outside any transaction; may come again after a crash. */
public record ConsentGranted(long orderId, UUID consentId, String grantId) {
}
