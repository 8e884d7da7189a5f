package no.kraft.cis.paymentchannel;

import java.time.Instant;

/**
 * An organisation in the Peppol participant list.
 *
 * @param participantId the Peppol identifier, e.g. {@code 0192:991825827} (0192 = Norwegian organisation number)
 * @param acceptsInvoice it has registered the invoice document type (EHF / Peppol BIS Billing 3); when the imported
 *     list carries no document types, every participant is taken to accept invoices
 * @param listImportedAt when the list this answer comes from was imported
 */
public record PeppolParticipant(String organisationNumber, String participantId, String name, boolean acceptsInvoice,
        Instant listImportedAt) {
}
