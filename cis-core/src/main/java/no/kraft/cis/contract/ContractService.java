package no.kraft.cis.contract;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.IntFunction;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.tariff.ProductCatalogue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens contracts and manages their deliveries. One transaction per command: a rejected command changes nothing. */
@Service
@Transactional
public class ContractService {

    private final ContractRepository contracts;
    private final CustomerService customers;
    private final MeteringPointService meteringPoints;
    private final ProductCatalogue products;
    private final DeliveryOverlapRule overlapRule;
    private final EntityManager entityManager;
    private final RecalculationNeeds recalculation;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ContractService(ContractRepository contracts, CustomerService customers, MeteringPointService meteringPoints,
            ProductCatalogue products, DeliveryOverlapRule overlapRule, EntityManager entityManager, RecalculationNeeds recalculation,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.recalculation = recalculation;
        this.contracts = contracts;
        this.customers = customers;
        this.meteringPoints = meteringPoints;
        this.products = products;
        this.overlapRule = overlapRule;
        this.entityManager = entityManager;
    }

    public Contract open(NewContract command) {
        Customer customer = customers.find(command.customerNumber()).orElseThrow(() -> ValidationFailedException.of(
                "customerNumber", "customer.unknown", "customer " + command.customerNumber() + " does not exist"));
        List<MeteringPoint> points = resolve(command.deliveries(), i -> "deliveries[" + i + "].");
        Contract contract = Contract.open(new ContractNumber(contracts.nextContractNumber()), customer.id(), command.startDate());
        for (int i = 0; i < command.deliveries().size(); i++) {
            add(contract, points.get(i), command.deliveries().get(i), "deliveries[" + i + "].");
        }
        Contract saved = contracts.saveAndFlush(contract);
        saved.deliveries().forEach(d -> supplyChanged(saved, d.meteringPointId(), d.period(), "delivery from " + d.period().from()));
        return saved;
    }

    public Contract addDelivery(ContractNumber number, long expectedVersion, NewDelivery delivery) {
        Contract contract = forChange(number, expectedVersion);
        MeteringPoint point = resolve(List.of(delivery), i -> "").getFirst();
        add(contract, point, delivery, "");
        Contract saved = contracts.saveAndFlush(contract);
        supplyChanged(saved, point.id(), delivery.period(), "delivery added from " + delivery.period().from());
        return saved;
    }

    /** Tariff change (endring av produkt): the delivery ends on {@code day} and continues under {@code productCode}. */
    public Contract changeProduct(ContractNumber number, long deliveryId, long expectedVersion, LocalDate day, String productCode) {
        Contract contract = forChange(number, expectedVersion);
        requireKnownProduct(productCode, "productCode");
        Delivery next = contract.changeProduct(deliveryId, day, productCode);
        Contract saved = contracts.saveAndFlush(contract);
        supplyChanged(saved, next.meteringPointId(), next.period(), "product changed to " + productCode + " from " + day);
        return saved;
    }

    public Contract endDelivery(ContractNumber number, long deliveryId, long expectedVersion, LocalDate day) {
        Contract contract = forChange(number, expectedVersion);
        Delivery delivery = contract.delivery(deliveryId);
        LocalDate before = delivery.period().to();
        contract.endDelivery(deliveryId, day);
        Contract saved = contracts.saveAndFlush(contract);
        // the days between the old and the new end changed hands (usually: were supplied and are not any more)
        LocalDate from = before != null && before.isBefore(day) ? before : day;
        LocalDate to = before == null ? null : before.isAfter(day) ? before : day;
        if (to == null || from.isBefore(to)) {
            supplyChanged(saved, delivery.meteringPointId(), new Period(from, to), "delivery ended on " + day);
        }
        return saved;
    }

