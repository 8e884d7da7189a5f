package no.kraft.cis.api.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.Delivery;
import no.kraft.cis.meteringpoint.MeteringPointId;

/** A contract with its deliveries as the API shows it. */
public record ContractResponse(
        long contractNumber,
        long customerNumber,
        LocalDate startDate,
        List<DeliveryResponse> deliveries,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** One delivery: metering point, product and half-open period. */
    public record DeliveryResponse(long id, String meteringPointId, String productCode, LocalDate validFrom,
            LocalDate validTo) {

        public static DeliveryResponse of(Delivery d, Map<Long, MeteringPointId> gsrn) {
            return new DeliveryResponse(d.id(), gsrn.get(d.meteringPointId()).value(), d.productCode(),
                    d.period().from(), d.period().to());
        }
    }

    public static ContractResponse of(Contract c, long customerNumber, Map<Long, MeteringPointId> gsrn) {
        return new ContractResponse(c.number().value(), customerNumber, c.startDate(),
                c.deliveries().stream().filter(d -> !d.period().isEmpty()).map(d -> DeliveryResponse.of(d, gsrn)).toList(),
                c.version(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy());
    }
}
