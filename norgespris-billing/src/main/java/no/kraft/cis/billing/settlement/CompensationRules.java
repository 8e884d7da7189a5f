package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.period.Period;

/**
 * The numbers of the Norgespris and strømstøtte schemes in force for a period. They change by regulation, so they are
 * dated data (table {@code compensation_rule}, {@code valid_from} inclusive, {@code valid_to} exclusive), never
 * constants in code; a day no row covers cannot be settled.
 *
 * @param validTo exclusive end, {@code null} while open-ended
 * @param norgesprisPrice Norgespris reference price, NOK/kWh excluding VAT (0.40 from 1 Oct 2025 to 31 Dec 2026);
 *     {@code null} in a period without Norgespris
 * @param householdCapKwh monthly cap for households and housing cooperatives (5 000 kWh)
 * @param holidayHomeCapKwh monthly cap for cabins and holiday homes (1 000 kWh)
 * @param stromstotteThreshold strømstøtte threshold, NOK/kWh excluding VAT (0.75 in 2025, 0.77 from 2026)
 * @param stromstotteShare share of the price above the threshold that is paid (0.90)
 * @param stromstotteCapKwh monthly cap for strømstøtte per dwelling unit (5 000 kWh)
 * @param vatRate VAT on electricity where it applies (0.25)
 * @param hourly whether settlement is per hour — the law's hour (consumption summed over the hour's quarter-hours, the
 *     price the mean of its quarter-hour prices) — rather than per quarter-hour for 15-minute metered points
 */
public record CompensationRules(LocalDate validFrom, LocalDate validTo, BigDecimal norgesprisPrice, long householdCapKwh,
        long holidayHomeCapKwh, BigDecimal stromstotteThreshold, BigDecimal stromstotteShare, long stromstotteCapKwh,
        BigDecimal vatRate, boolean hourly) {

    public CompensationRules {
        Objects.requireNonNull(validFrom);
        Objects.requireNonNull(stromstotteThreshold);
        Objects.requireNonNull(stromstotteShare);
        Objects.requireNonNull(vatRate);
        if (householdCapKwh < 0 || holidayHomeCapKwh < 0 || stromstotteCapKwh < 0) {
            throw new IllegalArgumentException("caps are not negative");
        }
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("valid_to must be after valid_from");
        }
    }

    public Period period() {
        return new Period(validFrom, validTo);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    /** Whether these rules settle {@code scheme} at all (Norgespris only where a reference price is set). */
    public boolean settles(CompensationClass scheme) {
        return switch (scheme) {
            case NORGESPRIS_HOUSEHOLD, NORGESPRIS_HOLIDAY_HOME -> norgesprisPrice != null;
            case STROMSTOTTE, NONE -> true;
        };
    }

    public Optional<BigDecimal> norgespris() {
        return Optional.ofNullable(norgesprisPrice);
    }

    /** These rules, settling 15-minute points per quarter-hour instead of per hour (a switch for a future regulation). */
    public CompensationRules perQuarterHour() {
        return new CompensationRules(validFrom, validTo, norgesprisPrice, householdCapKwh, holidayHomeCapKwh, stromstotteThreshold,
                stromstotteShare, stromstotteCapKwh, vatRate, false);
    }

    /** The rules for 1 October to 31 December 2025 (Prop. 148 L (2024–2025)), as seeded in the rule table. */
    public static CompensationRules october2025() {
        return new CompensationRules(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1), new BigDecimal("0.40"), 5_000, 1_000,
                new BigDecimal("0.75"), new BigDecimal("0.90"), 5_000, new BigDecimal("0.25"), true);
    }

    /** The rules for 2026: Norgespris 0.40, strømstøtte above 0.77 NOK/kWh excluding VAT, as seeded in the rule table. */
    public static CompensationRules year2026() {
        return new CompensationRules(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), new BigDecimal("0.40"), 5_000, 1_000,
                new BigDecimal("0.77"), new BigDecimal("0.90"), 5_000, new BigDecimal("0.25"), true);
    }
}
