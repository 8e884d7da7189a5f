package no.kraft.cis.servicecase;

/**
 * Which cases to list; {@code null} = any. {@code open} true leaves out closed cases.
 *
 * @param origin who opened them (a staff member or a partner client), for a partner's own work orders
 */
public record CaseFilter(String owner, ServiceCase.Status status, Boolean flagged, Long customerId, boolean open, String origin,
        ServiceCase.Kind kind) {

    public CaseFilter(String owner, ServiceCase.Status status, Boolean flagged, Long customerId, boolean open) {
        this(owner, status, flagged, customerId, open, null, null);
    }

    /** The cases of one kind a partner client (or staff member) opened. */
    public static CaseFilter openedBy(String origin, ServiceCase.Kind kind) {
        return new CaseFilter(null, null, null, null, false, origin, kind);
    }
}
