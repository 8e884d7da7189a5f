/**
 * Receivables (kundefordringer) as finance watches them: the figures of a period — DSO, paid on time and before any
 * notice, aging of the open and overdue amounts, the amount in debt collection, credit loss, the digital share of
 * deliveries and the payment delay by channel, and the due-date forecast of incoming payments. Computed from the
 * invoices, credit notes and payments every time (no counters that could drift): a few set-based queries
 * ({@link Receivables}) feed a pure calculation ({@link ReceivablesCalculator}). The delivery channel comes through
 * the {@link DeliveryChannels} port, which the invoice-delivery adapter implements. See cis-core's README,
 * "Receivables figures", for every formula.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "period", "rule"})
package no.kraft.cis.receivables;
