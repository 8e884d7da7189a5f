/**
 * Meter values from Elhub (BRS-NO-313, {@code NotifyValidatedDataForBillingEnergy} on the PollMeteringValues queue):
 * the streaming reader, the cut into Norwegian days and the hand-over to cis-core's meter-value import.
 */
package no.kraft.cis.elhub.metering;
