package no.kraft.cis.servicecase;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Command: open a case. Title and description are checked at the edge (1–200 and 1–4000 characters).
 *
 * @param invoiceNumber the invoice the case is about, {@code null} for none; an open {@code COMPLAINT} about an invoice
 *     disputes it, which pauses its dunning until the case is closed
 */
public record NewCase(Long customerId, ServiceCase.Kind kind, String title, String description, String owner,
        LocalDate deadline, boolean flagged, Long invoiceNumber) {

    /** A case about no particular invoice. */
    public NewCase(Long customerId, ServiceCase.Kind kind, String title, String description, String owner, LocalDate deadline,
            boolean flagged) {
        this(customerId, kind, title, description, owner, deadline, flagged, null);
    }

    public NewCase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }
}
