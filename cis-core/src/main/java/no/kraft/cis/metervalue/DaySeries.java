package no.kraft.cis.metervalue;

import java.time.LocalDate;

/**
 * One metering point's values for one Norwegian day, as imported: {@code quantitiesWh[i]} is the consumption in the
 * i-th interval from midnight (kWh × 1000), {@code qualities.charAt(i)} its {@link Quality} code. A DST day has 92 or
 * 100 quarter-hours (23 or 25 hours).
 *
 * @param line the file line the series came from, for error messages
 */
public record DaySeries(int line, String meteringPointId, LocalDate day, int resolutionMinutes, int[] quantitiesWh, String qualities) {
}
