/**
 * Tariff groups (tariffgrupper) and tariff elements (tariffelementer): the priced components a product is billed with —
 * energy price, markup, fixed monthly amount and compensation lines — each with VAT treatment, invoice text, validity,
 * an optional required billing segment and a dated price history that is only ever appended to. Public surface:
 * {@link no.kraft.cis.tariffelement.Tariffs}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"rule", "audit", "period", "tariff", "segment", "price", "contract", "invoice"})
package no.kraft.cis.tariffelement;