    /**
     * Takes back an end of a delivery that did not happen — Elhub cancelled (or rolled back) the end of supply it had
     * confirmed — so the delivery runs on as before: open-ended, or to {@code previousEnd}. Not when the delivery no
     * longer ends on {@code endedOn} or another delivery has the point on those days meanwhile: then nothing changes and
     * the answer says why (not thrown: the caller records Elhub's word either way). Days already invoiced as the final
     * settlement are recalculated by the next run.
     *
     * @return why the end could not be taken back, or empty when it was
     */
    public java.util.Optional<String> takeBackEnd(ContractNumber number, long deliveryId, LocalDate endedOn, LocalDate previousEnd) {
        Contract contract = contracts.findByContractNumber(number.value()).orElse(null);
        Delivery delivery = contract == null ? null : contract.findDelivery(deliveryId).orElse(null);
        if (delivery == null) {
            return java.util.Optional.of("the delivery is not on contract " + number + " any more");
        }
        if (!endedOn.equals(delivery.period().to())) {
            return java.util.Optional.of("it ends " + (delivery.period().to() == null ? "nowhere (open-ended)" : "on " + delivery.period().to())
                    + " now, so it no longer ends on " + endedOn);
        }
        Period regained = new Period(endedOn, previousEnd);
        MeteringPoint point = meteringPoints.findById(delivery.meteringPointId()).orElseThrow();
        java.util.Optional<String> inTheWay = overlapRule.inTheWay(point.id(), point.meteringPointId(), regained, deliveryId);
        if (inTheWay.isPresent()) {
            return inTheWay;
        }
        contract.takeBackEnd(deliveryId, endedOn, previousEnd);
        Contract saved = contracts.saveAndFlush(contract);
        supplyChanged(saved, delivery.meteringPointId(), regained, "end on " + endedOn + " taken back");
        return java.util.Optional.empty();
    }

    /**
     * Withdraws a delivery that should never have been (Elhub rolled the start of supply back, BRS-NO-111): it stays in
     * the history but is in force on no day ({@code [from, from)}). Any day of it already invoiced is recalculated
     * (credited) by the next run.
     */
    public Contract withdrawDelivery(ContractNumber number, long deliveryId, long expectedVersion) {
        Contract contract = forChange(number, expectedVersion);
        Delivery delivery = contract.delivery(deliveryId);
        Period was = delivery.period();
        no.kraft.cis.period.DatedHistory.supersede(delivery);
        Contract saved = contracts.saveAndFlush(contract);
        if (!was.isEmpty()) {
            supplyChanged(saved, delivery.meteringPointId(), was, "delivery from " + was.from() + " withdrawn");
        }
        return saved;
    }

    /** A supply change inside an invoiced period must be recalculated; one outside it needs nothing. */
    private void supplyChanged(Contract contract, long meteringPointId, Period days, String what) {
        recalculation.supplyChanged(meteringPointId, days, what + " (contract " + contract.number() + ")");
    }

    @Transactional(readOnly = true)
    public Contract get(ContractNumber number) {
        return contracts.findByContractNumber(number.value()).orElseThrow(() -> new NotFoundException("contract", number));
    }

    /**
     * Internal IDs of the metering points supplied on some day of {@code period} under {@code productCode}, or under any
     * product when it is {@code null}.
     */
    @Transactional(readOnly = true)
    public List<Long> meteringPointsSupplied(String productCode, Period period) {
        return contracts.meteringPointsSupplied(productCode, period.from(), period.to());
    }

    /** A delivery to one metering point with the contract it belongs to. */
    public record Supply(ContractNumber contractNumber, long deliveryId, String productCode, Period period) {
    }

    /** Every delivery to the metering point with internal ID {@code meteringPointId} overlapping {@code period}, oldest first. */
    @Transactional(readOnly = true)
    public List<Supply> supplies(long meteringPointId, Period period) {
        return contracts.supplying(meteringPointId).stream()
                .flatMap(c -> c.deliveries().stream()
                        .filter(d -> d.meteringPointId() == meteringPointId && d.period().overlaps(period))
                        .map(d -> new Supply(c.number(), d.id(), d.productCode(), d.period())))
                .sorted(java.util.Comparator.comparing((Supply s) -> s.period().from()))
                .toList();
    }

    /** The number of the contract with internal ID {@code contractId}. */
    @Transactional(readOnly = true)
    public ContractNumber numberOf(long contractId) {
        return contracts.findById(contractId).map(Contract::number).orElseThrow(() -> new NotFoundException("contract", contractId));
    }

