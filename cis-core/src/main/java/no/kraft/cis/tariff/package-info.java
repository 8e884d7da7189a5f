/**
 * Products (kraftprodukter) a delivery is billed under; what they cost is their tariff elements' (module
 * {@code tariffelement}, which defines a product together with its priced elements). Public surface:
 * {@link no.kraft.cis.tariff.ProductCatalogue}, {@link no.kraft.cis.tariff.NewProduct}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "rule"})
package no.kraft.cis.tariff;
