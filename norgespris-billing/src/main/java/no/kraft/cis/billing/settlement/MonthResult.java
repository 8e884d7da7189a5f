package no.kraft.cis.billing.settlement;

import java.time.YearMonth;
import java.util.List;

/** A metering point's settlement for (a prefix of) one month: totals per scheme and the days. */
public record MonthResult(YearMonth month, long actualWh, SchemeTotal norgespris, SchemeTotal stromstotte, List<DayResult> days) {

    public MonthResult {
        days = List.copyOf(days);
    }
}
