package no.kraft.cis.servicecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case (sak).
 *
 * @param customerId the customer it concerns, or {@code null} for a case about no one customer
 * @param customerNumber that customer's number (read with the case, so a list needs no look-up per case)
 * @param owner the staff member (token subject) working on it; {@code null} = not taken yet
 * @param origin who opened it: a staff member or a partner client
 * @param invoiceNumber the invoice it is about, {@code null} for none (an open complaint about an invoice pauses its dunning)
 */
public record ServiceCase(long caseNumber, Long customerId, Long customerNumber, Kind kind, String title, String description, Status status,
        String owner, LocalDate deadline, boolean flagged, String origin, long version, Instant openedAt,
        List<Message> messages, Long invoiceNumber) {

    /** COMPLAINT (reklamasjon): about an invoice, it disputes it. */
    public enum Kind { ENQUIRY, WORK_ORDER, COMPLAINT }

    public enum Status { OPEN, IN_PROGRESS, WAITING, CLOSED }

    /** One message of the case's dialogue. */
    public record Message(String author, String text, Instant at) {
    }
}
