/**
 * Meter values (måleverdier): consumption per metering point per interval, stored as one row per metering point and
 * Norwegian day, imported in bulk with {@code COPY}; corrections keep the old version and raise recalculation needs
 * for invoiced periods. See the migration {@code V2026_11_23_1200__meter_values.sql} and the module README for why.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period", "meteringpoint", "invoice"})
package no.kraft.cis.metervalue;
