package no.kraft.cis.elhub.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.NotFoundException;

/**
 * What Elhub's word does to our deliveries: an end of supply (ours confirmed, or another's notified) ends every
 * delivery of ours to the point on that day; a rolled-back start withdraws the delivery that began on its date. The
 * billing run then bills to the end (the final invoice, sluttoppgjør), and a change inside an invoiced period raises a
 * recalculation need (cis-core does that for any changed delivery).
 */
public class Deliveries {

    private final ContractService contracts;
    private final MeteringPointService meteringPoints;

    public Deliveries(ContractService contracts, MeteringPointService meteringPoints) {
        this.contracts = contracts;
        this.meteringPoints = meteringPoints;
    }

    /** Whether the point's settlement method on {@code day} is profiled (Elhub's E01); an unknown point is not. */
    public boolean profiled(String meteringPointId, LocalDate day) {
        return find(meteringPointId).flatMap(mp -> mp.characteristicsAsOf(day)).map(v -> v.characteristics().profiled()).orElse(false);
    }

    /** Whether we supply the point on {@code day}. */
    public boolean supplied(String meteringPointId, LocalDate day) {
        return find(meteringPointId).map(mp -> !contracts.supplies(mp.id(), new Period(day, day.plusDays(1))).isEmpty()).orElse(false);
    }

    /**
     * Ends our deliveries to the point that run into {@code day} (the first day no longer ours); what was ended. A
     * delivery of ours starting on or after {@code day} is left and named: it needs a start of supply of its own.
     */
    public List<String> endOn(String meteringPointId, LocalDate day) {
        return endOn(meteringPointId, day, d -> { });
    }

    /** As {@link #endOn(String, LocalDate)}, telling {@code ended} each delivery ended and where it ended before. */
    public List<String> endOn(String meteringPointId, LocalDate day, java.util.function.Consumer<SupplyProcesses.EndedDelivery> each) {
        MeteringPoint mp = registered(meteringPointId);
        List<String> ended = new ArrayList<>();
        for (ContractService.Supply s : contracts.supplies(mp.id(), Period.from(day))) {
            if (s.period().from().isBefore(day)) {
                contracts.endDelivery(s.contractNumber(), s.deliveryId(), contracts.get(s.contractNumber()).version(), day);
                each.accept(new SupplyProcesses.EndedDelivery(s.contractNumber().value(), s.deliveryId(), s.period().to()));
                ended.add("contract " + s.contractNumber() + " delivery " + s.deliveryId() + " ended");
            } else {
                ended.add("contract " + s.contractNumber() + " delivery " + s.deliveryId() + " from " + s.period().from()
                        + " left as it is (it needs a start of supply of its own)");
            }
        }
        return ended;
    }

    /**
     * Takes back the end on {@code day} of each delivery an end of ours had ended (Elhub cancelled or rolled the end
     * back): each runs on as before. A delivery changed since (ended elsewhere, or its days taken by another delivery)
     * is left and named for staff in what is returned as not taken back.
     */
    public TakenBack takeBack(List<SupplyProcesses.EndedDelivery> ended, LocalDate day) {
        List<String> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (SupplyProcesses.EndedDelivery d : ended) {
            no.kraft.cis.contract.ContractNumber number = new no.kraft.cis.contract.ContractNumber(d.contractNumber());
            // not thrown when it can not be: an exception through the contract service would mark the transaction
            // that records Elhub's answer for rollback
            contracts.takeBackEnd(number, d.deliveryId(), day, d.previousEnd()).ifPresentOrElse(
                    why -> left.add("contract " + number + " delivery " + d.deliveryId() + ": " + why),
                    () -> done.add("contract " + number + " delivery " + d.deliveryId() + " runs on "
                            + (d.previousEnd() == null ? "(open-ended)" : "to " + d.previousEnd())));
        }
        return new TakenBack(done, left);
    }

    /** What taking back an end did: the deliveries that run on, and those left for staff (with why). */
    public record TakenBack(List<String> done, List<String> left) {
    }

    /** Withdraws our deliveries to the point that start on {@code day} (the start Elhub rolled back); what was withdrawn. */
    public List<String> withdrawFrom(String meteringPointId, LocalDate day) {
        MeteringPoint mp = registered(meteringPointId);
        List<String> withdrawn = new ArrayList<>();
        for (ContractService.Supply s : contracts.supplies(mp.id(), new Period(day, day.plusDays(1)))) {
            if (s.period().from().equals(day)) {
                contracts.withdrawDelivery(s.contractNumber(), s.deliveryId(), contracts.get(s.contractNumber()).version());
                withdrawn.add("contract " + s.contractNumber() + " delivery " + s.deliveryId());
            }
        }
        return withdrawn;
    }

    private MeteringPoint registered(String meteringPointId) {
        return find(meteringPointId).orElseThrow(() -> new InvalidMessage("meteringPoint.unknown",
                meteringPointId + " is not registered here"));
    }

    private Optional<MeteringPoint> find(String meteringPointId) {
        try {
            return Optional.of(meteringPoints.get(new MeteringPointId(meteringPointId)));
        } catch (NotFoundException | no.kraft.cis.rule.InvalidValueException unknown) {
            return Optional.empty();
        }
    }
}
