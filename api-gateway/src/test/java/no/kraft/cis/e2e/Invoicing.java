package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.InvoiceLine;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.invoice.NewInvoice;
import no.kraft.cis.invoice.NewInvoiceLine;
import no.kraft.cis.period.Period;
import no.kraft.cis.security.Role;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customers and invoices for ledger and payment tests. Invoices are issued through the real {@link Invoices} service
 * (numbers, KIDs, totals as the billing run makes them) with one fixed-price line, so each test states its amounts.
 */
final class Invoicing {

    private final Api api;
    private final Invoices invoices;
    private final CustomerService customers;
    private final TransactionTemplate tx;

    Invoicing(Api api, Invoices invoices, CustomerService customers, TransactionTemplate tx) {
        this.api = api;
        this.invoices = invoices;
        this.customers = customers;
        this.tx = tx;
    }

    /** Registers a private customer; {@code mobile} may be shared with others (a household). */
    long person(String firstName, String lastName, String mobile) {
        Map<String, Object> body = TestData.person(TestData.nationalId(), firstName, lastName);
        if (mobile != null) {
            body.put("mobile", mobile);
        }
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json("/customerNumber").asLong();
    }

    long organisation(String organisationNumber, String name) {
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.organisation(organisationNumber, name));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json("/customerNumber").asLong();
    }

    /** An invoice for the month with one line: net + 25 % VAT = total, as given. */
    Invoice invoice(long customerNumber, YearMonth month, LocalDate issued, LocalDate due, String net, String vat) {
        Customer customer = customers.get(new CustomerNumber(customerNumber));
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        NewInvoiceLine line = new NewInvoiceLine(null, null, "FAST", "Fastbeløp " + month, period, BigDecimal.ONE, InvoiceLine.Unit.MONTH,
                new BigDecimal(net), new BigDecimal(net), new BigDecimal("0.25"), new BigDecimal(vat));
        return tx.execute(s -> invoices.issue(new NewInvoice(customer.id(), customerNumber, period, issued, due, List.of(line), null), null));
    }

    Invoice credit(Invoice invoice, long customerNumber, LocalDate issued) {
        return tx.execute(s -> invoices.credit(invoice.id(), customerNumber, issued, null));
    }
}