    @Transactional(readOnly = true)
    public List<Contract> ofCustomer(long customerId) {
        return contracts.findByCustomerIdOrderByContractNumber(customerId);
    }

    /**
     * Every delivery of these customers as a plain value, in one read (the billing run's chunk): by contract number,
     * then start, then metering point — the order {@link #ofCustomer} and {@link Contract#deliveries()} give.
     */
    @Transactional(readOnly = true)
    public List<SupplyPeriod> supplyPeriods(java.util.Collection<Long> customerIds) {
        return jdbc.sql("""
                        select c.customer_id, c.id, d.id, d.metering_point_id, d.product_code, d.valid_from, d.valid_to
                        from contract c join delivery d on d.contract_id = c.id
                        where c.customer_id = any(:ids)
                        order by c.contract_number, d.metering_point_id, d.valid_from""")
                .param("ids", customerIds.toArray(Long[]::new))
                .query((rs, n) -> new SupplyPeriod(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        new no.kraft.cis.period.Period(rs.getObject(6, java.time.LocalDate.class),
                                rs.getObject(7, java.time.LocalDate.class))))
                .list();
    }

    /** @param field prefix of the request fields this delivery came from, e.g. {@code deliveries[1].} or empty */
    /** The GSRN of every metering point the contracts' deliveries refer to, by internal ID. */
    @Transactional(readOnly = true)
    public Map<Long, MeteringPointId> meteringPointIds(Collection<Contract> of) {
        List<Long> ids = of.stream().flatMap(c -> c.deliveries().stream()).map(Delivery::meteringPointId).distinct().toList();
        return meteringPoints.findAllById(ids).stream()
                .collect(Collectors.toMap(MeteringPoint::id, MeteringPoint::meteringPointId));
    }

    private void add(Contract contract, MeteringPoint point, NewDelivery delivery, String field) {
        for (Delivery existing : contract.deliveries()) {
            if (existing.meteringPointId() == point.id() && existing.period().overlaps(delivery.period())) {
                throw new ConflictException(field + "validFrom", "delivery.overlap", "metering point "
                        + delivery.meteringPointId() + " appears twice on this contract in overlapping periods "
                        + existing.period() + " and " + delivery.period());
            }
        }
        overlapRule.requireFree(point.id(), delivery.meteringPointId(), delivery.period(), null, field + "validFrom");
        contract.addDelivery(point.id(), delivery.productCode(), delivery.period(), field);
    }

    /** Looks up every delivery's metering point and product, reporting all unknown references at once. */
    private List<MeteringPoint> resolve(List<NewDelivery> deliveries, IntFunction<String> fieldPrefix) {
        FieldValidation check = new FieldValidation();
        List<MeteringPoint> points = new ArrayList<>();
        for (int i = 0; i < deliveries.size(); i++) {
            String field = fieldPrefix.apply(i);
            NewDelivery delivery = deliveries.get(i);
            points.add(meteringPoints.find(delivery.meteringPointId()).orElse(null));
            if (points.getLast() == null) {
                check.reject(field + "meteringPointId", "meteringPoint.unknown",
                        "metering point " + delivery.meteringPointId() + " is not registered");
            } else if (points.getLast().characteristicsOn(delivery.period().from()).isEmpty()) {
                // we cannot supply a metering point on a day it has no master data (price area, grid owner, VAT)
                check.reject(field + "validFrom", "delivery.beforeRegistration", "metering point " + delivery.meteringPointId()
                        + " has no registered master data on " + delivery.period().from());
            }
            if (products.find(delivery.productCode()).isEmpty()) {
                check.reject(field + "productCode", "product.unknown", "product " + delivery.productCode() + " does not exist");
            }
        }
        check.throwIfInvalid();
        return points;
    }

    private void requireKnownProduct(String productCode, String field) {
        if (products.find(productCode).isEmpty()) {
            throw ValidationFailedException.of(field, "product.unknown", "product " + productCode + " does not exist");
        }
    }

    private Contract forChange(ContractNumber number, long expectedVersion) {
        Contract contract = get(number);
        if (contract.version() != expectedVersion) {
            throw ConflictException.staleVersion("contract " + number, expectedVersion, contract.version());
        }
        entityManager.lock(contract, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return contract;
    }
}
