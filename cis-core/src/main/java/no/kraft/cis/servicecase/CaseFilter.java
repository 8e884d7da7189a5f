package no.kraft.cis.servicecase;

/** Which cases to list; {@code null} = any. {@code open} true leaves out closed cases. */
public record CaseFilter(String owner, ServiceCase.Status status, Boolean flagged, Long customerId, boolean open) {
}
