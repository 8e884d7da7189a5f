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
            DayResult result = settleDay(day, monthToDate);
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

    private static DayResult settleDay(SettlementDay day, long monthToDateBefore) {
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
        long capWh = switch (scheme) {
            case NORGESPRIS_HOUSEHOLD -> rules.householdCapKwh() * 1000;
            case NORGESPRIS_HOLIDAY_HOME -> rules.holidayHomeCapKwh() * 1000;
            case STROMSTOTTE -> rules.stromstotteCapKwh() * 1000 * day.dwellingUnits();
            case NONE -> 0;
        };
        long reference = switch (scheme) {
            case NORGESPRIS_HOUSEHOLD, NORGESPRIS_HOLIDAY_HOME -> PriceUnits.of(rules.norgespris().orElseThrow(
                    () -> new IllegalArgumentException(day.day() + ": the rules from " + rules.validFrom() + " have no Norgespris")));
            case STROMSTOTTE -> PriceUnits.of(rules.stromstotteThreshold());
            case NONE -> 0;
        };
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
            if (inCap > 0) {
                covered += inCap;
                long perKwh = norgespris ? price - reference : Math.max(0, price - reference);
                sum = Math.addExact(sum, Math.multiplyExact(perKwh, inCap));
            }
        }
        BigDecimal amount = BigDecimal.valueOf(sum, PriceUnits.AMOUNT_SCALE);
        if (scheme == CompensationClass.STROMSTOTTE) {
            amount = amount.multiply(rules.stromstotteShare());
        }
        BigDecimal exVat = amount;
        if (!day.vatExempt() && sum != 0) {
            amount = amount.multiply(BigDecimal.ONE.add(rules.vatRate()));
        }
        return new DayResult(day.day(), scheme, actual, covered, amount, exVat, accumulated, perHour);
    }

    private static long mean4(long[] spot, int from) {
        long total = spot[from] + spot[from + 1] + spot[from + 2] + spot[from + 3];
        if (total % 4 != 0) {
            throw new ArithmeticException("the mean of four quarter-hour prices is not exact in price units");
        }
        return total / 4;
    }
}
