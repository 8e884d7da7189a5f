package no.kraft.cis.servicecase;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Command: change what is given, keep the rest. {@code owner} and {@code deadline} present-but-empty clear them.
 *
 * @param expectedVersion the version the caller read, or {@code null} to change whatever is current
 */
public record CaseUpdate(Long expectedVersion, ServiceCase.Status status, Optional<String> owner, Optional<LocalDate> deadline,
        Boolean flagged) {
}
