package no.kraft.cis.customerview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.Delivery;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.CharacteristicsVersion;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.meteringpoint.PropertyValue;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@link CustomerOverview} in one read-only transaction. */
@Service
@Transactional(readOnly = true)
public class CustomerOverviewQuery {

    private final CustomerService customers;
    private final ContractService contracts;
    private final MeteringPointService meteringPoints;
    private final Clock clock;

    CustomerOverviewQuery(CustomerService customers, ContractService contracts, MeteringPointService meteringPoints, Clock clock) {
        this.customers = customers;
        this.contracts = contracts;
        this.meteringPoints = meteringPoints;
        this.clock = clock;
    }

    public CustomerOverview overview(CustomerNumber number) {
        LocalDate today = NorwegianTime.today(clock);
        Customer customer = customers.get(number);
        List<Contract> customerContracts = contracts.ofCustomer(customer.id());
        List<Delivery> deliveries = customerContracts.stream().flatMap(c -> c.deliveries().stream()).toList();
        List<Long> pointIds = deliveries.stream().map(Delivery::meteringPointId).distinct().toList();
        List<MeteringPoint> points = meteringPoints.findAllById(pointIds);
        List<CustomerOverview.MeteringPointSnapshot> snapshots = points.stream()
                .sorted(Comparator.comparing(p -> p.meteringPointId().value()))
                .map(point -> snapshot(point, today, deliveries))
                .toList();
        // the identifiers of the points just loaded, rather than loading them a second time
        Map<Long, MeteringPointId> ids = points.stream().collect(Collectors.toMap(MeteringPoint::id, MeteringPoint::meteringPointId));
        return new CustomerOverview(customer, today, customerContracts, ids, snapshots);
    }

    private CustomerOverview.MeteringPointSnapshot snapshot(MeteringPoint point, LocalDate day, List<Delivery> deliveries) {
        Optional<Characteristics> characteristics = point.characteristicsAsOf(day).map(CharacteristicsVersion::characteristics);
        Map<PropertyCode, PropertyValue> properties = new EnumMap<>(PropertyCode.class);
        for (PropertyCode code : PropertyCode.values()) {
            point.propertyOn(code, day).ifPresent(value -> properties.put(code, value));
        }
        return new CustomerOverview.MeteringPointSnapshot(point, characteristics,
                characteristics.flatMap(c -> meteringPoints.gridOwner(c.gridOwner())), properties,
                deliveries.stream().filter(d -> d.meteringPointId() == point.id()).toList());
    }
}
