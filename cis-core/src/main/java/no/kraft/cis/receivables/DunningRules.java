package no.kraft.cis.receivables;

import java.util.List;
import java.util.Objects;

/**
 * The rules a dunning decision is taken under on one day: the statutory terms in force that day, the half-year
 * interest rates (all of them; only the days of interest are looked up) and the customer's policy.
 */
public record DunningRules(StatutoryTerms terms, List<LateInterestRate> rates, DunningPolicy policy) {

    public DunningRules {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(policy, "policy");
        rates = List.copyOf(rates);
    }
}
