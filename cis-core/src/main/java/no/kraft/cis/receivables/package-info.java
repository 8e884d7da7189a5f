/**
 * Receivables (kundefordringer): the rules of the dunning process — the statutory terms by date (inkassosats and the
 * fees derived from it, waiting periods, the limit of fee-bearing notices), the forsinkelsesrente per half-year, the
 * dunning policy per billing segment — and the pure calculations a nightly job calls: {@link
 * no.kraft.cis.receivables.LateInterest} and {@link no.kraft.cis.receivables.DunningSteps}. Reads and appends the dated
 * rows through {@link no.kraft.cis.receivables.ReceivablesRules}, {@link no.kraft.cis.receivables.CollectionTerms},
 * {@link no.kraft.cis.receivables.LateInterestRates} and {@link no.kraft.cis.receivables.DunningPolicies}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period"})
package no.kraft.cis.receivables;
