package no.kraft.cis.billing.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import no.kraft.cis.billing.settlement.MissingBillingData;
import no.kraft.cis.billing.settlement.MonthPrices;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.Delivery;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.invoice.NewInvoice;
import no.kraft.cis.invoice.NewInvoiceLine;
import no.kraft.cis.invoice.PaymentTerms;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills one customer in one transaction. For every month that needs it — the run's month, and every earlier month a
 * recalculation need of this customer reaches — it computes what should have been billed ({@link InvoiceLines}, from
 * today's data) and compares it with what was billed (the standing invoice's lines):
 * <ul>
 *   <li>the same: nothing is issued, the needs are recorded as handled;</li>
 *   <li>different: the standing invoice is credited in full and, if anything is left to bill, invoiced anew;</li>
 *   <li>never invoiced (a back-dated move-in or new delivery): the month is invoiced.</li>
 * </ul>
 * So every kind of change is corrected by the one comparison, a re-run bills nothing twice, and a crash leaves the
 * customer either wholly billed or not at all.
 */
@Service
public class CustomerBilling {

    private final CustomerService customers;
    private final ContractService contracts;
    private final InvoiceLines lines;
    private final Invoices invoices;
    private final RecalculationNeeds needs;
    private final MonthPrices monthPrices;
    private final Clock clock;
    private final PaymentTerms terms;

    CustomerBilling(CustomerService customers, ContractService contracts, InvoiceLines lines, Invoices invoices,
            RecalculationNeeds needs, MonthPrices monthPrices, Clock clock, PaymentTerms terms) {
        this.customers = customers;
        this.contracts = contracts;
        this.lines = lines;
        this.invoices = invoices;
        this.needs = needs;
        this.monthPrices = monthPrices;
        this.clock = clock;
        this.terms = terms;
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
        // horizons first: a change committed before this point is a need read below; one after it waits for this commit
        invoices.lockHorizons(meteringPoints(customerId));
        MonthPrices.Snapshot prices = monthPrices.current();   // after the lock: what a fresh read would see

        TreeMap<YearMonth, Set<Long>> months = new TreeMap<>();
        months.put(month, new LinkedHashSet<>());
        for (RecalculationNeeds.CustomerNeed need : needs.unhandled(customerId)) {
            for (YearMonth m = YearMonth.from(need.days().from()); !m.isAfter(month) && m.atDay(1).isBefore(need.days().to());
                    m = m.plusMonths(1)) {
                months.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(need.needId());
            }
        }

        int issued = 0;
        int credited = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (var entry : months.entrySet()) {
            YearMonth m = entry.getKey();
            Set<Long> reached = entry.getValue();
            Period period = new Period(m.atDay(1), m.plusMonths(1).atDay(1));
            Optional<Invoice> standing = invoices.standing(customerId, period);
            if (standing.isPresent() && reached.isEmpty()) {
                continue;   // billed, and nothing has changed since
            }
            // the slow part first: invoice numbers are taken (and their row lock held) only at the end
            List<NewInvoiceLine> shouldHave = lines.forCustomer(customerId, m, prices);
            if (standing.isPresent()) {
                if (BilledLines.same(standing.get().lines(), shouldHave)) {
                    needs.handled(customerId, reached, standing.get().id());
                    continue;
                }
                Invoice credit = invoices.credit(standing.get().id(), customerNumber, today, runId);
                credited++;
                total = total.add(credit.totalAmount());
                Long reflectedIn = credit.id();
                if (!shouldHave.isEmpty()) {
                    Invoice again = invoices.issue(new NewInvoice(customerId, customerNumber, period, today, dueDate(today),
                            shouldHave, runId), standing.get().id());
                    issued++;
                    total = total.add(again.totalAmount());
                    reflectedIn = again.id();
                }
                needs.handled(customerId, reached, reflectedIn);
            } else if (!shouldHave.isEmpty()) {
                Invoice invoice = invoices.issue(new NewInvoice(customerId, customerNumber, period, today, dueDate(today),
                        shouldHave, runId), null);
                issued++;
                total = total.add(invoice.totalAmount());
                needs.handled(customerId, reached, invoice.id());
            } else {
                needs.handled(customerId, reached, null);
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

    /** The due date of an invoice issued today, by the payment terms in force (a dated row). */
    private LocalDate dueDate(LocalDate today) {
        return terms.dueDate(today).orElseThrow(() -> MissingBillingData.noPaymentTerms(today));
    }
}
