package no.kraft.cis.metervalue;

import java.math.BigDecimal;
import java.time.Instant;

/** Consumption in one interval {@code [start, end)}: kWh with three decimals and its quality. */
public record MeterValue(Instant start, Instant end, BigDecimal kwh, Quality quality) {
}
