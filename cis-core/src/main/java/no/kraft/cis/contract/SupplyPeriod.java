package no.kraft.cis.contract;

import no.kraft.cis.period.Period;

/**
 * A delivery as the billing reads it: whose, under which contract, which metering point, which product, when — a plain
 * value, read in bulk without loading contracts ({@link ContractService#supplyPeriods}).
 */
public record SupplyPeriod(long customerId, long contractId, long deliveryId, long meteringPointId, String productCode, Period period) {

    /** The deliveries of a contract as supply periods. */
    public static java.util.List<SupplyPeriod> of(Contract contract) {
        return contract.deliveries().stream().map(d -> new SupplyPeriod(contract.customerId(), contract.id(), d.id(), d.meteringPointId(),
                d.productCode(), d.period())).toList();
    }
}
