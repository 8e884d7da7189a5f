package no.kraft.cis.metervalue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A profiled metering point's volume for a period between two meter readings (periodevolum, Elhub's BRS-NO-312
 * {@code ProfiledObservation}): kWh with three decimals, or none when the period is {@link Status#WITHDRAWN withdrawn}.
 *
 * @param readReason the meter-read reason code Elhub gives with a metered, estimated or stipulated volume
 * @param registeredAt when the grid company registered it: a later registration for the same period replaces it
 */
public record PeriodVolume(String meteringPointId, Instant start, Instant end, Status status, BigDecimal kwh, String readReason,
        BigDecimal meterReadingStart, BigDecimal meterReadingEnd, Instant registeredAt) {

    /** The element name Elhub gives the volume: how it was found. */
    public enum Status {
        METERED, ESTIMATED, STIPULATED, WITHDRAWN
    }

    public PeriodVolume {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period volume's end must be after its start");
        }
        if ((status == Status.WITHDRAWN) != (kwh == null)) {
            throw new IllegalArgumentException("a withdrawn period has no volume, any other has one");
        }
        kwh = kwh == null ? null : kwh.setScale(3, java.math.RoundingMode.UNNECESSARY);
    }
}
