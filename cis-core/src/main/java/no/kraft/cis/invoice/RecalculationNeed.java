package no.kraft.cis.invoice;

import java.time.Instant;
import no.kraft.cis.period.Period;

/**
 * A change that reached back into an already invoiced period of a metering point (omberegningsbehov): the next billing
 * run credits and re-invoices that period.
 */
public record RecalculationNeed(long id, long meteringPointId, Period period, Reason reason, String detail, Instant raisedAt,
        String raisedBy, Instant consumedAt) {

    /** What changed. */
    public enum Reason {
        METER_VALUES,
        SEGMENT,
        PROPERTY,
        PRICE
    }
}
