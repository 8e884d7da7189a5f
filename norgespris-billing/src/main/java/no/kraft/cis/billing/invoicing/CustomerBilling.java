package no.kraft.cis.billing.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.Delivery;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.invoice.NewInvoice;
import no.kraft.cis.invoice.NewInvoiceLine;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills one customer for one month in one transaction: first corrections (an invoiced month with open recalculation
 * needs is credited in full and invoiced anew), then the month itself unless it already has a standing invoice. So a
 * re-run bills nothing twice, and a crash leaves the customer either wholly billed or not at all.
 */
@Service
public class CustomerBilling {

    private final CustomerService customers;
    private final ContractService contracts;
    private final InvoiceLines lines;
    private final Invoices invoices;
    private final Clock clock;
    private final int paymentDays;

    CustomerBilling(CustomerService customers, ContractService contracts, InvoiceLines lines, Invoices invoices,
            Clock clock, @Value("${cis.billing.payment-days:14}") int paymentDays) {
        this.customers = customers;
        this.contracts = contracts;
        this.lines = lines;
        this.invoices = invoices;
        this.clock = clock;
        this.paymentDays = paymentDays;
    }

    /** What billing one customer did. */
    public record Outcome(int invoices, int creditNotes, BigDecimal total) {

        public boolean nothing() {
            return invoices == 0 && creditNotes == 0;
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome bill(long customerId, YearMonth month, Long runId) {
        Customer customer = customers.findById(customerId).orElseThrow();
        long customerNumber = customer.number().value();
        LocalDate today = NorwegianTime.today(clock);
        int issued = 0;
        int credited = 0;
        BigDecimal total = BigDecimal.ZERO;
        invoices.lockHorizons(meteringPoints(customerId));

        // 1. corrections: invoiced months that changed since they were computed (needs not yet handled for this customer)
        for (Invoice standing : invoices.needingCorrection(customerId)) {
            if (!standing.period().from().isBefore(month.plusMonths(1).atDay(1))) {
                continue;
            }
            // the slow part first: invoice numbers are taken (and their row lock held) only at the end
            YearMonth corrected = YearMonth.from(standing.period().from());
            List<NewInvoiceLine> recalculated = lines.forCustomer(customerId, corrected);
            Invoice credit = invoices.credit(standing.id(), customerNumber, today, runId);
            Invoice again = invoices.issue(new NewInvoice(customerId, customerNumber, standing.period(), today,
                    today.plusDays(paymentDays), recalculated, runId), standing.id());
            credited++;
            issued++;
            total = total.add(credit.totalAmount()).add(again.totalAmount());
        }

        // 2. the month itself
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        if (invoices.standing(customerId, period).isEmpty()) {
            List<NewInvoiceLine> monthLines = lines.forCustomer(customerId, month);
            if (!monthLines.isEmpty()) {
                Invoice invoice = invoices.issue(new NewInvoice(customerId, customerNumber, period, today, today.plusDays(paymentDays),
                        monthLines, runId), null);
                issued++;
                total = total.add(invoice.totalAmount());
            }
        }
        return new Outcome(issued, credited, total);
    }

    private Set<Long> meteringPoints(long customerId) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Contract contract : contracts.ofCustomer(customerId)) {
            contract.deliveries().stream().map(Delivery::meteringPointId).forEach(ids::add);
        }
        return ids;
    }

}
