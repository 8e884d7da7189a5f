/** Part of the billing module's public surface. */
@org.springframework.modulith.NamedInterface("classification")
package no.kraft.cis.billing.classification;
