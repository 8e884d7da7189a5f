package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.kraft.cis.meteringpoint.CompensationClass;

/**
 * One day of a settlement, for explaining a bill: consumption, the part inside the cap and its compensation (full
 * precision, NOK including VAT where due, and excluding VAT; positive to the customer), and the month-to-date consumption at the day's end.
 */
public record DayResult(LocalDate day, CompensationClass compensation, long actualWh, long coveredWh, BigDecimal amount,
        BigDecimal amountExVat, long monthToDateWh) {
}
