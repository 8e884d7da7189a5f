package no.kraft.cis.receivables;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import no.kraft.cis.ledger.InstalmentPlanCoverage;
import org.springframework.stereotype.Component;

/**
 * The {@link PaymentPlanCoverage} the dunning job asks: an invoice an active instalment plan (avdragsordning) covers is
 * paused. The ledger's plans know only their state now (active until the nightly check completes or defaults them),
 * so the day is not needed: a run for a past day sees today's plans.
 */
@Component
class InstalmentPlanPause implements PaymentPlanCoverage {

    private final InstalmentPlanCoverage plans;

    InstalmentPlanPause(InstalmentPlanCoverage plans) {
        this.plans = plans;
    }

    @Override
    public Set<Long> coveredInvoiceIds(Collection<Long> invoiceIds, LocalDate day) {
        return invoiceIds.isEmpty() ? Set.of() : plans.invoicesUnderActivePlan(invoiceIds);
    }
}
