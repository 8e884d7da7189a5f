package no.kraft.cis.api.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import no.kraft.cis.api.Pages;
import no.kraft.cis.customer.CustomerChange;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.NewCustomer;
import no.kraft.cis.customerview.CustomerSearch;
import no.kraft.cis.customerview.CustomerSearchCriteria;
import no.kraft.cis.customerview.CustomerSummary;
import no.kraft.cis.customerview.PageOf;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers", description = "Private and business customers (kunder)")
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerService customers;
    private final CustomerSearch search;

    CustomerController(CustomerService customers, CustomerSearch search) {
        this.customers = customers;
        this.search = search;
    }

    @Operation(summary = "Register a customer", description = "Customer service and admin. The customer number is generated.")
    @PostMapping
    ResponseEntity<CustomerResponse> register(@RequestBody CustomerBody body) {
        FieldValidation check = new FieldValidation();
        var identity = body.identity(check);
        var contact = body.contact(check);
        var address = body.postalAddress(check);
        check.throwIfInvalid();
        CustomerResponse created = CustomerResponse.of(customers.register(new NewCustomer(identity, contact, address)));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.customerNumber())).body(created);
    }

    @Operation(summary = "Get a customer")
    @GetMapping("/{customerNumber}")
    CustomerResponse get(@PathVariable String customerNumber) {
        return CustomerResponse.of(customers.get(number(customerNumber)));
    }

    @Operation(summary = "Replace a customer's names, contact details and address",
            description = "Send the version you read; 409 if someone changed the customer since. The identity number cannot change.")
    @PutMapping("/{customerNumber}")
    CustomerResponse change(@PathVariable String customerNumber, @RequestBody CustomerBody body) {
        CustomerNumber number = number(customerNumber);
        FieldValidation check = new FieldValidation();
        var identity = body.identity(check);
        var contact = body.contact(check);
        var address = body.postalAddress(check);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return CustomerResponse.of(customers.change(number, new CustomerChange(body.version(), identity, contact, address)));
    }

    @Operation(summary = "Find customers",
            description = "Every given criterion must match. Name and address are partial, case- and accent-insensitive "
                    + "(the address is the customer's or one of their metering points'). Ordered by name; "
                    + "national IDs are masked. To search by national ID use POST /api/v1/customers/search.")
    @GetMapping
    PageOf<CustomerSummary> find(@RequestParam(required = false) String name,
            @RequestParam(required = false) String customerNumber,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String meteringPointId,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return search(new CustomerSearchBody(name, customerNumber, phone, email, meteringPointId, null, address, page, size));
    }

    @Operation(summary = "Find customers, also by exact national ID", description = "Customer service and admin only.")
    @PostMapping("/search")
    PageOf<CustomerSummary> search(@RequestBody CustomerSearchBody body) {
        FieldValidation check = new FieldValidation();
        CustomerSearchCriteria criteria = new CustomerSearchCriteria(
                body.name(),
                check.optional("customerNumber", body.customerNumber(), () -> CustomerNumber.parse(body.customerNumber())),
                check.optional("phone", body.phone(), () -> MobileNumber.parse(body.phone())),
                check.optional("email", body.email(), () -> Email.parse(body.email())),
                check.optional("meteringPointId", body.meteringPointId(), () -> new MeteringPointId(body.meteringPointId().strip())),
                check.optional("nationalId", body.nationalId(), () -> new NationalId(body.nationalId().strip())),
                body.address());
        check.throwIfInvalid();
        Pages pages = Pages.of(body.page(), body.size());
        return search.search(criteria, pages.page(), pages.size());
    }

    static CustomerNumber number(String raw) {
        return FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(raw));
    }
}
