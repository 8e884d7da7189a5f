package no.kraft.cis.elhub.metering;

import java.time.Instant;
import java.util.List;
import no.kraft.cis.metervalue.Estimate;

/**
 * One {@code NotifyValidatedDataForBillingEnergy} as read: its header and its time series.
 *
 * @param messageId the header's Identification (lowercase UUID): what a message seen twice is known by
 * @param process the BRS, e.g. {@code BRS-NO-313}
 */
public record ValidatedData(String messageId, String documentType, Instant created, String senderGln, String recipientGln,
        String process, List<Series> series) {

    /**
     * One {@code PayloadEnergyTimeSeries}: values in Wh (kWh × 1000), one quality code per value ({@code M}, {@code E},
     * {@code C}, {@code T}), estimation facts where Elhub gave them.
     *
     * @param number the series' place in the message (1-based), for error messages
     * @param direction {@code Out} (consumption, what we bill) or {@code In} (production)
     * @param profiled the {@code ProfiledObservation} (BRS-NO-312) a profiled point's series carries instead of
     *     observations, or {@code null}
     */
    public record Series(int number, String id, Instant registered, String requestReference, int resolutionMinutes, Instant start,
            Instant end, String product, String unit, String direction, String meteringPointId, int[] wh, char[] qualities,
            Estimate[] estimates, Profiled profiled) {

        /** Active energy (GS1 product 8716867000030) out of the grid, in kWh. */
        public boolean consumption() {
            return "8716867000030".equals(product) && "kWh".equals(unit) && "Out".equals(direction);
        }

        /** Consumption by interval: what we bill. */
        public boolean billableConsumption() {
            return profiled == null && consumption();
        }

        /** A profiled point's consumption for the period between two meter readings. */
        public boolean periodVolume() {
            return profiled != null && consumption();
        }
    }

    /**
     * A {@code ProfiledObservation}: the element's name is the status ({@code Metered}, {@code Estimated},
     * {@code Stipulated}, or {@code Withdrawn} with no volume), the kWh with up to three decimals, the meter-read reason
     * code, and the period's meter readings where Elhub gave them.
     */
    public record Profiled(String status, java.math.BigDecimal kwh, String readReason, java.math.BigDecimal meterReadingStart,
            java.math.BigDecimal meterReadingEnd) {
    }
}
