package no.kraft.cis.elhub.market;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.period.NorwegianTime;

/**
 * Losing a customer: {@code NotifyEndOfSupply} (another supplier's switch, a move-out, a termination — the BRS says which)
 * ends our delivery to the metering point on {@code EndOfOccurrence} (the first day no longer ours: our periods are
 * half-open). The delivery then ends inside its month, so the billing run for that month bills it to the end date and
 * that invoice is the final settlement (sluttoppgjør); a change inside a period already invoiced raises a recalculation
 * need as any ended delivery does. A notice for a point we do not supply on that day changes nothing (seen again, or
 * ended already).
 */
public class EndOfSupplyIntake extends FieldsHandler {

    private final Deliveries deliveries;

    public EndOfSupplyIntake(Deliveries deliveries) {
        super("market", "NotifyEndOfSupply");
        this.deliveries = deliveries;
    }

    @Override
    public String apply(MessageFields m) {
        String point = meteringPoint(m);
        String end = m.first("EndOfOccurrence");
        if (point == null || end == null) {
            throw new InvalidMessage("notify.incomplete", "NotifyEndOfSupply without metering point or EndOfOccurrence");
        }
        LocalDate day = OffsetDateTime.parse(end).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
        List<String> ended = deliveries.endOn(point, day);
        String why = m.process() == null ? "" : " (" + m.process() + ")";
        if (ended.isEmpty()) {
            return "end of supply of " + point + " from " + day + why + ": no delivery of ours on that day, nothing to end";
        }
        return "end of supply of " + point + " from " + day + why + ": " + String.join(", ", ended) + "; the final invoice "
                + "(sluttoppgjør) comes with the billing run for " + java.time.YearMonth.from(day.minusDays(1));
    }
}
