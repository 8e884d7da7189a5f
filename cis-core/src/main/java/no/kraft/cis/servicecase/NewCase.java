package no.kraft.cis.servicecase;

import java.time.LocalDate;
import java.util.Objects;

/** Command: open a case. Title and description are checked at the edge (1–200 and 1–4000 characters). */
public record NewCase(Long customerId, ServiceCase.Kind kind, String title, String description, String owner,
        LocalDate deadline, boolean flagged) {

    public NewCase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
    }
}
