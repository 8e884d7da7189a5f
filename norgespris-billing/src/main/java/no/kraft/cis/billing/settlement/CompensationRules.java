package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The numbers of the Norgespris and strømstøtte schemes in force from a date. They change by regulation, so they are
 * dated data (table {@code compensation_rule}), never constants in code.
 *
 * @param norgesprisPrice Norgespris reference price, NOK/kWh excluding VAT (0.40 from 1 Oct 2025)
 * @param householdCapKwh monthly cap for households and housing cooperatives (5 000 kWh)
 * @param holidayHomeCapKwh monthly cap for cabins and holiday homes (1 000 kWh)
 * @param stromstotteThreshold strømstøtte threshold, NOK/kWh excluding VAT (0.75 in 2025)
 * @param stromstotteShare share of the price above the threshold that is paid (0.90)
 * @param stromstotteCapKwh monthly cap for strømstøtte (5 000 kWh)
 * @param vatRate VAT on electricity where it applies (0.25)
 * @param hourly whether 15-minute metered points are settled per hour (consumption summed, price the mean of the
 *     quarter-hours) instead of per quarter-hour
 */
public record CompensationRules(LocalDate validFrom, BigDecimal norgesprisPrice, long householdCapKwh, long holidayHomeCapKwh,
        BigDecimal stromstotteThreshold, BigDecimal stromstotteShare, long stromstotteCapKwh, BigDecimal vatRate, boolean hourly) {

    public CompensationRules {
        Objects.requireNonNull(validFrom);
        Objects.requireNonNull(norgesprisPrice);
        Objects.requireNonNull(stromstotteThreshold);
        Objects.requireNonNull(stromstotteShare);
        Objects.requireNonNull(vatRate);
        if (householdCapKwh < 0 || holidayHomeCapKwh < 0 || stromstotteCapKwh < 0) {
            throw new IllegalArgumentException("caps are not negative");
        }
    }

    /** The rules as published for 1 October 2025 (Prop. 148 L (2024–2025)); the seed of the rule table. */
    public static CompensationRules october2025() {
        return new CompensationRules(LocalDate.of(2025, 10, 1), new BigDecimal("0.40"), 5_000, 1_000, new BigDecimal("0.75"),
                new BigDecimal("0.90"), 5_000, new BigDecimal("0.25"), false);
    }
}
