package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.kraft.cis.meteringpoint.CompensationClass;

/**
 * One day of a settlement, for explaining a bill: consumption, the part inside the cap and its compensation (full
 * precision, NOK including VAT where due, and excluding VAT; positive to the customer), the month-to-date consumption at
 * the day's end, and whether the day was settled per hour (the law's hour) or per quarter-hour.
 */
public record DayResult(LocalDate day, CompensationClass compensation, long actualWh, long coveredWh, BigDecimal amount,
        BigDecimal amountExVat, long monthToDateWh, boolean perHour) {

    /** {@code PT60M} or {@code PT15M}: the interval the cap and the price were applied to. */
    public String settledPer() {
        return perHour ? "PT60M" : "PT15M";
    }
}
