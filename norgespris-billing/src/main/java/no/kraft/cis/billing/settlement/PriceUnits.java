package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;

/**
 * Prices inside the settlement are exact integers in units of 10<sup>-8</sup> NOK/kWh: spot prices have at most six
 * decimals and the mean of four quarter-hours at most eight, so every step stays exact and fast. A price in these units
 * times Wh gives 10<sup>-11</sup> NOK.
 */
public final class PriceUnits {

    /** Decimal places of a price unit. */
    public static final int SCALE = 8;
    /** Decimal places of price × Wh: 8 + 3. */
    public static final int AMOUNT_SCALE = SCALE + 3;

    private PriceUnits() {
    }

    /** NOK/kWh → units; refuses more than eight decimals rather than rounding. */
    public static long of(BigDecimal nokPerKwh) {
        return nokPerKwh.setScale(SCALE).unscaledValue().longValueExact();
    }

    public static BigDecimal toNok(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }
}
