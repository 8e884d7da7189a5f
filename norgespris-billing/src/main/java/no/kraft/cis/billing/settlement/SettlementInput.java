package no.kraft.cis.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;

/**
 * Assembles a month's days for {@link CompensationSettlement} from what is known of one metering point — the one place
 * the billing ({@link Settlements}) and the run's sweep ({@link MonthSweep}) both go through, so they cannot disagree.
 * Pure.
 */
final class SettlementInput {

    /**
     * A day's facts: the scheme (900; {@code null} when no 900 is in force), VAT exemption, price area, metering
     * resolution in minutes, dwelling units behind the meter, and whether the use is a household or holiday home
     * (end-user group 35/36) — where a missing 900 means the classification has not run, not "no scheme".
     */
    record DayFacts(CompensationClass compensation, boolean vatExempt, PriceArea area, int minutes, int dwellingUnits,
            boolean householdUse) {
    }

    /** The days, and how many days before the supply had no values and were counted as 0 kWh. */
    record Assembled(List<SettlementDay> days, int assumedZeroDays) {
    }

    /** Stands in for the rules on a day under no scheme: nothing on such a day reads them but the hour. */
    private static final CompensationRules NO_SCHEME = new CompensationRules(LocalDate.MIN, null, null, 0, 0,
            java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 0, java.math.BigDecimal.ZERO, true);

    private SettlementInput() {
    }

    /**
     * Whether the month needs settling: a day under a scheme, or a household day without 900 (which {@link #assemble}
     * then reports rather than settling it as "no scheme").
     */
    static boolean anyScheme(DayFacts[] facts) {
        for (DayFacts f : facts) {
            if (f != null && (f.compensation() == null ? f.householdUse() : f.compensation() != CompensationClass.NONE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param facts one entry per day of the month; {@code null} where the metering point has no master data
     * @param values the day's Wh per interval, or {@code null} when none are stored
     * @param spot the day's spot prices in an area, or {@code null} when none are stored
     * @throws MissingBillingData for a supplied day without meter values, a supplied household day without 900, a day
     *     under a scheme without spot prices or without a rule row covering it
     */
    static Assembled assemble(String meteringPointId, YearMonth month, DayFacts[] facts, Function<LocalDate, int[]> values,
            Predicate<LocalDate> supplied, LocalDate suppliedFrom, BiFunction<PriceArea, LocalDate, long[]> spot,
            List<CompensationRules> rules) {
        List<SettlementDay> days = new ArrayList<>(facts.length);
        int assumedZero = 0;
        for (int d = 0; d < facts.length; d++) {
            LocalDate day = month.atDay(d + 1);
            DayFacts fact = facts[d];
            int[] wh = values.apply(day);
            if (wh == null) {
                if (fact != null && supplied.test(day)) {
                    throw new MissingBillingData("no complete meter values for " + meteringPointId + " on " + day);
                }
                wh = new int[NorwegianTime.intervals(day, fact == null ? 60 : fact.minutes())];
                assumedZero += day.isBefore(suppliedFrom) ? 1 : 0;
            }
            CompensationClass c = fact == null ? CompensationClass.NONE : fact.compensation();
            if (c == null) {
                if (fact.householdUse() && supplied.test(day)) {
                    throw new MissingBillingData("no settled compensation (property 900) in force for " + meteringPointId + " on "
                            + day + ": run the compensation classification before billing");
                }
                c = CompensationClass.NONE;
            }
            CompensationRules r = CompensationRuleBook.on(rules, day).orElse(null);
            if (c != CompensationClass.NONE && (r == null || !r.settles(c))) {
                throw new MissingBillingData(CompensationRuleBook.missing(day, c));
            }
            if (r == null) {
                r = NO_SCHEME;   // a day under no scheme needs no rule
            }
            long[] prices = c == CompensationClass.NONE ? new long[wh.length] : spot.apply(fact.area(), day);
            if (prices == null) {
                throw new MissingBillingData("no spot prices for " + fact.area() + " on " + day);
            }
            days.add(new SettlementDay(day, wh, prices, c, fact != null && fact.vatExempt(), r,
                    fact == null ? 1 : fact.dwellingUnits()));
        }
        return new Assembled(days, assumedZero);
    }
}
