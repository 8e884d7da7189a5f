/** Part of the elhub-integration module's public surface. */
@org.springframework.modulith.NamedInterface("standin")
package no.kraft.cis.elhub.standin;
