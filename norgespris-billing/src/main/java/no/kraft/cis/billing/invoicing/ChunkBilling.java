package no.kraft.cis.billing.invoicing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.kraft.cis.billing.settlement.MissingBillingData;
import no.kraft.cis.billing.settlement.MonthPrices;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.SupplyPeriod;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.invoice.NewInvoice;
import no.kraft.cis.invoice.NewInvoiceLine;
import no.kraft.cis.invoice.PaymentTerms;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills a chunk of customers in one transaction — the billing run's common case, a customer's first invoice for the
 * month with nothing to correct — reading their data and writing their invoices in a handful of statements instead of
 * some thirty per customer. The lines are computed by the same {@link InvoiceLines} as {@link CustomerBilling}, from
 * preloaded {@link InvoiceLines.Sources}.
 *
 * <p>Order, as in {@link CustomerBilling}: the billing horizons of all the chunk's metering points are locked first, then
 * the month-wide data is taken, then everything else is read. A customer with a recalculation need (anything to credit,
 * re-invoice or invoice for an earlier month) is left to {@link CustomerBilling}, one by one, after this transaction;
 * one already invoiced for the month with nothing changed is done. A customer whose data is missing is reported failed
 * and gets nothing; the others are invoiced. An error of the database rolls the chunk back whole (the caller then bills
 * it one by one) — so a crash leaves every customer of the chunk either invoiced or not at all.
 */
@Service
public class ChunkBilling {

    private final CustomerService customers;
    private final ContractService contracts;
    private final InvoiceLines lines;
    private final Invoices invoices;
    private final RecalculationNeeds needs;
    private final MonthPrices monthPrices;
    private final Clock clock;
    private final PaymentTerms terms;

    ChunkBilling(CustomerService customers, ContractService contracts, InvoiceLines lines, Invoices invoices, RecalculationNeeds needs,
            MonthPrices monthPrices, Clock clock, PaymentTerms terms) {
        this.customers = customers;
        this.contracts = contracts;
        this.lines = lines;
        this.invoices = invoices;
        this.needs = needs;
        this.monthPrices = monthPrices;
        this.clock = clock;
        this.terms = terms;
    }

    /**
     * What a chunk came to.
     *
     * @param done the customers billed here (invoiced, or nothing to do), with what was issued
     * @param failed the customers whose billing failed here, with the reason
     * @param oneByOne the customers left to {@link CustomerBilling#bill}, in the chunk's order
     */
    public record Result(Map<Long, CustomerBilling.Outcome> done, Map<Long, String> failed, List<Long> oneByOne) {
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Result bill(List<Long> customerIds, YearMonth month, Long runId) {
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        LocalDate today = NorwegianTime.today(clock);
        Set<Long> points = new TreeSet<>();
        List<SupplyPeriod> supplies = contracts.supplyPeriods(customerIds);
        supplies.forEach(s -> points.add(s.meteringPointId()));
        // horizons first, as CustomerBilling: a change committed before this is read below; one after it waits for our commit
        invoices.lockHorizons(points);
        MonthPrices.Snapshot prices = monthPrices.current();
        Set<Long> withNeeds = needs.customersWithUnhandled(customerIds);
        Set<Long> standing = invoices.withStanding(customerIds, period);

        Map<Long, CustomerBilling.Outcome> done = new LinkedHashMap<>();
        Map<Long, String> failed = new LinkedHashMap<>();
        List<Long> oneByOne = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        for (long id : customerIds) {
            if (withNeeds.contains(id)) {
                oneByOne.add(id);
            } else if (standing.contains(id)) {
                done.put(id, NOTHING);   // billed, and nothing has changed since
            } else {
                plain.add(id);
            }
        }
        if (plain.isEmpty()) {
            return new Result(done, failed, oneByOne);
        }
        Map<Long, no.kraft.cis.customer.CustomerNumber> numbers = customers.numbers(plain);
        InvoiceLines.Sources sources = lines.preloaded(supplies, plain, month);
        List<NewInvoice> toIssue = new ArrayList<>();
        // the same issue day for the whole chunk: the terms are read once, not per customer
        Optional<LocalDate> dueByTerms = terms.dueDate(today);
        for (long id : plain) {
            List<NewInvoiceLine> shouldHave;
            LocalDate due;
            try {
                shouldHave = lines.forCustomer(id, month, prices, sources);
                due = dueByTerms.orElseThrow(() -> MissingBillingData.noPaymentTerms(today));
            } catch (DataAccessException database) {
                throw database;   // the transaction is lost: the caller bills the chunk one by one
            } catch (RuntimeException e) {
                failed.put(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                continue;
            }
            if (shouldHave.isEmpty()) {
                done.put(id, NOTHING);
            } else {
                toIssue.add(new NewInvoice(id, numbers.get(id).value(), period, today, due, shouldHave, runId));
            }
        }
        // numbers last: the counter's row lock is held only for the inserts that follow it
        for (Invoices.Issued issued : invoices.issueAll(toIssue)) {
            done.put(issued.customerId(), new CustomerBilling.Outcome(1, 0, issued.totalAmount()));
        }
        return new Result(done, failed, oneByOne);
    }

    private static final CustomerBilling.Outcome NOTHING = new CustomerBilling.Outcome(0, 0, BigDecimal.ZERO);
}
