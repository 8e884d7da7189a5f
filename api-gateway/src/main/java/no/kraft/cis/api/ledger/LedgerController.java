package no.kraft.cis.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.ledger.CustomerLedger;
import no.kraft.cis.ledger.DebtCollection;
import no.kraft.cis.ledger.Ledger;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger", description = "The customer ledger (reskontro) and debt collection")
@RestController
class LedgerController {

    private final Ledger ledger;
    private final CustomerService customers;
    private final Invoices invoices;
    private final DebtCollection collection;
    private final Clock clock;

    LedgerController(Ledger ledger, CustomerService customers, Invoices invoices, DebtCollection collection, Clock clock) {
        this.ledger = ledger;
        this.customers = customers;
        this.invoices = invoices;
        this.collection = collection;
        this.clock = clock;
    }

    @Operation(summary = "A customer's ledger: statement with running balance, invoices with paid and open amounts, balance, overdue",
            description = "Customer service, billing and admin. Balance positive = the customer owes; overdue = open amounts past "
                    + "their (possibly postponed) due date, less any credit on account.")
    @GetMapping("/api/v1/customers/{customerNumber}/ledger")
    CustomerLedger get(@PathVariable String customerNumber) {
        Customer customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        return ledger.of(customer.id(), NorwegianTime.today(clock));
    }

    record CollectionBody(@Schema(example = "Lindorff Inkasso") String agency) {
    }

    @Operation(summary = "Record that an overdue invoice was handed over to debt collection",
            description = "Billing and admin. Payment arrangements are refused for it afterwards. 409 collection.notOverdue / "
                    + "collection.already.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/debt-collection")
    ResponseEntity<Void> handOver(@PathVariable String invoiceNumber, @RequestBody CollectionBody body) {
        long number = FieldValidation.parse("invoiceNumber", () -> RequestValues.number("invoiceNumber", invoiceNumber));
        String agency = FieldValidation.parse("agency", () -> RequestValues.text(body.agency(), 200));
        Invoice invoice = invoices.byNumber(number);
        collection.handOver(invoice.customerId(), number, agency, NorwegianTime.today(clock));
        return ResponseEntity.noContent().build();
    }
}
