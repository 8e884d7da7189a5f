/** Part of the elhub-integration module's public surface. */
@org.springframework.modulith.NamedInterface("norgespris")
package no.kraft.cis.elhub.norgespris;
