/**
 * The monthly Norgespris report to RME (the energy regulator): one CSV row per metering point and run of Norgespris
 * days, from the stored settlements, validated, archived with checksum and totals, versioned when the data changed.
 * Public surface: {@link no.kraft.cis.rme.RmeReports}.
 */
package no.kraft.cis.rme;
