package no.kraft.cis.customerview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.Delivery;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.GridOwner;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.meteringpoint.PropertyValue;

/**
 * Customer 360 (kundebilde): the customer with all contracts and deliveries, and every metering point they supply with
 * its master data, grid owner and properties as of {@code asOf}.
 */
public record CustomerOverview(
        Customer customer,
        LocalDate asOf,
        List<Contract> contracts,
        Map<Long, MeteringPointId> meteringPointIds,
        List<MeteringPointSnapshot> meteringPoints) {

    /** A metering point as it stands on the overview's date. */
    public record MeteringPointSnapshot(
            MeteringPoint meteringPoint,
            Optional<Characteristics> characteristics,
            Optional<GridOwner> gridOwner,
            Map<PropertyCode, PropertyValue> properties,
            List<Delivery> deliveries) {
    }
}
