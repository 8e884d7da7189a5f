package no.kraft.cis.metervalue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Values for a run of consecutive intervals of one metering point's Norwegian day, as a market message carries them
 * (Elhub's BRS-NO-313 series, cut at midnight): {@code wh[k]} is interval {@code firstIndex + k} from midnight, with
 * {@code qualities[k]} a {@link Quality} code and {@code estimates[k]} its estimation facts or {@code null}.
 *
 * @param series where the values came from (the series' number in its message), for error messages
 * @param registeredAt when the grid company registered the values: a later registration of an interval replaces an
 *     earlier one
 */
public record IntervalValues(int series, String meteringPointId, LocalDate day, int resolutionMinutes, int firstIndex, int[] wh,
        char[] qualities, Estimate[] estimates, Instant registeredAt) {

    public IntervalValues {
        if (wh.length != qualities.length || wh.length != estimates.length) {
            throw new IllegalArgumentException("one quality and one estimate slot per value");
        }
    }
}
