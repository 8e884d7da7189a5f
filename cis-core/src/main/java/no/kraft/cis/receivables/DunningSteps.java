package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.WorkingDays;
import no.kraft.cis.receivables.DunningDecision.Action;
import no.kraft.cis.receivables.DunningDecision.FeeRule;
import no.kraft.cis.receivables.DunningDecision.Reason;

/**
 * The next step of the dunning process for one claim on one day — friendly reminder → purring → inkassovarsel →
 * hand-over to collection — as a pure function of the claim, the rules and the day. A nightly job calls it for each
 * open invoice and carries out what it says; calling it again the same day after the step was recorded answers
 * {@code NOTHING} ({@link Reason#ALREADY_SENT_TODAY}), so a restarted job does no step twice.
 *
 * <ol>
 *   <li>Nothing while the claim is in collection, paid, credited, owed by a customer whose balance is zero or in
 *       credit, disputed, under a payment arrangement, or not yet due.</li>
 *   <li>{@code FRIENDLY_REMINDER} from the due date (the job's run on the due date; a missed run catches up until the
 *       purring is due), once, if the policy sends one; no fee, no deadline.</li>
 *   <li>{@code PURRING} at the earliest {@link StatutoryTerms#feeEarliestDaysAfterDue()} (14) days after the due date,
 *       with a deadline at least {@link StatutoryTerms#minimumDeadlineDays()} (14) days out.</li>
 *   <li>{@code INKASSOVARSEL} (inkassoloven § 9) the day after the purring's deadline lapsed unpaid, again with at least
 *       14 days.</li>
 *   <li>{@code HAND_OVER} to collection the day after the inkassovarsel's deadline lapsed unpaid.</li>
 * </ol>
 * A notice carries the reminder fee (1/20 of the inkassosats in force on the day it is sent) only when the policy
 * charges fees and the law allows it: sent at least 14 days after the due date, fewer than
 * {@link StatutoryTerms#maxFeeBearingNotices()} fee-bearing notices so far (two purringer, or a purring and an
 * inkassovarsel, before a betalingsoppfordring), and the previous notice gave at least 14 days which have lapsed
 * (inkassoforskriften §§ 1-2, 1-3). A notice whose fee the law refuses still goes out, without the fee.
 */
public final class DunningSteps {

    private DunningSteps() {
    }

    /** Today's step, today taken from {@code clock} in Norwegian time. */
    public static DunningDecision decide(DunningCase claim, DunningRules rules, Clock clock) {
        return decide(claim, rules, NorwegianTime.today(clock));
    }

    /**
     * Today's step for {@code claim}.
     *
     * @throws IllegalArgumentException if the terms are not those in force today, or a notice is dated after today
     * A day of interest with no rate entered does not stop the step: its decision has no interest and names the day
     * ({@link DunningDecision#interestRateMissingFrom()}).
     */
    public static DunningDecision decide(DunningCase claim, DunningRules rules, LocalDate today) {
        StatutoryTerms terms = rules.terms();
        if (!terms.validity().contains(today)) {
            throw new IllegalArgumentException("the terms of " + terms.validity() + " are not in force on " + today);
        }
        if (claim.notices().stream().anyMatch(n -> n.sentOn().isAfter(today))) {
            throw new IllegalArgumentException("a notice is dated after today " + today);
        }
        Optional<Reason> stop = stopped(claim, today);
        if (stop.isPresent()) {
            return DunningDecision.nothing(stop.get());
        }
        Optional<SentNotice> lastFormal = claim.notices().stream().filter(n -> n.kind() != NoticeKind.FRIENDLY_REMINDER)
                .reduce((first, second) -> second);
        if (lastFormal.isEmpty()) {
            if (!today.isBefore(claim.dueDate().plusDays(terms.feeEarliestDaysAfterDue()))) {
                return notice(Action.PURRING, claim, rules, today);
            }
            boolean reminded = claim.notices().stream().anyMatch(n -> n.kind() == NoticeKind.FRIENDLY_REMINDER);
            if (rules.policy().friendlyReminder() && !reminded) {
                return step(Action.FRIENDLY_REMINDER, claim, rules, today, BigDecimal.ZERO.setScale(2), FeeRule.NOT_FEE_BEARING, null);
            }
            return DunningDecision.nothing(Reason.WAITING);
        }
        SentNotice last = lastFormal.get();
        if (!today.isAfter(last.deadline())) {
            return DunningDecision.nothing(Reason.WAITING);
        }
        if (last.kind() == NoticeKind.INKASSOVARSEL) {
            return step(Action.HAND_OVER, claim, rules, today, BigDecimal.ZERO.setScale(2), FeeRule.NOT_FEE_BEARING, null);
        }
        return notice(Action.INKASSOVARSEL, claim, rules, today);
    }

