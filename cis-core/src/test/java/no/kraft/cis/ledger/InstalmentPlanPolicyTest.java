package no.kraft.cis.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstalmentPlanPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    /** The seeded row: 6 instalments, each ≥ 200.00, at most 30 000.00, first due in 14 days, 14 days' grace, 12 months' block. */
    static final InstalmentPlanRule RULE = new InstalmentPlanRule(1, LocalDate.of(2000, 1, 1), null, 6, new BigDecimal("200.00"),
            new BigDecimal("30000.00"), 14, 14, 12, 30);

    static InstalmentPlanPolicy.Facts facts(String amount, int inCollection, Long activePlan, LocalDate lastDefault) {
        return new InstalmentPlanPolicy.Facts(TODAY, new BigDecimal(amount), List.of(100042L), inCollection, activePlan, lastDefault);
    }

    static List<String> rules(InstalmentPlanOptions o) {
        return o.refusals().stream().map(ArrangementOption.Refusal::rule).toList();
    }

    @Test
    void offersAsManyInstalmentsAsKeepEachAboveTheMinimum() {
        // 1 000.00: ÷2 500.00, ÷3 333.33, ÷4 250.00, ÷5 200.00, ÷6 166.66 < 200.00 → 2 to 5
        InstalmentPlanOptions o = InstalmentPlanPolicy.options(Optional.of(RULE), facts("1000.00", 0, null, null));
        assertThat(o.available()).isTrue();
        assertThat(o.firstDueDate()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(o.choices()).extracting(InstalmentPlanOptions.Choice::instalments).containsExactly(2, 3, 4, 5);
        assertThat(o.choices().get(1).instalment()).isEqualByComparingTo("333.33");
        assertThat(o.choices().get(1).lastInstalment()).isEqualByComparingTo("333.34");
    }

    @Test
    void eachRefusalNamesItsRuleAndAReasonForTheCustomer() {
        assertThat(rules(InstalmentPlanPolicy.options(Optional.of(RULE), facts("1000.00", 0, 7L, null)))).containsExactly("plan.active");
        // defaulted 1 June 2025: blocked until 1 June 2026
        InstalmentPlanOptions blocked = InstalmentPlanPolicy.options(Optional.of(RULE), facts("1000.00", 0, null, LocalDate.of(2025, 6, 1)));
        assertThat(rules(blocked)).containsExactly("plan.recentDefault");
        assertThat(blocked.refusals().getFirst().reason()).contains("2026-06-01");
        assertThat(blocked.choices()).isEmpty();
        // 13 months ago: allowed again
        assertThat(InstalmentPlanPolicy.options(Optional.of(RULE), facts("1000.00", 0, null, LocalDate.of(2025, 2, 15))).available()).isTrue();
        assertThat(rules(InstalmentPlanPolicy.options(Optional.of(RULE), facts("0.00", 0, null, null)))).containsExactly("plan.nothingOverdue");
        assertThat(rules(InstalmentPlanPolicy.options(Optional.of(RULE), facts("0.00", 2, null, null)))).containsExactly("plan.inCollection");
        assertThat(rules(InstalmentPlanPolicy.options(Optional.of(RULE), facts("30000.01", 0, null, null)))).containsExactly("plan.tooLarge");
        // 399.99 ÷ 2 = 199.99 < 200.00; 400.00 ÷ 2 = 200.00 is enough
        assertThat(rules(InstalmentPlanPolicy.options(Optional.of(RULE), facts("399.99", 0, null, null)))).containsExactly("plan.tooSmall");
        assertThat(InstalmentPlanPolicy.options(Optional.of(RULE), facts("400.00", 0, null, null)).choices())
                .extracting(InstalmentPlanOptions.Choice::instalments).containsExactly(2);
        assertThat(rules(InstalmentPlanPolicy.options(Optional.empty(), facts("1000.00", 0, null, null)))).containsExactly("plan.noRule");
    }

    @Test
    void paymentsSettleTheInstalmentsInOrderAndAMissedOneIsMissedAfterTheGraceDays() {
        List<InstalmentPlan.Instalment> plan = InstalmentSplit.of(new BigDecimal("1000.00"), 3, LocalDate.of(2026, 3, 29)).stream()
                .map(p -> new InstalmentPlan.Instalment(p.seq(), p.dueDate(), p.amount(), "k" + p.seq(), BigDecimal.ZERO,
                        InstalmentPlan.InstalmentStatus.OPEN))
                .toList();
        // 400.00 paid on 20 April: the first (333.33) paid, 66.67 on the second (due 29 April, not yet due)
        List<InstalmentPlan.Instalment> settled = InstalmentPlanPolicy.settle(plan, new BigDecimal("400.00"), LocalDate.of(2026, 4, 20), 14);
        assertThat(settled).extracting(InstalmentPlan.Instalment::status).containsExactly(InstalmentPlan.InstalmentStatus.PAID,
                InstalmentPlan.InstalmentStatus.PARTLY_PAID, InstalmentPlan.InstalmentStatus.OPEN);
        assertThat(settled.get(1).paid()).isEqualByComparingTo("66.67");
        // 13 May = due + 14: still only overdue; 14 May: missed
        assertThat(InstalmentPlanPolicy.settle(plan, new BigDecimal("400.00"), LocalDate.of(2026, 5, 13), 14).get(1).status())
                .isEqualTo(InstalmentPlan.InstalmentStatus.OVERDUE);
        assertThat(InstalmentPlanPolicy.settle(plan, new BigDecimal("400.00"), LocalDate.of(2026, 5, 14), 14).get(1).status())
                .isEqualTo(InstalmentPlan.InstalmentStatus.MISSED);
    }

    @Test
    void anInstalmentKidIsSixteenDigitsWithAValidCheckDigit() {
        // customer 1000001, plan 42, instalment 3: 1000001 000042 03 + MOD10
        String kid = InstalmentPlans.kid(1000001, 42, 3).value();
        assertThat(kid).hasSize(16).startsWith("100000100004203");
        assertThat(new no.kraft.cis.invoice.Kid(kid).value()).isEqualTo(kid);
    }

    @Test
    void anAgreedFirstDueDateFallsFromTomorrowToTheRulesLatest() {
        // 15 March + 30 days = 14 April; without a choice 15 March + 14 = 29 March
        assertThat(InstalmentPlanPolicy.firstDueDate(RULE, TODAY, null)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(InstalmentPlanPolicy.firstDueDate(RULE, TODAY, LocalDate.of(2026, 3, 16))).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(InstalmentPlanPolicy.firstDueDate(RULE, TODAY, LocalDate.of(2026, 4, 14))).isEqualTo(LocalDate.of(2026, 4, 14));
        for (LocalDate outside : List.of(TODAY, TODAY.minusDays(1), LocalDate.of(2026, 4, 15))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstalmentPlanPolicy.firstDueDate(RULE, TODAY, outside))
                    .isInstanceOf(no.kraft.cis.rule.ValidationFailedException.class).hasMessageContaining("plan.firstDueDate");
        }
        assertThat(InstalmentPlanPolicy.options(Optional.of(RULE), facts("1000.00", 0, null, null)).latestFirstDueDate())
                .isEqualTo(LocalDate.of(2026, 4, 14));
    }
}
