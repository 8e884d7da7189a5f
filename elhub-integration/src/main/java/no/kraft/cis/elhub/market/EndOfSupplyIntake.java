package no.kraft.cis.elhub.market;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.NotFoundException;

/**
 * Losing a customer: {@code NotifyEndOfSupply} (another supplier's switch, a move-out, a termination — the BRS says which)
 * ends our delivery to the metering point on {@code EndOfOccurrence} (the first day no longer ours: our periods are
 * half-open). The delivery then ends inside its month, so the billing run for that month bills it to the end date and
 * that invoice is the final settlement (sluttoppgjør); a change inside a period already invoiced raises a recalculation
 * need as any ended delivery does. A notice for a point we do not supply on that day changes nothing (seen again, or
 * ended already).
 */
public class EndOfSupplyIntake extends FieldsHandler {

    private final ContractService contracts;
    private final MeteringPointService meteringPoints;

    public EndOfSupplyIntake(ContractService contracts, MeteringPointService meteringPoints) {
        super("market", "NotifyEndOfSupply");
        this.contracts = contracts;
        this.meteringPoints = meteringPoints;
    }

    @Override
    public String apply(MessageFields m) {
        String point = meteringPoint(m);
        String end = m.first("EndOfOccurrence");
        if (point == null || end == null) {
            throw new InvalidMessage("notify.incomplete", "NotifyEndOfSupply without metering point or EndOfOccurrence");
        }
        LocalDate day = OffsetDateTime.parse(end).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
        MeteringPoint mp;
        try {
            mp = meteringPoints.get(new MeteringPointId(point));
        } catch (NotFoundException unknown) {
            throw new InvalidMessage("meteringPoint.unknown", "NotifyEndOfSupply for " + point + ", which is not registered here");
        }
        List<String> ended = new ArrayList<>();
        for (ContractService.Supply s : contracts.supplies(mp.id(), new Period(day, day.plusDays(1)))) {
            if (s.period().from().isBefore(day)) {
                long version = contracts.get(s.contractNumber()).version();
                contracts.endDelivery(s.contractNumber(), s.deliveryId(), version, day);
                ended.add("contract " + s.contractNumber() + " delivery " + s.deliveryId());
            }
        }
        String why = m.process() == null ? "" : " (" + m.process() + ")";
        if (ended.isEmpty()) {
            return "end of supply of " + point + " from " + day + why + ": no delivery of ours on that day, nothing to end";
        }
        return "end of supply of " + point + " from " + day + why + ": " + String.join(", ", ended) + " ended; the final invoice "
                + "(sluttoppgjør) comes with the billing run for " + day.minusDays(1).getYear() + "-"
                + String.format("%02d", day.minusDays(1).getMonthValue());
    }
}
