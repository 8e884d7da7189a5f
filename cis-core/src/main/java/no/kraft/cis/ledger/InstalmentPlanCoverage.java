package no.kraft.cis.ledger;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which invoices a running instalment plan covers — the question the dunning job asks before sending a notice or
 * handing an invoice over to debt collection (a covered invoice is neither dunned nor handed over), and the payment
 * import asks of a KID that is no invoice's. Only {@code ACTIVE} plans cover: once a plan has defaulted, been
 * cancelled or completed, its invoices are ordinary invoices again.
 */
@Component
public class InstalmentPlanCoverage {

    private final InstalmentPlans plans;

    InstalmentPlanCoverage(InstalmentPlans plans) {
        this.plans = plans;
    }

    /** Whether a running plan covers the invoice (its internal id). */
    public boolean coversInvoice(long invoiceId) {
        return !plans.underActivePlan(Set.of(invoiceId)).isEmpty();
    }

    /** The invoices (internal ids) among those given that a running plan covers — one query for a whole batch. */
    public Set<Long> invoicesUnderActivePlan(Collection<Long> invoiceIds) {
        return plans.underActivePlan(invoiceIds);
    }

    /** Where a payment with this KID belongs, when it is an instalment's KID. */
    public Optional<KidTarget> paymentTarget(String kid) {
        return plans.targetOf(kid);
    }

    /** A customer and the invoice (internal ids) a payment goes to. */
    public record KidTarget(long customerId, long invoiceId) {
    }
}
