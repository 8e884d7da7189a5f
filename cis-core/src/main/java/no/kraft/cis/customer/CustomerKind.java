package no.kraft.cis.customer;

/** Private person or organisation. */
public enum CustomerKind {
    PRIVATE,
    ORGANISATION
}
