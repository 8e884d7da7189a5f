package no.kraft.cis.metervalue;

import java.time.LocalDate;

/**
 * One metering point's values for one Norwegian day, as imported: {@code quantitiesWh[i]} is the consumption in the
 * i-th interval from midnight (kWh × 1000), {@code qualities.charAt(i)} its {@link Quality} code. A DST day has 92 or
 * 100 quarter-hours (23 or 25 hours).
 *
 * @param line the file line (or message series) the values came from, for error messages
 * @param registeredAt per interval, when the grid company registered the value (epoch seconds, 0 = unknown), or
 *     {@code null} for values from our own import
 * @param estimates the estimation facts of estimated and temporary values as stored (JSON by interval index), or
 *     {@code null}
 */
public record DaySeries(int line, String meteringPointId, LocalDate day, int resolutionMinutes, int[] quantitiesWh, String qualities,
        long[] registeredAt, String estimates) {

    /** Values from our own import: no registration times, no estimation facts. */
    public DaySeries(int line, String meteringPointId, LocalDate day, int resolutionMinutes, int[] quantitiesWh, String qualities) {
        this(line, meteringPointId, day, resolutionMinutes, quantitiesWh, qualities, null, null);
    }
}
