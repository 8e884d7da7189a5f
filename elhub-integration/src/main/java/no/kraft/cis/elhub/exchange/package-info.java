/** Part of the elhub-integration module's public surface. */
@org.springframework.modulith.NamedInterface("exchange")
package no.kraft.cis.elhub.exchange;
