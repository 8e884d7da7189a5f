/**
 * Invoicing (fakturering) as far as the rest of the core needs it today: the billing horizon per metering point and
 * the recalculation needs (omberegningsbehov) raised when supply, master data, meter values, segments, properties or
 * prices change inside an invoiced period, and the invoices and credit notes themselves.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period"})
package no.kraft.cis.invoice;
