/**
 * Add-on products (tilleggsprodukter) a customer can have beside the power contract — price alerts, guarantees of
 * origin, insurance — with the dated subscriptions of each customer. Billing them is not built yet.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "customer"})
package no.kraft.cis.addon;
