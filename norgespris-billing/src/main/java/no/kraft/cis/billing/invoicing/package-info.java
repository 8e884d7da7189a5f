/** Part of the billing module's public surface. */
@org.springframework.modulith.NamedInterface("invoicing")
package no.kraft.cis.billing.invoicing;
