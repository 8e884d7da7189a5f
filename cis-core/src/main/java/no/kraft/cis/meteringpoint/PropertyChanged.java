package no.kraft.cis.meteringpoint;

/**
 * Published (synchronously, inside the changing transaction) whenever a metering point's property gets a new value or
 * ends, so modules that derive from properties — compensation segments from 900 — follow in the same transaction.
 */
public record PropertyChanged(long meteringPointId, MeteringPointId meteringPoint, PropertyCode code) {
}
