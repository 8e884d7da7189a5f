/** Part of the billing module's public surface. */
@org.springframework.modulith.NamedInterface("settlement")
package no.kraft.cis.billing.settlement;
