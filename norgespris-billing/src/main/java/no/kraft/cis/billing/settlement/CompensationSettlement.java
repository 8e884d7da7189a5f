package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.meteringpoint.CompensationClass;

/**
 * Settles Norgespris and strømstøtte for one metering point and month, hour by hour (the law's hour; per quarter-hour
 * only where the dated rules say so). Pure: no I/O, no clock.
 *
 * <ul>
 *   <li>Consumption is accumulated from the 1st of the month over <em>every</em> interval, in time order, whatever the
 *       scheme of the day — so a Norgespris agreement starting after the cap was used gets nothing that month.</li>
 *   <li>An interval on a day under a scheme is covered up to the scheme's cap (household 5 000, cabin 1 000, strømstøtte
 *       5 000 kWh per dwelling unit); the hour that crosses it is split (the covered part at that hour's price).</li>
 *   <li>Norgespris: (spot − Norgespris price) × covered kWh; negative when spot is below (the customer pays).
 *       Strømstøtte: share × max(0, spot − threshold) × covered kWh. Both × (1 + VAT) unless VAT-exempt.</li>
 *   <li>Exact integer arithmetic per interval (price units × Wh); amounts are rounded once, on the monthly total.</li>
 * </ul>
 */
public final class CompensationSettlement {

    private CompensationSettlement() {
    }

