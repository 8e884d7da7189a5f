package no.kraft.cis.elhub.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.kraft.cis.metervalue.IntervalValues;
import no.kraft.cis.period.NorwegianTime;

/**
 * Cuts a series at Norwegian midnights (pure): Elhub's periods are instants with an offset and may span days, or part
 * of one; our meter values are stored per Norwegian day, interval 0 at midnight (a DST day has 23 or 25 hours).
 */
public final class DayCut {

    private DayCut() {
    }

    public static List<IntervalValues> cut(ValidatedData.Series s) {
        List<IntervalValues> days = new ArrayList<>();
        Duration step = Duration.ofMinutes(s.resolutionMinutes());
        int from = 0;
        Instant at = s.start();
        while (from < s.wh().length) {
            LocalDate day = NorwegianTime.dayOf(at);
            Instant midnight = day.atStartOfDay(NorwegianTime.ZONE).toInstant();
            Instant nextMidnight = day.plusDays(1).atStartOfDay(NorwegianTime.ZONE).toInstant();
            long offset = Duration.between(midnight, at).toMinutes();
            if (offset % s.resolutionMinutes() != 0) {
                throw new InvalidMessage("series.period", "series " + s.number() + " (" + s.meteringPointId() + ") starts at " + s.start()
                        + ", not on a " + s.resolutionMinutes() + "-minute boundary of the Norwegian day");
            }
            int inDay = (int) Math.min(s.wh().length - from, Duration.between(at, nextMidnight).toMinutes() / s.resolutionMinutes());
            int to = from + inDay;
            days.add(new IntervalValues(s.number(), s.meteringPointId(), day, s.resolutionMinutes(), (int) (offset / s.resolutionMinutes()),
                    Arrays.copyOfRange(s.wh(), from, to), Arrays.copyOfRange(s.qualities(), from, to),
                    Arrays.copyOfRange(s.estimates(), from, to), s.registered()));
            at = at.plus(step.multipliedBy(inDay));
            from = to;
        }
        return days;
    }
}
