package no.kraft.cis.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import no.kraft.cis.api.RequestValues;
import java.util.List;
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

    /** The ledger as the API shows it: the customer by number, never by internal id. */
    record LedgerResponse(long customerNumber, java.time.LocalDate asOf, List<no.kraft.cis.ledger.LedgerEntry> entries,
            List<ItemResponse> items, java.math.BigDecimal balance, java.math.BigDecimal overdue) {
    }

    /** An invoice's place in the ledger, by its invoice number. */
    record ItemResponse(long invoiceNumber, String kid, java.time.LocalDate issueDate, java.time.LocalDate dueDate,
            java.time.LocalDate originalDueDate, java.math.BigDecimal total, java.math.BigDecimal credited,
            @io.swagger.v3.oas.annotations.media.Schema(example = "35.00",
                    description = "reminder fees and interest the dunning process charged (paid with the invoice's KID)")
            java.math.BigDecimal charges, java.math.BigDecimal paid, java.math.BigDecimal fromAccount, java.math.BigDecimal open, boolean postponed, java.time.LocalDate inCollectionSince) {
        static ItemResponse of(no.kraft.cis.ledger.LedgerItem i) {
            return new ItemResponse(i.invoiceNumber(), i.kid(), i.issueDate(), i.dueDate(), i.originalDueDate(), i.total(), i.credited(),
                    i.charges(), i.paid(), i.fromAccount(), i.open(), i.postponed(), i.inCollectionSince().orElse(null));
        }
    }

    @Operation(summary = "A customer's ledger: statement with running balance, invoices with paid and open amounts, balance, overdue",
            description = "Customer service, billing and admin. Balance positive = the customer owes; overdue = open amounts past "
                    + "their (possibly postponed) due date, less any credit on account.")
    @GetMapping("/api/v1/customers/{customerNumber}/ledger")
    LedgerResponse get(@PathVariable String customerNumber) {
        Customer customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        CustomerLedger l = ledger.of(customer.id(), NorwegianTime.today(clock));
        return new LedgerResponse(customer.number().value(), l.asOf(), l.entries(), l.items().stream().map(ItemResponse::of).toList(),
                l.balance(), l.overdue());
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
