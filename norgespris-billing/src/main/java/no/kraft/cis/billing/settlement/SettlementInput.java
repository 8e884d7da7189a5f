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

    /** A day's facts: the scheme (900), VAT exemption, price area and metering resolution in minutes. */
    record DayFacts(CompensationClass compensation, boolean vatExempt, PriceArea area, int minutes) {
    }

    /** The days, and how many days before the supply had no values and were counted as 0 kWh. */
    record Assembled(List<SettlementDay> days, int assumedZeroDays) {
    }

    private SettlementInput() {
    }

    /** Whether any day of the month is under a scheme while the rules exist. */
    static boolean anyScheme(DayFacts[] facts, YearMonth month, List<CompensationRules> rules) {
        for (int d = 0; d < facts.length; d++) {
            if (facts[d] != null && facts[d].compensation() != CompensationClass.NONE
                    && CompensationRuleBook.on(rules, month.atDay(d + 1)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param facts one entry per day of the month; {@code null} where the metering point has no master data
     * @param values the day's Wh per interval, or {@code null} when none are stored
     * @param spot the day's spot prices in an area, or {@code null} when none are stored
     * @throws MissingBillingData for a supplied day without meter values, or a day under a scheme without spot prices
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
                    throw new MissingBillingData("no meter values for " + meteringPointId + " on " + day);
                }
                wh = new int[NorwegianTime.intervals(day, fact == null ? 60 : fact.minutes())];
                assumedZero += day.isBefore(suppliedFrom) ? 1 : 0;
            }
            CompensationClass c = fact == null ? CompensationClass.NONE : fact.compensation();
            CompensationRules r = CompensationRuleBook.on(rules, day).orElse(null);
            if (r == null) {
                c = CompensationClass.NONE;   // before the schemes existed
                r = rules.getFirst();
            }
            long[] prices = c == CompensationClass.NONE ? new long[wh.length] : spot.apply(fact.area(), day);
            if (prices == null) {
                throw new MissingBillingData("no spot prices for " + fact.area() + " on " + day);
            }
            days.add(new SettlementDay(day, wh, prices, c, fact != null && fact.vatExempt(), r));
        }
        return new Assembled(days, assumedZero);
    }
}
