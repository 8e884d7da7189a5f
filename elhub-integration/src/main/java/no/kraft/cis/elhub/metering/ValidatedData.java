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
     * @param profiled the series carries a {@code ProfiledObservation} (BRS-NO-312) instead of observations
     */
    public record Series(int number, String id, Instant registered, String requestReference, int resolutionMinutes, Instant start,
            Instant end, String product, String unit, String direction, String meteringPointId, int[] wh, char[] qualities,
            Estimate[] estimates, boolean profiled) {

        /** Active energy (GS1 product 8716867000030) out of the grid, in kWh: consumption we bill. */
        public boolean billableConsumption() {
            return !profiled && "8716867000030".equals(product) && "kWh".equals(unit) && "Out".equals(direction);
        }
    }
}
