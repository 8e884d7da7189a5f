package no.kraft.cis.billing.settlement;

import java.time.YearMonth;
import java.util.ArrayList;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.period.Period;
import java.util.List;

/** A metering point's settlement for (a prefix of) one month: totals per scheme and the days. */
public record MonthResult(YearMonth month, long actualWh, SchemeTotal norgespris, SchemeTotal stromstotte, List<DayResult> days) {

    public MonthResult {
        days = List.copyOf(days);
    }

    /** The runs of consecutive days under the same Norgespris class (household or cabin), in order. */
    public List<Period> norgesprisPeriods() {
        List<Period> runs = new ArrayList<>();
        CompensationClass previous = null;
        for (DayResult day : days) {
            boolean norgespris = day.compensation() == CompensationClass.NORGESPRIS_HOUSEHOLD
                    || day.compensation() == CompensationClass.NORGESPRIS_HOLIDAY_HOME;
            if (!norgespris) {
                previous = day.compensation();
                continue;
            }
            Period last = runs.isEmpty() ? null : runs.getLast();
            // a household ↔ cabin change is a new run: the report's group, price code and cap differ
            if (last != null && last.to().equals(day.day()) && previous == day.compensation()) {
                runs.set(runs.size() - 1, new Period(last.from(), day.day().plusDays(1)));
            } else {
                runs.add(new Period(day.day(), day.day().plusDays(1)));
            }
            previous = day.compensation();
        }
        return runs;
    }

    /** {@link #norgesprisPeriods()} as stored: {@code from/to} ranges separated by commas; null when none. */
    public String norgesprisPeriodsText() {
        List<Period> runs = norgesprisPeriods();
        return runs.isEmpty() ? null : String.join(",", runs.stream().map(p -> p.from() + "/" + p.to()).toList());
    }
}
