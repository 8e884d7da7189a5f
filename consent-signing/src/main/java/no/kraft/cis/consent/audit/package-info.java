/** The consent audit trail: append-only, hash-chained per order, verifiable. */
@org.springframework.modulith.NamedInterface("audit")
package no.kraft.cis.consent.audit;
