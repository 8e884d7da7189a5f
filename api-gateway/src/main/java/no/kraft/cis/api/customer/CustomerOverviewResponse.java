package no.kraft.cis.api.customer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.api.contract.ContractResponse;
import no.kraft.cis.api.contract.ContractResponse.DeliveryResponse;
import no.kraft.cis.api.meteringpoint.MeteringPointResponse.CharacteristicsResponse;
import no.kraft.cis.api.meteringpoint.MeteringPointResponse.GridOwnerResponse;
import no.kraft.cis.api.meteringpoint.MeteringPointResponse.PropertyResponse;
import no.kraft.cis.customerview.CustomerOverview;

/** Customer 360: the customer, contracts with deliveries, and each metering point with grid owner and properties. */
public record CustomerOverviewResponse(
        CustomerResponse customer,
        LocalDate asOf,
        List<ContractResponse> contracts,
        List<MeteringPointSummary> meteringPoints) {

    /** A metering point as it stands on {@code asOf}. */
    public record MeteringPointSummary(
            String meteringPointId,
            CharacteristicsResponse characteristics,
            GridOwnerResponse gridOwner,
            Map<String, PropertyResponse> properties,
            List<DeliveryResponse> deliveries) {
    }

    static CustomerOverviewResponse of(CustomerOverview o) {
        long customerNumber = o.customer().number().value();
        List<MeteringPointSummary> points = o.meteringPoints().stream().map(p -> {
            Map<String, PropertyResponse> properties = new LinkedHashMap<>();
            p.properties().forEach((code, value) -> properties.put(String.valueOf(code.code()), PropertyResponse.of(value)));
            return new MeteringPointSummary(
                    p.meteringPoint().meteringPointId().value(),
                    p.meteringPoint().characteristicsAsOf(o.asOf()).map(CharacteristicsResponse::of).orElse(null),
                    p.gridOwner().map(GridOwnerResponse::of).orElse(null),
                    properties,
                    p.deliveries().stream().filter(d -> !d.period().isEmpty())
                            .map(d -> DeliveryResponse.of(d, o.meteringPointIds())).toList());
        }).toList();
        return new CustomerOverviewResponse(CustomerResponse.of(o.customer()), o.asOf(),
                o.contracts().stream().map(c -> ContractResponse.of(c, customerNumber, o.meteringPointIds())).toList(),
                points);
    }
}
