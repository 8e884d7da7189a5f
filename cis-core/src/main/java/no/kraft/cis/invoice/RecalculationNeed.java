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
        PRICE,
        /** A delivery started, ended or changed product inside the period (move-in, move-out, tariff change). */
        SUPPLY,
        /** The metering point's master data (price area, VAT exemption, end-user group, resolution, …). */
        MASTER_DATA
    }
}
