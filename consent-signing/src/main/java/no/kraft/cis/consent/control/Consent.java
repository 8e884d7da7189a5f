package no.kraft.cis.consent.control;

import java.time.Instant;
import java.util.UUID;

/** One consent attempt for an order, as stored: the durable state of its flow. */
public record Consent(
        UUID id,
        long orderId,
        Flow flow,
        ConsentState state,
        int attempts,
        Instant nextAttemptAt,
        Instant expiresAt,
        String elhubDocumentId,
        String elhubRequestId,
        String elhubPdfSha256,
        String signicatDocumentId,
        String signicatSessionId,
        String signatureUrl,
        String signicatResultId,
        String signedPdfSha256,
        String grantId,
        Instant grantValidTo,
        String outcomeDetail,
        Instant createdAt,
        Instant updatedAt) {

    /** Elhub's document signed with BankID through Signicat, or Elhub's request approved on Elhub's pages. */
    public enum Flow { DOCUMENT, REQUEST }

    /** Client-chosen Signicat ids derived from ours, so a retried POST finds the first one. */
    public String collectionId() {
        return "kc-" + id;
    }

    public String sessionId() {
        return "ks-" + id;
    }
}
