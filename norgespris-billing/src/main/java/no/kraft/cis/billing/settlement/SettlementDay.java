package no.kraft.cis.billing.settlement;

import java.time.LocalDate;
import java.util.Objects;
import no.kraft.cis.meteringpoint.CompensationClass;

/**
 * What the settlement needs of one Norwegian day of one metering point.
 *
 * @param wh consumption per interval from midnight at the metering resolution, in Wh (kWh with three decimals)
 * @param spot spot price per interval from midnight at the market resolution, NOK/kWh excluding VAT in units of
 *     10<sup>-8</sup> ({@link PriceUnits}); same interval count as {@code wh}, four times as many (hourly metering with
 *     quarter-hour prices) or a quarter as many (quarter-hour metering with hourly prices)
 * @param compensation the scheme in force on the day (property 900)
 * @param vatExempt whether the metering point is VAT-exempt on the day
 * @param dwellingUnits dwelling units behind the meter (boenheter; a housing cooperative's common meter has several):
 *     the strømstøtte cap is per dwelling unit
 */
public record SettlementDay(LocalDate day, int[] wh, long[] spot, CompensationClass compensation, boolean vatExempt,
        CompensationRules rules, int dwellingUnits) {

    /** One dwelling unit. */
    public SettlementDay(LocalDate day, int[] wh, long[] spot, CompensationClass compensation, boolean vatExempt,
            CompensationRules rules) {
        this(day, wh, spot, compensation, vatExempt, rules, 1);
    }

    public SettlementDay {
        Objects.requireNonNull(day);
        Objects.requireNonNull(wh);
        Objects.requireNonNull(spot);
        Objects.requireNonNull(compensation);
        Objects.requireNonNull(rules);
        if (dwellingUnits < 1) {
            throw new IllegalArgumentException(day + ": at least one dwelling unit");
        }
        boolean aligned = wh.length == spot.length || wh.length * 4 == spot.length || wh.length == spot.length * 4;
        if (!aligned || wh.length == 0) {
            throw new IllegalArgumentException(day + ": " + wh.length + " consumption intervals do not fit " + spot.length + " prices");
        }
    }
}
