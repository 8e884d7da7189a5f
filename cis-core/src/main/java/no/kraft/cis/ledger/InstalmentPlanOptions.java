package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What instalment plan (avdragsordning) a customer may get today: the overdue amount that would be split (the overdue
 * invoices not in debt collection), the instalment counts on offer with what each instalment would be, and — when none
 * is on offer — the refusals, each a rule code and a sentence a customer can be told.
 *
 * @param firstDueDate the first instalment's due date unless another is agreed
 * @param latestFirstDueDate the latest first due date that may be agreed (from tomorrow)
 * @param choices empty when refused
 * @param refusals {@code plan.active}, {@code plan.recentDefault}, {@code plan.nothingOverdue}, {@code plan.inCollection},
 *     {@code plan.tooLarge}, {@code plan.tooSmall}, {@code plan.noRule}
 */
public record InstalmentPlanOptions(BigDecimal amount, List<Long> invoiceNumbers, LocalDate firstDueDate, LocalDate latestFirstDueDate,
        List<Choice> choices,
        List<ArrangementOption.Refusal> refusals) {

    public boolean available() {
        return refusals.isEmpty() && !choices.isEmpty();
    }

    /** N instalments: N − 1 of {@code instalment} and the last of {@code lastInstalment} (the øre left over). */
    public record Choice(int instalments, BigDecimal instalment, BigDecimal lastInstalment) {
    }
}
