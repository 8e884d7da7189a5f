package no.kraft.cis.api.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.api.Pages;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.contactlog.Contact;
import no.kraft.cis.contactlog.ContactLog;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.servicecase.CaseFilter;
import no.kraft.cis.servicecase.CaseUpdate;
import no.kraft.cis.servicecase.NewCase;
import no.kraft.cis.servicecase.ServiceCase;
import no.kraft.cis.servicecase.ServiceCases;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Cases", description = "Cases (saker) and the contact log — customer service and admin")
@RestController
class CaseController {

    private final ServiceCases cases;
    private final CustomerService customers;
    private final ContactLog contacts;

    private final java.time.Clock clock;

    private final no.kraft.cis.invoice.Invoices invoices;

    CaseController(ServiceCases cases, CustomerService customers, ContactLog contacts, java.time.Clock clock,
            no.kraft.cis.invoice.Invoices invoices) {
        this.invoices = invoices;
        this.cases = cases;
        this.customers = customers;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** A deadline is a date that has not passed ({@code deadline.past}). */
    private LocalDate deadline(String raw) {
        LocalDate date = RequestValues.date(raw);
        if (date.isBefore(no.kraft.cis.period.NorwegianTime.today(clock))) {
            throw new no.kraft.cis.rule.InvalidValueException("deadline.past", "a deadline may not lie in the past");
        }
        return date;
    }

    record CaseResponse(long caseNumber, Long customerNumber, String kind, String title, String description, String status,
            String owner, LocalDate deadline, boolean flagged, String origin, long version, Instant openedAt,
            List<ServiceCase.Message> messages,
            @Schema(example = "100042", description = "the invoice the case is about; an open COMPLAINT about it pauses its dunning")
            Long invoiceNumber) {
    }

    /** A contact as the API shows it: the customer by number, never by internal id. */
    record ContactView(long id, long customerNumber, String channel, String summary, String transcriptRef, String by, Instant at) {
    }

    record CasePage(List<CaseResponse> items, int page, int size, long total) {
    }

    record NewCaseBody(@Schema(example = "1000001") String customerNumber,
            @Schema(example = "ENQUIRY", allowableValues = {"ENQUIRY", "WORK_ORDER", "COMPLAINT"}) String kind,
            @Schema(example = "Disputes the February bill") String title, @Schema(example = "Says the meter was read twice") String description,
            @Schema(example = "kari.saksbehandler", description = "default: nobody") String owner,
            @Schema(example = "2026-03-20") String deadline, Boolean flagged,
            @Schema(example = "100042", description = "the invoice the case is about (one of the customer's; needs customerNumber). "
                    + "An open COMPLAINT about an invoice disputes it: its dunning pauses until the case is closed") String invoiceNumber) {
    }

    @Operation(summary = "Open a case", description = "Linked to a customer when customerNumber is given; to one of the customer's "
            + "invoices when invoiceNumber is given too (400 invoiceNumber invoice.notTheCustomers otherwise).")
    @PostMapping("/api/v1/cases")
    ResponseEntity<CaseResponse> open(@RequestBody NewCaseBody body) {
        FieldValidation check = new FieldValidation();
        CustomerNumber number = check.optional("customerNumber", body.customerNumber(), () -> CustomerNumber.parse(body.customerNumber()));
        ServiceCase.Kind kind = body.kind() == null ? ServiceCase.Kind.ENQUIRY : check.field("kind", () -> RequestValues.oneOf(ServiceCase.Kind.class, body.kind(), "kind.unknown"));
        String title = check.required("title", body.title(), () -> RequestValues.text(body.title(), 200));
        String description = check.required("description", body.description(), () -> RequestValues.text(body.description(), 4000));
        String owner = check.optional("owner", body.owner(), () -> RequestValues.text(body.owner(), 100));
        LocalDate deadline = check.optional("deadline", body.deadline(), () -> deadline(body.deadline()));
        Long invoiceNumber = check.optional("invoiceNumber", body.invoiceNumber(),
                () -> RequestValues.number("invoiceNumber", body.invoiceNumber()));
        check.throwIfInvalid();
        Long customerId = number == null ? null : customers.get(number).id();
        if (invoiceNumber != null && (customerId == null || invoices.find(invoiceNumber).filter(i -> i.customerId() == customerId).isEmpty())) {
            throw no.kraft.cis.rule.ValidationFailedException.of("invoiceNumber", "invoice.notTheCustomers",
                    "invoice " + invoiceNumber + " is not one of this customer's");
        }
        ServiceCase opened = cases.open(new NewCase(customerId, kind, title, description, owner, deadline,
                Boolean.TRUE.equals(body.flagged()), invoiceNumber));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.caseNumber())).body(view(opened));
    }

    @Operation(summary = "A case with its messages")
    @GetMapping("/api/v1/cases/{caseNumber}")
    CaseResponse get(@PathVariable String caseNumber) {
        return view(cases.get(FieldValidation.parse("caseNumber", () -> RequestValues.number("caseNumber", caseNumber))));
    }

    @Operation(summary = "List cases", description = "Filters combine; open=true leaves out closed cases. Nearest deadline first.")
    @GetMapping("/api/v1/cases")
    CasePage list(@RequestParam(required = false) String owner, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean flagged, @RequestParam(required = false) String customerNumber,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        FieldValidation check = new FieldValidation();
        ServiceCase.Status s = check.optional("status", status, () -> RequestValues.oneOf(ServiceCase.Status.class, status, "status.unknown"));
        CustomerNumber number = check.optional("customerNumber", customerNumber, () -> CustomerNumber.parse(customerNumber));
        check.throwIfInvalid();
        Long customerId = number == null ? null : customers.get(number).id();
        return page(new CaseFilter(owner, s, flagged, customerId, Boolean.TRUE.equals(open)), page, size);
    }

    @Operation(summary = "My cases: the open cases I own", description = "The caller is the token's subject.")
    @GetMapping("/api/v1/cases/mine")
    CasePage mine(Principal caller, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return page(new CaseFilter(caller.getName(), null, null, null, true), page, size);
    }

    @Operation(summary = "Open cases flagged for follow-up", description = "Nearest deadline first.")
    @GetMapping("/api/v1/cases/flagged")
    CasePage flagged(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return page(new CaseFilter(null, null, true, null, true), page, size);
    }

    record CaseChangeBody(@Schema(description = "the version read; 409 version.stale if someone changed the case since") Long version,
            @Schema(allowableValues = {"OPEN", "IN_PROGRESS", "WAITING", "CLOSED"}) String status,
            @Schema(description = "\"\" clears it; \"me\" takes the case") String owner,
            @Schema(description = "YYYY-MM-DD; \"\" clears it") String deadline, Boolean flagged) {
    }

    @Operation(summary = "Change a case's status, owner, deadline or flag", description = "Absent fields stay as they are.")
    @PatchMapping("/api/v1/cases/{caseNumber}")
    CaseResponse change(@PathVariable String caseNumber, @RequestBody CaseChangeBody body, Principal caller) {
        long n = FieldValidation.parse("caseNumber", () -> RequestValues.number("caseNumber", caseNumber));
        FieldValidation check = new FieldValidation();
        ServiceCase.Status s = check.optional("status", body.status(), () -> RequestValues.oneOf(ServiceCase.Status.class, body.status(), "status.unknown"));
        Optional<String> owner = body.owner() == null ? null : body.owner().isBlank() ? Optional.empty()
                : Optional.ofNullable(check.field("owner", () -> "me".equals(body.owner().strip()) ? caller.getName() : RequestValues.text(body.owner(), 100)));
        Optional<LocalDate> deadline = body.deadline() == null ? null : body.deadline().isBlank() ? Optional.empty()
                : Optional.ofNullable(check.field("deadline", () -> deadline(body.deadline())));
        check.throwIfInvalid();
        return view(cases.change(n, new CaseUpdate(body.version(), s, owner, deadline, body.flagged())));
    }

    record MessageBody(@Schema(example = "Called the customer back; waiting for a photo of the meter") String text) {
    }

    @Operation(summary = "Add a message to a case's dialogue", description = "409 case.closed for a closed case.")
    @PostMapping("/api/v1/cases/{caseNumber}/messages")
    CaseResponse message(@PathVariable String caseNumber, @RequestBody MessageBody body) {
        long n = FieldValidation.parse("caseNumber", () -> RequestValues.number("caseNumber", caseNumber));
        String text = FieldValidation.parse("text", () -> RequestValues.text(body.text(), 4000));
        return view(cases.addMessage(n, text));
    }

    @Operation(summary = "A customer's contact log, newest first (at most 200)")
    @GetMapping("/api/v1/customers/{customerNumber}/contacts")
    List<ContactView> contacts(@PathVariable String customerNumber) {
        var customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        return contacts.of(customer.id(), 200).stream().map(c -> new ContactView(c.id(), customer.number().value(), c.channel().name(),
                c.summary(), c.transcriptRef(), c.by(), c.at())).toList();
    }

    private CasePage page(CaseFilter filter, Integer page, Integer size) {
        Pages pages = Pages.of(page, size);
        ServiceCases.Page result = cases.list(filter, pages.page(), pages.size());
        return new CasePage(result.items().stream().map(CaseController::view).toList(), result.page(), result.size(), result.total());
    }

    private static CaseResponse view(ServiceCase c) {
        return new CaseResponse(c.caseNumber(), c.customerNumber(), c.kind().name(), c.title(), c.description(), c.status().name(),
                c.owner(), c.deadline(), c.flagged(), c.origin(), c.version(), c.openedAt(), c.messages(), c.invoiceNumber());
    }
}