    private static Optional<Reason> stopped(DunningCase claim, LocalDate today) {
        StoppingFacts stops = claim.stops();
        if (stops.inCollection()) {
            return Optional.of(Reason.IN_COLLECTION);
        }
        if (claim.openAmount().signum() <= 0) {
            return Optional.of(stops.credited() ? Reason.CREDITED : Reason.PAID);
        }
        if (claim.customerBalance().signum() <= 0) {
            return Optional.of(Reason.NOTHING_OWED);
        }
        if (stops.disputed()) {
            return Optional.of(Reason.DISPUTED);
        }
        if (stops.paymentArrangement()) {
            return Optional.of(Reason.PAYMENT_ARRANGEMENT);
        }
        if (today.isBefore(claim.dueDate())) {
            return Optional.of(Reason.NOT_DUE);
        }
        if (claim.notices().stream().anyMatch(n -> n.sentOn().equals(today))) {
            return Optional.of(Reason.ALREADY_SENT_TODAY);
        }
        return Optional.empty();
    }

    private static DunningDecision notice(Action action, DunningCase claim, DunningRules rules, LocalDate today) {
        StatutoryTerms terms = rules.terms();
        FeeRule feeRule = feeRule(claim, rules, today);
        BigDecimal fee = feeRule == FeeRule.CHARGED ? terms.reminderFee() : BigDecimal.ZERO.setScale(2);
        return step(action, claim, rules, today, fee, feeRule, deadline(today, terms));
    }

    private static DunningDecision step(Action action, DunningCase claim, DunningRules rules, LocalDate today, BigDecimal fee,
            FeeRule feeRule, LocalDate deadline) {
        try {
            BigDecimal interest = LateInterest.on(claim.balanceChanges(), claim.dueDate(), today, rules.rates());
            return new DunningDecision(action, Reason.STEP_DUE, claim.openAmount(), fee, feeRule, deadline, interest,
                    rules.policy().chargeInterest(), null);
        } catch (MissingInterestRateException missing) {
            // the step is still due; the notice shows no interest (and says why) rather than guess a rate
            return new DunningDecision(action, Reason.STEP_DUE, claim.openAmount(), fee, feeRule, deadline, null,
                    rules.policy().chargeInterest(), missing.day());
        }
    }

    static FeeRule feeRule(DunningCase claim, DunningRules rules, LocalDate today) {
        StatutoryTerms terms = rules.terms();
        if (!rules.policy().chargeFee()) {
            return FeeRule.NOT_BY_POLICY;
        }
        if (today.isBefore(claim.dueDate().plusDays(terms.feeEarliestDaysAfterDue()))) {
            return FeeRule.TOO_EARLY;
        }
        List<SentNotice> formal = claim.notices().stream().filter(n -> n.kind() != NoticeKind.FRIENDLY_REMINDER).toList();
        if (formal.stream().filter(SentNotice::feeBearing).count() >= terms.maxFeeBearingNotices()) {
            return FeeRule.LIMIT_REACHED;
        }
        if (!formal.isEmpty()) {
            SentNotice previous = formal.getLast();
            boolean gaveEnough = ChronoUnit.DAYS.between(previous.sentOn(), previous.deadline()) >= terms.minimumDeadlineDays();
            if (!gaveEnough || !today.isAfter(previous.deadline())) {
                return FeeRule.PREVIOUS_DEADLINE;
            }
        }
        return FeeRule.CHARGED;
    }

    /**
     * At least the statutory days after sending; a deadline on a Saturday, Sunday or public holiday moves to the next
     * working day, since a bank payment cannot be made on it (it only ever lengthens the deadline).
     */
    static LocalDate deadline(LocalDate sentOn, StatutoryTerms terms) {
        LocalDate day = sentOn.plusDays(terms.minimumDeadlineDays());
        while (!WorkingDays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
