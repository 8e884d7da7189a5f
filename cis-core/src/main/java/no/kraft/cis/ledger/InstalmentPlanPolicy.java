package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may get an instalment plan, and what it can be — pure: the rule row in force and the customer's facts in, the
 * options out. The rules, each refusal with its code:
 * <ul>
 * <li>{@code plan.active}: one plan at a time;</li>
 * <li>{@code plan.recentDefault}: not within {@code defaultBlockMonths} of a plan that defaulted;</li>
 * <li>{@code plan.nothingOverdue}: only what is overdue is split (what is not yet due is paid as usual);</li>
 * <li>{@code plan.inCollection}: invoices with the debt-collection agency are the agency's to arrange — when every
 * overdue invoice is there, there is nothing for us to split (those in collection are otherwise just left out);</li>
 * <li>{@code plan.tooLarge}: at most {@code maxAmount} in one plan;</li>
 * <li>{@code plan.tooSmall}: at least two instalments of {@code minInstalmentAmount};</li>
 * <li>{@code plan.noRule}: no rule row in force today.</li>
 * </ul>
 * On offer are 2 … {@code maxInstalments} instalments, as many as keep each one at least {@code minInstalmentAmount}.
 */
public final class InstalmentPlanPolicy {

    private InstalmentPlanPolicy() {
    }

    /**
     * @param eligibleAmount the open amount of the overdue invoices not in collection (after credit on account)
     * @param overdueInCollection how many overdue invoices are in debt collection
     * @param activePlanId the customer's running plan, or {@code null}
     * @param lastDefaultOn the day the customer's latest defaulted plan ended, or {@code null}
     */
    public record Facts(LocalDate today, BigDecimal eligibleAmount, List<Long> eligibleInvoiceNumbers, int overdueInCollection,
            Long activePlanId, LocalDate lastDefaultOn) {
    }

    public static InstalmentPlanOptions options(Optional<InstalmentPlanRule> ruleInForce, Facts f) {
        BigDecimal amount = f.eligibleAmount().setScale(2);
        if (ruleInForce.isEmpty()) {
            return new InstalmentPlanOptions(amount, f.eligibleInvoiceNumbers(), null, null, List.of(), List.of(new ArrangementOption.Refusal(
                    "plan.noRule", "instalment plans are not offered on " + f.today() + " (no rule in force)")));
        }
        InstalmentPlanRule rule = ruleInForce.get();
        LocalDate firstDue = f.today().plusDays(rule.firstDueDays());
        List<ArrangementOption.Refusal> refusals = new ArrayList<>();
        if (f.activePlanId() != null) {
            refusals.add(new ArrangementOption.Refusal("plan.active",
                    "you already have a payment plan (number " + f.activePlanId() + "); only one plan can run at a time"));
        }
        if (f.lastDefaultOn() != null && f.today().isBefore(f.lastDefaultOn().plusMonths(rule.defaultBlockMonths()))) {
            refusals.add(new ArrangementOption.Refusal("plan.recentDefault",
                    "a payment plan was broken on " + f.lastDefaultOn() + "; a new plan can be made from "
                            + f.lastDefaultOn().plusMonths(rule.defaultBlockMonths())));
        }
        if (amount.signum() <= 0) {
            if (f.overdueInCollection() > 0) {
                refusals.add(new ArrangementOption.Refusal("plan.inCollection",
                        "the overdue invoices are with the debt-collection agency; a payment plan for them is made with the agency"));
            } else {
                refusals.add(new ArrangementOption.Refusal("plan.nothingOverdue",
                        "nothing is overdue, so there is nothing to split into instalments"));
            }
        } else {
            if (amount.compareTo(rule.maxAmount()) > 0) {
                refusals.add(new ArrangementOption.Refusal("plan.tooLarge",
                        "the overdue amount of " + amount.toPlainString() + " kr is more than the " + rule.maxAmount().toPlainString()
                                + " kr a payment plan can cover; customer service can help with an arrangement"));
            }
            if (InstalmentSplit.ordinary(amount, 2).compareTo(rule.minInstalmentAmount()) < 0) {
                refusals.add(new ArrangementOption.Refusal("plan.tooSmall",
                        "the overdue amount of " + amount.toPlainString() + " kr is too small to split: each instalment must be at least "
                                + rule.minInstalmentAmount().toPlainString() + " kr"));
            }
        }
        List<InstalmentPlanOptions.Choice> choices = new ArrayList<>();
        if (refusals.isEmpty()) {
            for (int n = 2; n <= rule.maxInstalments(); n++) {
                BigDecimal each = InstalmentSplit.ordinary(amount, n);
                if (each.compareTo(rule.minInstalmentAmount()) < 0) {
                    break;
                }
                choices.add(new InstalmentPlanOptions.Choice(n, each, InstalmentSplit.of(amount, n, firstDue).getLast().amount()));
            }
        }
        return new InstalmentPlanOptions(amount, f.eligibleInvoiceNumbers(), firstDue, f.today().plusDays(rule.latestFirstDueDays()),
                List.copyOf(choices), List.copyOf(refusals));
    }

    /**
     * The first due date of a plan made {@code today}: the one agreed with the customer — from tomorrow to at most
     * {@code latestFirstDueDays} ahead — or, when none, {@code firstDueDays} ahead.
     *
     * @throws ValidationFailedException {@code plan.firstDueDate} (field {@code firstDueDate}) outside that range
     */
    public static LocalDate firstDueDate(InstalmentPlanRule rule, LocalDate today, LocalDate agreed) {
        if (agreed == null) {
            return today.plusDays(rule.firstDueDays());
        }
        LocalDate latest = today.plusDays(rule.latestFirstDueDays());
        if (!agreed.isAfter(today) || agreed.isAfter(latest)) {
            throw no.kraft.cis.rule.ValidationFailedException.of("firstDueDate", "plan.firstDueDate", "the first instalment can fall due from "
                    + today.plusDays(1) + " to " + latest + ", not " + agreed);
        }
        return agreed;
    }

    /**
     * Where each instalment stands after {@code paid} towards the plan, applied to the instalments in order.
     *
     * @param graceDays an instalment not paid in full this many days after its due date is {@code MISSED}
     */
    public static List<InstalmentPlan.Instalment> settle(List<InstalmentPlan.Instalment> instalments, BigDecimal paid, LocalDate today,
            int graceDays) {
        BigDecimal left = paid.max(BigDecimal.ZERO).setScale(2);
        List<InstalmentPlan.Instalment> settled = new ArrayList<>();
        for (InstalmentPlan.Instalment i : instalments) {
            BigDecimal onThis = left.min(i.amount());
            left = left.subtract(onThis);
            InstalmentPlan.InstalmentStatus status;
            if (onThis.compareTo(i.amount()) >= 0) {
                status = InstalmentPlan.InstalmentStatus.PAID;
            } else if (today.isAfter(i.dueDate().plusDays(graceDays))) {
                status = InstalmentPlan.InstalmentStatus.MISSED;
            } else if (today.isAfter(i.dueDate())) {
                status = InstalmentPlan.InstalmentStatus.OVERDUE;
            } else {
                status = onThis.signum() > 0 ? InstalmentPlan.InstalmentStatus.PARTLY_PAID : InstalmentPlan.InstalmentStatus.OPEN;
            }
            settled.add(new InstalmentPlan.Instalment(i.seq(), i.dueDate(), i.amount(), i.kid(), onThis, status));
        }
        return List.copyOf(settled);
    }
}
