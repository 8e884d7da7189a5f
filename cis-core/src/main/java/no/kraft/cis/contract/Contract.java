package no.kraft.cis.contract;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditedEntity;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import no.kraft.cis.period.DatedHistory;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;

/**
 * A customer's contract (kontrakt) with the retailer. It holds the deliveries — one per metering point and product
 * period — so one customer can have the house and the cabin on one agreement and one invoice.
 */
@Entity
@Table(name = "contract")
public class Contract extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private long contractNumber;
    private long customerId;
    private LocalDate startDate;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "contract_id", nullable = false)
    private List<Delivery> deliveries = new ArrayList<>();

    protected Contract() {
    }

    static Contract open(ContractNumber number, long customerId, LocalDate startDate) {
        Contract contract = new Contract();
        contract.contractNumber = number.value();
        contract.customerId = customerId;
        contract.startDate = startDate;
        return contract;
    }

    /** Adds a delivery; the caller has checked it against other contracts' deliveries ({@link DeliveryOverlapRule}). */
    Delivery addDelivery(long meteringPointId, String productCode, Period period, String field) {
        if (period.from().isBefore(startDate)) {
            throw ValidationFailedException.of(field + "validFrom", "delivery.beforeContractStart",
                    "a delivery cannot start (" + period.from() + ") before its contract (" + startDate + ")");
        }
        Delivery delivery = new Delivery(meteringPointId, productCode, period);
        deliveries.add(delivery);
        return delivery;
    }

    /**
     * Tariff change: the delivery ends on {@code day} and a new one under {@code productCode} takes over from that day
     * for the rest of the old delivery's period.
     */
    Delivery changeProduct(long deliveryId, LocalDate day, String productCode) {
        Delivery current = delivery(deliveryId);
        Period period = current.period();
        if (!day.isAfter(period.from()) || !period.contains(day)) {
            throw ValidationFailedException.of("date", "delivery.changeOutsidePeriod",
                    "a product change must fall after the delivery's start and inside its period " + period);
        }
        if (current.productCode().equals(productCode)) {
            throw ValidationFailedException.of("productCode", "delivery.sameProduct", "the delivery is already on " + productCode);
        }
        Delivery next = new Delivery(current.meteringPointId(), productCode, new Period(day, period.to()));
        new DatedHistory<>(List.of(current), deliveries::add, "date").append(next);
        return next;
    }

    /** Ends supply (e.g. move-out) on {@code day}, exclusive. Ending on the day it already ends changes nothing. */
    void endDelivery(long deliveryId, LocalDate day) {
        Delivery current = delivery(deliveryId);
        if (!day.equals(current.period().to())) {
            DatedHistory.end(current, day, "endDate");
        }
    }

    /** Takes back the end on {@code endedOn} (it did not happen): the delivery runs to {@code previousEnd} again. */
    void takeBackEnd(long deliveryId, LocalDate endedOn, LocalDate previousEnd) {
        DatedHistory.takeBackEnd(delivery(deliveryId), endedOn, previousEnd, "endDate");
    }

    public Delivery delivery(long deliveryId) {
        return findDelivery(deliveryId)
                .orElseThrow(() -> new NotFoundException("delivery", deliveryId + " on contract " + contractNumber));
    }

    public Optional<Delivery> findDelivery(long deliveryId) {
        return deliveries.stream().filter(d -> d.id() != null && d.id() == deliveryId).findFirst();
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public ContractNumber number() {
        return new ContractNumber(contractNumber);
    }

    public long customerId() {
        return customerId;
    }

    public LocalDate startDate() {
        return startDate;
    }

    /** Deliveries ordered by metering point, then start. */
    public List<Delivery> deliveries() {
        return deliveries.stream()
                .sorted(Comparator.comparingLong(Delivery::meteringPointId).thenComparing(d -> d.period().from()))
                .toList();
    }

    @Override
    public String toString() {
        return "Contract[" + contractNumber + "]";
    }
}