    /**
     * @param days consecutive days starting on the 1st of one month (all of it, or the part settled so far)
     * @throws IllegalArgumentException if the days are not consecutive from the 1st, or a consumption is negative
     */
    public static MonthResult settle(List<SettlementDay> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("nothing to settle");
        }
        YearMonth month = YearMonth.from(days.getFirst().day());
        if (days.getFirst().day().getDayOfMonth() != 1) {
            throw new IllegalArgumentException("the cap is counted from the 1st; settlement must start on " + month.atDay(1));
        }
        long monthToDate = 0;
        SchemeTotal norgespris = SchemeTotal.NONE;
        SchemeTotal stromstotte = SchemeTotal.NONE;
        List<DayResult> results = new ArrayList<>(days.size());
        for (int d = 0; d < days.size(); d++) {
            SettlementDay day = days.get(d);
            if (!day.day().equals(month.atDay(d + 1))) {
                throw new IllegalArgumentException("expected " + month.atDay(d + 1) + ", got " + day.day());
            }
            DayResult result = settleDay(day, monthToDate, null);
            monthToDate = result.monthToDateWh();
            results.add(result);
            switch (day.compensation()) {
                case NORGESPRIS_HOUSEHOLD, NORGESPRIS_HOLIDAY_HOME ->
                        norgespris = norgespris.plus(result);
                case STROMSTOTTE -> stromstotte = stromstotte.plus(result);
                case NONE -> { }
            }
        }
        return new MonthResult(month, monthToDate, norgespris, stromstotte, results);
    }

    /**
     * One interval of a settled day, for the cost explainer: its consumption, its price (NOK/kWh excl. VAT, in price
     * units), the part inside the cap, the month-to-date consumption at its end, and its compensation (full precision, NOK
     * incl. VAT where due; the day's amount is exactly the sum of its intervals').
     */
    public record Interval(int index, long wh, long priceUnits, long coveredWh, long monthToDateWh, BigDecimal amount) {
    }

    /**
     * Why a day came to what it did: the month settled again up to that day, the day with its intervals.
     *
     * @param capWh the scheme's monthly cap (0 without a scheme); {@code referenceUnits} the Norgespris price or the
     *     strømstøtte threshold, NOK/kWh excl. VAT in price units
     */
    public record DayExplanation(DayResult day, long capWh, long referenceUnits, long monthToDateBeforeWh, List<Interval> intervals) {
    }

    /** @throws IllegalArgumentException as {@link #settle}, or when {@code target} is not one of the days */
    public static DayExplanation explain(List<SettlementDay> days, java.time.LocalDate target) {
        long monthToDate = 0;
        for (SettlementDay day : days) {
            if (day.day().equals(target)) {
                List<Interval> intervals = new ArrayList<>();
                DayResult result = settleDay(day, monthToDate, intervals::add);
                return new DayExplanation(result, capWh(day), reference(day), monthToDate, List.copyOf(intervals));
            }
            monthToDate = settleDay(day, monthToDate, null).monthToDateWh();
        }
        throw new IllegalArgumentException(target + " is not among the settled days");
    }

    private static long capWh(SettlementDay day) {
        CompensationRules rules = day.rules();
        return switch (day.compensation()) {
            case NORGESPRIS_HOUSEHOLD -> rules.householdCapKwh() * 1000;
            case NORGESPRIS_HOLIDAY_HOME -> rules.holidayHomeCapKwh() * 1000;
            case STROMSTOTTE -> rules.stromstotteCapKwh() * 1000 * day.dwellingUnits();
            case NONE -> 0;
        };
    }

    private static long reference(SettlementDay day) {
        CompensationRules rules = day.rules();
        return switch (day.compensation()) {
            case NORGESPRIS_HOUSEHOLD, NORGESPRIS_HOLIDAY_HOME -> PriceUnits.of(rules.norgespris().orElseThrow(
                    () -> new IllegalArgumentException(day.day() + ": the rules from " + rules.validFrom() + " have no Norgespris")));
            case STROMSTOTTE -> PriceUnits.of(rules.stromstotteThreshold());
            case NONE -> 0;
        };
    }

    private static DayResult settleDay(SettlementDay day, long monthToDateBefore, java.util.function.Consumer<Interval> explained) {
        CompensationRules rules = day.rules();
        int[] wh = day.wh();
        long[] spot = day.spot();
        for (int i = 0; i < wh.length; i++) {
            if (wh[i] < 0) {
                throw new IllegalArgumentException(day.day() + ": negative consumption in interval " + i);
            }
        }
        // The law's hour: a quarter-hour metered day (92/96/100 intervals) is settled per hour — its four quarter-hours'
        // consumption summed, the price the mean of its quarter-hour prices (or the hourly price before 1 Oct 2025) —
        // unless the rules in force settle per quarter-hour. An hourly metered day is always settled per hour.
        boolean quarterMetered = wh.length > 25;
        boolean perHour = rules.hourly() || !quarterMetered;
        int intervals = quarterMetered && perHour ? wh.length / 4 : wh.length;

        CompensationClass scheme = day.compensation();
        long capWh = capWh(day);
        long reference = reference(day);
        boolean norgespris = scheme == CompensationClass.NORGESPRIS_HOUSEHOLD || scheme == CompensationClass.NORGESPRIS_HOLIDAY_HOME;

        long accumulated = monthToDateBefore;
        long actual = 0;
        long covered = 0;
        long sum = 0;   // price units × Wh = 1e-11 NOK, excluding VAT
        for (int i = 0; i < intervals; i++) {
            long consumption;
            long price;
            if (quarterMetered && perHour) {
                consumption = (long) wh[4 * i] + wh[4 * i + 1] + wh[4 * i + 2] + wh[4 * i + 3];
                price = spot.length == wh.length ? mean4(spot, 4 * i) : spot[i];
            } else if (quarterMetered) {
                consumption = wh[i];
                price = spot.length == wh.length ? spot[i] : spot[i / 4];
            } else {
                consumption = wh[i];
                price = spot.length == wh.length ? spot[i] : mean4(spot, 4 * i);
            }
            long inCap = scheme == CompensationClass.NONE ? 0 : Math.max(0, Math.min(consumption, capWh - accumulated));
            accumulated += consumption;
            actual += consumption;
            long units = 0;
            if (inCap > 0) {
                covered += inCap;
                long perKwh = norgespris ? price - reference : Math.max(0, price - reference);
                units = Math.multiplyExact(perKwh, inCap);
                sum = Math.addExact(sum, units);
            }
            if (explained != null) {
                explained.accept(new Interval(i, consumption, price, inCap, accumulated, withShareAndVat(units, day, scheme)));
            }
        }
        BigDecimal exVat = BigDecimal.valueOf(sum, PriceUnits.AMOUNT_SCALE);
        if (scheme == CompensationClass.STROMSTOTTE) {
            exVat = exVat.multiply(rules.stromstotteShare());
        }
        return new DayResult(day.day(), scheme, actual, covered, withShareAndVat(sum, day, scheme), exVat, accumulated, perHour);
    }

    /** Price units × Wh as NOK: × the strømstøtte share, × (1 + VAT) unless VAT-exempt. Linear, so intervals sum to the day. */
    private static BigDecimal withShareAndVat(long units, SettlementDay day, CompensationClass scheme) {
        BigDecimal amount = BigDecimal.valueOf(units, PriceUnits.AMOUNT_SCALE);
        if (scheme == CompensationClass.STROMSTOTTE) {
            amount = amount.multiply(day.rules().stromstotteShare());
        }
        if (!day.vatExempt() && units != 0) {
            amount = amount.multiply(BigDecimal.ONE.add(day.rules().vatRate()));
        }
        return amount;
    }

    private static long mean4(long[] spot, int from) {
        long total = spot[from] + spot[from + 1] + spot[from + 2] + spot[from + 3];
        if (total % 4 != 0) {
            throw new ArithmeticException("the mean of four quarter-hour prices is not exact in price units");
        }
        return total / 4;
    }
}
