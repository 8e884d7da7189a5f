/**
 * Products (kraftprodukter) a delivery is billed under; tariff elements and price tables join them with the billing
 * data work. Public surface: {@link no.kraft.cis.tariff.ProductCatalogue}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit"})
package no.kraft.cis.tariff;
