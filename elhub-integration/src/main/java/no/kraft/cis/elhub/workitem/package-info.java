/** Part of the elhub-integration module's public surface. */
@org.springframework.modulith.NamedInterface("workitem")
package no.kraft.cis.elhub.workitem;
