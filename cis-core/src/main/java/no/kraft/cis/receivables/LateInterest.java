package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/**
 * Forsinkelsesrente (late-payment interest) on a claim, computed per day. Pure: rates and balance changes in, NOK out.
 *
 * <ul>
 *   <li><b>Which days.</b> The due date is the last day to pay without delay, so the first day of interest is the day
 *       after it; days up to and including {@code through} count (forsinkelsesrenteloven § 2: interest from the due
 *       date until payment; a claim due 1 March and paid 31 March bears 30 days).</li>
 *   <li><b>On what.</b> The open amount at the start of each day: the sum of the {@link BalanceChange}s dated before
 *       it. A day with nothing (or credit) open bears nothing — interest is never negative.</li>
 *   <li><b>At which rate.</b> The half-year rate in force on that day (§ 3): days from 1 July bear the second
 *       half-year's rate. A day with no rate entered refuses the calculation ({@link MissingInterestRateException}).</li>
 *   <li><b>Day count actual/365.</b> Each day is 1/365 of the annual rate, in leap years too (366 days of a leap year
 *       bear 366/365 of the rate). The act names no convention; actual/365 is what Norwegian interest calculators and
 *       collection agencies use, and a day is then worth the same in every year.</li>
 *   <li><b>Rounding.</b> Exact sums of amount × rate × days; one division and one rounding (half up, to øre) at the end.</li>
 * </ul>
 */
public final class LateInterest {

    /** Days in the year of the day count (actual/365). A convention of the calculation, not a rate. */
    public static final int DAYS_PER_YEAR = 365;

    private static final BigDecimal DIVISOR = BigDecimal.valueOf(100L * DAYS_PER_YEAR);

    private LateInterest() {
    }

    /** Interest on one unchanged amount from the day after {@code dueDate} through {@code through}. */
    public static BigDecimal on(BigDecimal amount, LocalDate dueDate, LocalDate through, List<LateInterestRate> rates) {
        return on(List.of(new BalanceChange(dueDate, amount)), dueDate, through, rates);
    }

    /**
     * Interest on an open amount that changes over time, from the day after {@code dueDate} through {@code through}
     * (zero when {@code through} is not after the due date).
     *
     * @param changes the invoice amount and what was paid or credited, each dated; in any order
     * @param rates the half-year rates; those covering the days of interest must be present
     * @throws MissingInterestRateException if a day of interest has no rate
     */
    public static BigDecimal on(List<BalanceChange> changes, LocalDate dueDate, LocalDate through, List<LateInterestRate> rates) {
        LocalDate first = dueDate.plusDays(1);
        LocalDate end = through.plusDays(1);
        if (!end.isAfter(first)) {
            return BigDecimal.ZERO.setScale(2);
        }
        // the days where the balance or the rate may change split [first, end) into runs of constant amount × rate
        TreeSet<LocalDate> cuts = new TreeSet<>(List.of(first, end));
        for (BalanceChange change : changes) {
            addInside(cuts, change.on().plusDays(1), first, end);
        }
        for (LateInterestRate rate : rates) {
            addInside(cuts, rate.halfYear().from(), first, end);
            addInside(cuts, rate.halfYear().to(), first, end);
        }
        BigDecimal sum = BigDecimal.ZERO;
        LocalDate from = null;
        for (LocalDate cut : cuts) {
            if (from != null) {
                BigDecimal balance = balanceOn(changes, from);
                BigDecimal rate = rateOn(rates, from);
                if (balance.signum() > 0) {
                    sum = sum.add(balance.multiply(rate).multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, cut))));
                }
            }
            from = cut;
        }
        return sum.divide(DIVISOR, 2, RoundingMode.HALF_UP);
    }

    private static void addInside(TreeSet<LocalDate> cuts, LocalDate day, LocalDate first, LocalDate end) {
        if (day.isAfter(first) && day.isBefore(end)) {
            cuts.add(day);
        }
    }

    private static BigDecimal balanceOn(List<BalanceChange> changes, LocalDate day) {
        return changes.stream().filter(c -> c.on().isBefore(day)).map(BalanceChange::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal rateOn(List<LateInterestRate> rates, LocalDate day) {
        return rates.stream().filter(r -> r.halfYear().contains(day)).map(LateInterestRate::ratePercent).findFirst()
                .orElseThrow(() -> new MissingInterestRateException(day));
    }
}
