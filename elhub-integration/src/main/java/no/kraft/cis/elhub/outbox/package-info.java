/** Part of the elhub-integration module's public surface. */
@org.springframework.modulith.NamedInterface("outbox")
package no.kraft.cis.elhub.outbox;
