/**
 * Contracts (kontrakter) and deliveries (leveranser): which metering point is supplied under which product, for which
 * customer, in which half-open period. Enforces that a metering point has at most one delivery on any day
 * ({@code DeliveryOverlapRule}, backed by an exclusion constraint). Public surface:
 * {@link no.kraft.cis.contract.ContractService}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"rule", "audit", "period", "customer", "meteringpoint", "tariff", "invoice"})
package no.kraft.cis.contract;
