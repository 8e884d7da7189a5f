package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A month's totals under one scheme.
 *
 * @param actualWh consumption on the days the scheme applied
 * @param coveredWh the part of it inside the monthly cap
 * @param exactNet the same excluding VAT
 * @param exactAmount the compensation in full precision, NOK including VAT where due; positive is paid to the customer,
 *     negative (spot below the Norgespris price) charged
 */
public record SchemeTotal(long actualWh, long coveredWh, BigDecimal exactAmount, BigDecimal exactNet) {

    public static final SchemeTotal NONE = new SchemeTotal(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    /** The amount as invoiced: the monthly total rounded to whole øre, half up — the only rounding in the settlement. */
    public BigDecimal amount() {
        return exactAmount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The amount excluding VAT, rounded the same way. */
    public BigDecimal net() {
        return exactNet.setScale(2, RoundingMode.HALF_UP);
    }

    SchemeTotal plus(DayResult day) {
        return new SchemeTotal(actualWh + day.actualWh(), coveredWh + day.coveredWh(), exactAmount.add(day.amount()),
                exactNet.add(day.amountExVat()));
    }
}
