/** Part of the elhub-integration module's public surface. */
@org.springframework.modulith.NamedInterface("lookup")
package no.kraft.cis.elhub.lookup;
