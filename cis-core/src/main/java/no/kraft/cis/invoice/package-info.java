/**
 * Invoicing (fakturering) as far as the rest of the core needs it today: the billing horizon per metering point and
 * the recalculation needs (omberegningsbehov) raised when meter values, segments, properties or prices change inside
 * an invoiced period. Invoices themselves come with the settlement work.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period"})
package no.kraft.cis.invoice;
