/** Part of the billing module's public surface. */
@org.springframework.modulith.NamedInterface("run")
package no.kraft.cis.billing.run;
