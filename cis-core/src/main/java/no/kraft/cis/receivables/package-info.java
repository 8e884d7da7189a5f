/**
 * Receivables (kundefordringer). Two halves:
 *
 * <p>The rules of the dunning process — the statutory terms by date (inkassosats and the fees derived from it,
 * waiting periods, the limit of fee-bearing notices), the forsinkelsesrente per half-year, the dunning policy per
 * billing segment — and the pure calculations a nightly job calls: {@link
 * no.kraft.cis.receivables.LateInterest} and {@link no.kraft.cis.receivables.DunningSteps}. Reads and appends the dated
 * rows through {@link no.kraft.cis.receivables.ReceivablesRules}, {@link no.kraft.cis.receivables.CollectionTerms},
 * {@link no.kraft.cis.receivables.LateInterestRates} and {@link no.kraft.cis.receivables.DunningPolicies}.
 *
 * <p>The nightly job that carries the process out: {@link no.kraft.cis.receivables.DunningRun} (set-based, in chunks
 * of customers, idempotent through the unique dunning events), staff holds and the events through {@link
 * no.kraft.cis.receivables.Dunning}; the notices go out through the {@link no.kraft.cis.receivables.DunningNotices} port
 * (invoice-delivery), instalment plans pause a claim through the {@link no.kraft.cis.receivables.PaymentPlanCoverage}
 * port, fees become ledger charges ({@code ledger.LedgerCharges}).
 *
 * <p>The figures finance watches: DSO, paid on time and before any notice, aging of the open and overdue amounts,
 * the amount in debt collection, credit loss, the digital share of deliveries and the payment delay by channel, and
 * the due-date forecast of incoming payments. Computed from the invoices, credit notes and payments every time (no
 * counters that could drift): a few set-based queries ({@link Receivables}) feed a pure calculation ({@link
 * ReceivablesCalculator}). The delivery channel is {@code invoice.delivery_channel}, a column the invoice-delivery
 * adapter keeps from its own delivery rows (a trigger in its migrations). See cis-core's README, "Receivables
 * figures", for every formula.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "period", "rule", "audit"})
package no.kraft.cis.receivables;
