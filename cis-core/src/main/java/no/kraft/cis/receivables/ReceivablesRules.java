package no.kraft.cis.receivables;

import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything {@link DunningSteps} needs for one customer on one day, read from the dated rows in one call. */
@Service
@Transactional(readOnly = true)
public class ReceivablesRules {

    private final CollectionTerms terms;
    private final LateInterestRates rates;
    private final DunningPolicies policies;

    ReceivablesRules(CollectionTerms terms, LateInterestRates rates, DunningPolicies policies) {
        this.terms = terms;
        this.rates = rates;
        this.policies = policies;
    }

    /** The terms in force on {@code day}, all interest half-years, the policy of {@code segmentIds} on {@code day}. */
    public DunningRules on(LocalDate day, Collection<Integer> segmentIds) {
        return new DunningRules(terms.at(day), rates.history(), policies.forSegments(segmentIds, day));
    }
}
