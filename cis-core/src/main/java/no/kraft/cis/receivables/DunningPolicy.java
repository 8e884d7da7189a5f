package no.kraft.cis.receivables;

import java.util.Collection;

/**
 * How the customers of a segment are dunned — the creditor's choices inside the law.
 *
 * @param friendlyReminder an e-mail/SMS reminder on the due date, without fee
 * @param chargeFee charge the statutory purregebyr / inkassovarsel fee where the law allows one
 * @param chargeInterest charge the forsinkelsesrente; it is computed and shown either way
 */
public record DunningPolicy(boolean friendlyReminder, boolean chargeFee, boolean chargeInterest) {

    /**
     * The policy for a customer whose deliveries are in several segments with a policy: each choice in the customer's
     * favour — a reminder if any segment sends one, a fee or interest only if every segment charges it.
     */
    public static DunningPolicy mildestOf(Collection<DunningPolicy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy");
        }
        return new DunningPolicy(policies.stream().anyMatch(DunningPolicy::friendlyReminder),
                policies.stream().allMatch(DunningPolicy::chargeFee), policies.stream().allMatch(DunningPolicy::chargeInterest));
    }
}
