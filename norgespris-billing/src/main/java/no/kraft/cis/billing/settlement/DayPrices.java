package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.kraft.cis.period.NorwegianTime;

/** Prices (spot or a price table) grouped by Norwegian day as arrays of price units, in time order. */
public final class DayPrices {

    private final Map<LocalDate, long[]> days;

    private DayPrices(Map<LocalDate, long[]> days) {
        this.days = days;
    }

    public static <T> DayPrices of(List<T> intervalsInOrder, Function<T, Instant> start, Function<T, BigDecimal> nokPerKwh) {
        Map<LocalDate, List<Long>> grouped = new HashMap<>();
        for (T interval : intervalsInOrder) {
            grouped.computeIfAbsent(NorwegianTime.dayOf(start.apply(interval)), d -> new ArrayList<>())
                    .add(PriceUnits.of(nokPerKwh.apply(interval)));
        }
        Map<LocalDate, long[]> days = new HashMap<>();
        grouped.forEach((day, list) -> days.put(day, list.stream().mapToLong(Long::longValue).toArray()));
        return new DayPrices(days);
    }

    /** The day's prices, or {@code null} if there are none. */
    public long[] on(LocalDate day) {
        return days.get(day);
    }

    /** The price for interval {@code i} of a day metered in {@code intervals} intervals (same, 4× finer or 4× coarser prices). */
    public static long priceFor(long[] prices, int intervals, int i) {
        if (prices.length == intervals) {
            return prices[i];
        }
        if (prices.length == intervals * 4) {
            long total = prices[4 * i] + prices[4 * i + 1] + prices[4 * i + 2] + prices[4 * i + 3];
            if (total % 4 != 0) {
                throw new ArithmeticException("the mean of four quarter-hour prices is not exact in price units");
            }
            return total / 4;
        }
        if (prices.length * 4 == intervals) {
            return prices[i / 4];
        }
        throw new IllegalArgumentException(prices.length + " prices do not fit " + intervals + " intervals");
    }
}
