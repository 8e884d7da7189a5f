package no.kraft.cis.e2e;

import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoices;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An {@link ApiTest} that makes customers and invoices of its own ({@link Invoicing}), fresh for each test. */
abstract class InvoicingApiTest extends ApiTest {

    @Autowired
    protected Invoices invoices;

    @Autowired
    protected CustomerService customers;

    @Autowired
    protected TransactionTemplate tx;

    protected Invoicing invoicing;

    @BeforeEach
    void newInvoicing() {
        invoicing = new Invoicing(api, invoices, customers, tx);
    }
}
