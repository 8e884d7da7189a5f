package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Who may get an instalment plan, as a dated row (table {@code instalment_plan_rule}, {@code [validFrom, validTo)}).
 *
 * @param maxInstalments the most monthly instalments a plan may have (at least 2)
 * @param minInstalmentAmount no instalment may be smaller (so a plan needs at least twice this overdue)
 * @param maxAmount the most a plan may cover; above it, customer service arranges it by hand
 * @param firstDueDays the first instalment falls due this many days after the plan is made, unless agreed otherwise
 * @param graceDays an instalment still unpaid this many days after its due date is missed: the plan defaults
 * @param defaultBlockMonths after a plan defaulted, no new plan for this many months
 * @param latestFirstDueDays an agreed first due date falls from tomorrow to at most this many days after the plan is made
 */
public record InstalmentPlanRule(long id, LocalDate validFrom, LocalDate validTo, int maxInstalments, BigDecimal minInstalmentAmount,
        BigDecimal maxAmount, int firstDueDays, int graceDays, int defaultBlockMonths,
        int latestFirstDueDays) {
}
