package no.kraft.cis.metervalue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Merges values that arrive interval by interval into one stored day (pure). An interval takes an incoming value when
 * it has none yet ({@code '-'}) or when the incoming value was registered strictly later than the stored one (the same
 * value registered later only moves the registration time); values from our own import have no registration time,
 * and any registration replaces them. The outcome is the same whatever order the values arrive in. A day nothing
 * changes in gives {@link Optional#empty()}.
 */
final class DayMerge {

    static final char MISSING = Quality.MISSING.code();

    private DayMerge() {
    }

    /** A day as stored; {@code registered} is {@code null} for a day from our own import. */
    record Stored(int resolutionMinutes, int[] wh, String qualities, long[] registered, Map<Integer, Estimate> estimates) {
    }

    /** The day after the merge, whole: one value, quality and registration per interval. */
    record Merged(int resolutionMinutes, int[] wh, String qualities, long[] registered, Map<Integer, Estimate> estimates) {

        boolean complete() {
            return qualities.indexOf(MISSING) < 0;
        }
    }

    static Optional<Merged> merge(Stored stored, List<IntervalValues> parts) {
        IntervalValues first = parts.getFirst();
        int resolution = first.resolutionMinutes();
        int length = NorwegianTime.intervals(first.day(), resolution);
        if (stored != null && stored.resolutionMinutes() != resolution) {
            throw new InvalidValueException("meterValue.resolution", first.meteringPointId() + " " + first.day() + " is stored at "
                    + stored.resolutionMinutes() + " minutes, series " + first.series() + " has " + resolution);
        }
        int[] wh = stored == null ? new int[length] : stored.wh().clone();
        char[] qualities = new char[length];
        long[] registered = new long[length];
        if (stored == null) {
            Arrays.fill(qualities, MISSING);
            Arrays.fill(registered, Long.MIN_VALUE);
        } else {
            stored.qualities().getChars(0, length, qualities, 0);
            if (stored.registered() == null) {
                Arrays.fill(registered, Long.MIN_VALUE);
            } else {
                System.arraycopy(stored.registered(), 0, registered, 0, length);
            }
        }
        Map<Integer, Estimate> estimates = new TreeMap<>(stored == null ? Map.of() : stored.estimates());
        boolean changed = false;
        for (IntervalValues part : parts.stream().sorted(Comparator.comparing(IntervalValues::registeredAt)).toList()) {
            if (part.resolutionMinutes() != resolution) {
                throw new InvalidValueException("meterValue.resolution", part.meteringPointId() + " " + part.day()
                        + ": series " + part.series() + " has " + part.resolutionMinutes() + " minutes, series " + first.series()
                        + " " + resolution);
            }
            if (part.firstIndex() < 0 || part.firstIndex() + part.wh().length > length) {
                throw new InvalidValueException("meterValue.count", part.meteringPointId() + " " + part.day() + " has " + length
                        + " intervals; series " + part.series() + " reaches interval " + (part.firstIndex() + part.wh().length));
            }
            long at = part.registeredAt().getEpochSecond();
            for (int k = 0; k < part.wh().length; k++) {
                int i = part.firstIndex() + k;
                if (qualities[i] != MISSING && at <= registered[i]) {
                    continue;   // what we hold was registered as late or later
                }
                if (qualities[i] == part.qualities()[k] && wh[i] == part.wh()[k]
                        && java.util.Objects.equals(estimates.get(i), part.estimates()[k])) {
                    // the same value registered again, later: it keeps the latest registration that carried it, so the
                    // result does not depend on which of the two came first
                    registered[i] = at;
                    changed = true;
                    continue;
                }
                wh[i] = part.wh()[k];
                qualities[i] = part.qualities()[k];
                registered[i] = at;
                if (part.estimates()[k] == null) {
                    estimates.remove(i);
                } else {
                    estimates.put(i, part.estimates()[k]);
                }
                changed = true;
            }
        }
        if (!changed && stored != null) {
            return Optional.empty();
        }
        for (int i = 0; i < length; i++) {
            if (qualities[i] == MISSING) {
                wh[i] = 0;
                registered[i] = 0;
            } else if (registered[i] == Long.MIN_VALUE) {
                registered[i] = 0;   // from our own import, before any registration: kept as "unknown"
            }
        }
        return Optional.of(new Merged(resolution, wh, new String(qualities), registered, estimates));
    }
}
