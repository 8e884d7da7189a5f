package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What to do with a claim today, and with which numbers.
 *
 * @param reason why: for {@link Action#NOTHING} what stopped or what is awaited; otherwise {@link Reason#STEP_DUE}
 * @param amount the open amount the notice or hand-over claims (zero for nothing)
 * @param fee the fee to charge with this notice (zero when none)
 * @param feeRule why that fee: charged, or which rule or policy withheld it
 * @param deadline the payment deadline a purring or inkassovarsel gives; {@code null} otherwise
 * @param interest forsinkelsesrente from the day after the due date through today, to show on the notice
 * @param interestCharged whether the policy charges that interest (it is shown either way)
 * @param interestRateMissingFrom the first day of interest with no half-year rate entered: the interest is then
 *     {@code null} (not computed, never guessed) and the step goes on without it; {@code null} when every day has a rate
 */
public record DunningDecision(Action action, Reason reason, BigDecimal amount, BigDecimal fee, FeeRule feeRule, LocalDate deadline,
        BigDecimal interest, boolean interestCharged, LocalDate interestRateMissingFrom) {

    public enum Action { NOTHING, FRIENDLY_REMINDER, PURRING, INKASSOVARSEL, HAND_OVER }

    public enum Reason {
        STEP_DUE,
        /** In collection already: the agency has the claim. */
        IN_COLLECTION,
        PAID,
        CREDITED,
        /** The customer's balance is zero or in credit: nothing is owed, whatever the invoice says. */
        NOTHING_OWED,
        DISPUTED,
        PAYMENT_ARRANGEMENT,
        NOT_DUE,
        /** A notice already went out today (a restarted job does not send it twice). */
        ALREADY_SENT_TODAY,
        /** Waiting: the earliest day of the next step, or the last notice's deadline, has not passed. */
        WAITING
    }

    public enum FeeRule {
        CHARGED,
        /** The step carries no fee (nothing, friendly reminder, hand-over). */
        NOT_FEE_BEARING,
        NOT_BY_POLICY,
        /** Sent earlier than {@link StatutoryTerms#feeEarliestDaysAfterDue()} after the due date. */
        TOO_EARLY,
        /** The claim already has {@link StatutoryTerms#maxFeeBearingNotices()} fee-bearing notices. */
        LIMIT_REACHED,
        /** The previous notice gave less than {@link StatutoryTerms#minimumDeadlineDays()}, or its deadline has not lapsed. */
        PREVIOUS_DEADLINE
    }

    static DunningDecision nothing(Reason reason) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new DunningDecision(Action.NOTHING, reason, zero, zero, FeeRule.NOT_FEE_BEARING, null, zero, false, null);
    }

    public boolean acts() {
        return action != Action.NOTHING;
    }
}
