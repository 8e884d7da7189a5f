package no.kraft.cis.api.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.api.PersonalData;
import no.kraft.cis.consent.audit.ConsentAuditTrail;
import no.kraft.cis.consent.control.Consent;
import no.kraft.cis.consent.control.Consents;
import no.kraft.cis.consent.document.OrderDocuments;
import no.kraft.cis.consent.order.ContractOrder;
import no.kraft.cis.consent.order.ContractOrders;
import no.kraft.cis.consent.order.NewOrder;
import no.kraft.cis.consent.order.OrderBook;
import no.kraft.cis.consent.order.OrderNumber;
import no.kraft.cis.customer.ContactDetails;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.customer.PostalAddress;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Contract orders", description = "Orders (kontraktsordre) with Elhub consent control, documents and the consent audit trail")
@RestController
class ContractOrderController {

    private final ContractOrders orders;
    private final Consents consents;
    private final OrderDocuments documents;
    private final CustomerService customers;
    private final ConsentAuditTrail audit;
    private final OrderBook book;
    private final no.kraft.cis.delivery.document.DocumentStore invoiceDocuments;

    ContractOrderController(ContractOrders orders, Consents consents, OrderDocuments documents, CustomerService customers, ConsentAuditTrail audit,
            OrderBook book, no.kraft.cis.delivery.document.DocumentStore invoiceDocuments) {
        this.book = book;
        this.invoiceDocuments = invoiceDocuments;
        this.orders = orders;
        this.consents = consents;
        this.documents = documents;
        this.customers = customers;
        this.audit = audit;
    }

    @Schema(description = "A contract order: the customer (PRIVATE with nationalId/firstName/lastName, or ORGANISATION), "
            + "the metering point, product, start date, switch or move-in, and contact for the signing link.")
    record OrderBody(
            @Schema(example = "WEB_SHOP", allowableValues = {"WEB_SHOP", "SALES_PARTNER", "CUSTOMER_SERVICE"}) String channel,
            @Schema(example = "SWITCH", allowableValues = {"SWITCH", "MOVE_IN"}) String kind,
            @Schema(example = "PRIVATE", allowableValues = {"PRIVATE", "ORGANISATION"}) String customerKind,
            @Schema(example = "01017012343") String nationalId,
            @Schema(example = "Kari") String firstName,
            @Schema(example = "Nordmann") String lastName,
            @Schema(example = "923609016") String organisationNumber,
            @Schema(example = "Nordlys Bakeri AS") String organisationName,
            @Schema(example = "kari@example.no") String email,
            @Schema(example = "912 34 567") String mobile,
            Address address,
            @Schema(example = "707057500000000018") String meteringPointId,
            @Schema(example = "SPOT") String productCode,
            @Schema(example = "2026-04-01") String startDate,
            @Schema(description = "default: DOCUMENT for private customers, NOT_REQUIRED for organisations",
                    allowableValues = {"DOCUMENT", "REQUEST", "NOT_REQUIRED"}) String consentFlow) {

        // named apart from the Elhub look-up's Address (streetName, buildingNumber), which the OpenAPI would otherwise give both
        @Schema(name = "OrderAddress")
        record Address(@Schema(example = "Storgata 1") String street, @Schema(example = "0155") String postcode,
                @Schema(example = "Oslo") String city) {
        }

        NewOrder toCommand() {
            FieldValidation check = new FieldValidation();
            NewOrder.Channel ch = check.required("channel", channel, () -> no.kraft.cis.api.RequestValues.oneOf(NewOrder.Channel.class, channel, "channel.unknown"));
            NewOrder.Kind k = check.required("kind", kind, () -> no.kraft.cis.api.RequestValues.oneOf(NewOrder.Kind.class, kind, "kind.unknown"));
            CustomerIdentity identity = null;
            if ("PRIVATE".equals(customerKind)) {
                NationalId id = check.required("nationalId", nationalId, () -> new NationalId(nationalId.strip()));
                check.required("firstName", firstName, () -> firstName);
                check.required("lastName", lastName, () -> lastName);
                identity = check.field("firstName", () -> id == null || firstName == null || lastName == null ? null
                        : new CustomerIdentity.Person(id, firstName.strip(), lastName.strip()));
            } else if ("ORGANISATION".equals(customerKind)) {
                OrganisationNumber number = check.required("organisationNumber", organisationNumber, () -> OrganisationNumber.parse(organisationNumber));
                check.required("organisationName", organisationName, () -> organisationName);
                identity = check.field("organisationName", () -> number == null || organisationName == null ? null
                        : new CustomerIdentity.Organisation(number, organisationName.strip()));
            } else {
                check.reject("customerKind", customerKind == null ? "required" : "customerKind.unknown", "customerKind is PRIVATE or ORGANISATION");
            }
            Email e = check.optional("email", email, () -> Email.parse(email));
            MobileNumber m = check.optional("mobile", mobile, () -> MobileNumber.parse(mobile));
            PostalAddress a = address == null ? null : check.field("address", () -> new PostalAddress(address.street(), address.postcode(),
                    address.city(), "NO"));
            MeteringPointId point = check.required("meteringPointId", meteringPointId, () -> new MeteringPointId(meteringPointId.strip()));
            String product = check.required("productCode", productCode, () -> productCode.strip());
            LocalDate start = check.required("startDate", startDate, () -> no.kraft.cis.api.RequestValues.date(startDate));
            NewOrder.ConsentFlow flow = check.optional("consentFlow", consentFlow, () -> no.kraft.cis.api.RequestValues.oneOf(NewOrder.ConsentFlow.class, consentFlow, "consentFlow.unknown"));
            check.throwIfInvalid();
            return new NewOrder(ch, k, identity, new ContactDetails(e, m), a, point, product, start, flow);
        }
    }

    record OrderResponse(long orderNumber, String channel, String kind, String stage, String status, String stopReason, Customer customer,
            String meteringPointId, String productCode, LocalDate startDate, String consentFlow, String grantId, Long customerNumber,
            Long contractNumber, Instant createdAt, String createdBy,
            @Schema(description = "the start of supply asked of Elhub at import (GET /api/v1/elhub/supply-starts/{id}); null before, "
                    + "or without the Elhub integration") Long supplyProcessId,
            List<ContractOrder.Step> steps, List<ContractOrder.Comment> comments,
            List<ConsentResponse> consents, List<DocumentResponse> documents) {

        record Customer(String kind, String name, String nationalId, String organisationNumber, String email, String mobile) {
        }

        static OrderResponse of(ContractOrders.View v) {
            ContractOrder o = v.order();
            ContractOrder.Applicant a = o.applicant();
            boolean full = PersonalData.visibleToCaller();
            String nin = a.nationalId() == null ? null : full ? a.nationalId() : a.nationalId().substring(0, 6) + "*****";
            return new OrderResponse(o.number().value(), o.channel().name(), o.kind().name(), o.stage().name(), o.status().name(), o.stopReason(),
                    new Customer(a.kind(), a.displayName(), nin, a.organisationNumber(), a.email(), a.mobile()), o.meteringPointId(),
                    o.productCode(), o.startDate(), o.consentFlow().name(), o.grantId(), o.customerNumber(), o.contractNumber(), o.createdAt(),
                    o.createdBy(), o.supplyProcessId(), v.steps(), v.comments(), v.consents().stream().map(ConsentResponse::of).toList(),
                    v.documents().stream().map(d -> DocumentResponse.of(d, "/api/v1/contract-orders/" + o.number() + "/documents/" + d.id())).toList());
        }
    }

    record ConsentResponse(String id, String flow, String state, Instant expiresAt, Instant nextAttemptAt, String elhubDocumentId,
            String elhubRequestId, String signicatSessionId, String grantId, Instant grantValidTo, String outcome) {

        static ConsentResponse of(Consent c) {
            return new ConsentResponse(c.id().toString(), c.flow().name(), c.state().name(), c.expiresAt(), c.nextAttemptAt(),
                    c.elhubDocumentId(), c.elhubRequestId(), c.signicatSessionId(), c.grantId(), c.grantValidTo(), c.outcomeDetail());
        }
    }

    record DocumentResponse(long id, String kind, String fileName, String sha256, int size, Instant createdAt, String href) {

        static DocumentResponse of(OrderDocuments.Stored d, String href) {
            return new DocumentResponse(d.id(), d.kind().name(), d.fileName(), d.sha256(), d.size(), d.createdAt(), href);
        }
    }

    record CommentBody(String text) {
    }

    record CancelBody(String reason) {
    }

    @Operation(summary = "Place a contract order", description = "Validated at once (problem+json naming field and rule; nothing stored "
            + "when refused). A private customer's order then waits on hold for Elhub consent; an organisation's is imported directly.")
    @PostMapping("/api/v1/contract-orders")
    ResponseEntity<OrderResponse> submit(@RequestBody OrderBody body, Principal caller) {
        ContractOrder order = orders.submit(body.toCommand(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/contract-orders/" + order.number()))
                .body(OrderResponse.of(orders.view(order.number())));
    }

    // named apart from the partner API's OrderSummary (springdoc names a schema by the simple name)
    record ContractOrderSummary(long orderNumber, String kind, String channel, String stage, String status, String stopReason,
            @Schema(description = "the person's or organisation's name as ordered") String customerName, Long customerNumber,
            String meteringPointId, String productCode, LocalDate startDate, Instant createdAt, Instant updatedAt) {

        static ContractOrderSummary of(ContractOrder o) {
            return new ContractOrderSummary(o.number().value(), o.kind().name(), o.channel().name(), o.stage().name(), o.status().name(),
                    o.stopReason(), o.applicant().displayName(), o.customerNumber(), o.meteringPointId(), o.productCode(), o.startDate(),
                    o.createdAt(), o.updatedAt());
        }
    }

    @Operation(summary = "The contract orders, newest first, in a stage and/or status when given",
            description = "stage VALIDATE_AND_ADD | ON_HOLD | IMPORT | FINALIZE; status IN_PROGRESS | WAITING | COMPLETED | STOPPED | "
                    + "CANCELLED; page from 0, size 1–200 (default 20). An unknown stage or status is refused naming the field.")
    @GetMapping("/api/v1/contract-orders")
    no.kraft.cis.customerview.PageOf<ContractOrderSummary> list(@RequestParam(required = false) String stage,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        FieldValidation check = new FieldValidation();
        no.kraft.cis.consent.order.Stage inStage = check.optional("stage", stage,
                () -> no.kraft.cis.api.RequestValues.oneOf(no.kraft.cis.consent.order.Stage.class, stage, "stage.unknown"));
        no.kraft.cis.consent.order.OrderStatus inStatus = check.optional("status", status,
                () -> no.kraft.cis.api.RequestValues.oneOf(no.kraft.cis.consent.order.OrderStatus.class, status, "status.unknown"));
        check.throwIfInvalid();
        no.kraft.cis.api.Pages pages = no.kraft.cis.api.Pages.of(page, size);
        return new no.kraft.cis.customerview.PageOf<>(book.list(inStage, inStatus, pages.page(), pages.size()).stream()
                .map(ContractOrderSummary::of).toList(), pages.page(), pages.size(), book.count(inStage, inStatus));
    }

    @Operation(summary = "An order with its process log (steps), comments, consent attempts and documents")
    @GetMapping("/api/v1/contract-orders/{orderNumber}")
    OrderResponse get(@PathVariable String orderNumber) {
        return OrderResponse.of(orders.view(number(orderNumber)));
    }

    @Operation(summary = "Add a comment to the order log")
    @PostMapping("/api/v1/contract-orders/{orderNumber}/comments")
    OrderResponse comment(@PathVariable String orderNumber, @RequestBody CommentBody body, Principal caller) {
        String text = FieldValidation.parse("text", () -> {
            if (body.text() == null || body.text().isBlank()) {
                throw new InvalidValueException("required", "text is required");
            }
            return body.text().strip();
        });
        orders.comment(number(orderNumber), caller.getName(), text);
        return get(orderNumber);
    }

    @Operation(summary = "Start the consent again for an order stopped on hold (rejected, expired, refused by Elhub)")
    @PostMapping("/api/v1/contract-orders/{orderNumber}/restart-consent")
    OrderResponse restart(@PathVariable String orderNumber, Principal caller) {
        orders.restartConsent(number(orderNumber), caller.getName());
        return get(orderNumber);
    }

    @Operation(summary = "Cancel an open order (its consent attempt is cancelled too)")
    @PostMapping("/api/v1/contract-orders/{orderNumber}/cancel")
    OrderResponse cancel(@PathVariable String orderNumber, @RequestBody CancelBody body, Principal caller) {
        String reason = FieldValidation.parse("reason", () -> {
            if (body.reason() == null || body.reason().isBlank()) {
                throw new InvalidValueException("required", "reason is required");
            }
            return body.reason().strip();
        });
        orders.cancel(number(orderNumber), caller.getName(), reason);
        return get(orderNumber);
    }

    @Operation(summary = "Download one of the order's PDFs (order confirmation, Elhub's document, the signed document)")
    @GetMapping(value = "/api/v1/contract-orders/{orderNumber}/documents/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> orderDocument(@PathVariable String orderNumber, @PathVariable long id) {
        long orderId = book.get(number(orderNumber)).id();
        OrderDocuments.Stored d = documents.find(id).filter(x -> x.orderId() == orderId)
                .orElseThrow(() -> new NotFoundException("document", id));
        return pdf(d);
    }

    record CustomerOrderSummary(long orderNumber, String kind, String channel, String stage, String status, String meteringPointId,
            String productCode, LocalDate startDate, Instant createdAt) {
    }

    @Operation(summary = "The customer's contract orders with their stage, newest first (at most 50)",
            description = "Those imported onto the customer, and those still on their way for the customer's national ID or "
                    + "organisation number.")
    @GetMapping("/api/v1/customers/{customerNumber}/contract-orders")
    List<CustomerOrderSummary> customerOrders(@PathVariable String customerNumber) {
        var customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        String nationalId = customer.nationalId().map(n -> n.value()).orElse(null);
        String organisation = customer.identity() instanceof no.kraft.cis.customer.CustomerIdentity.Organisation o
                ? o.organisationNumber().value() : null;
        return book.ofCustomer(customer.number().value(), nationalId, organisation, 50).stream()
                .map(o -> new CustomerOrderSummary(o.number().value(), o.kind().name(), o.channel().name(), o.stage().name(), o.status().name(),
                        o.meteringPointId(), o.productCode(), o.startDate(), o.createdAt())).toList();
    }

    @Operation(summary = "The customer's stored documents, newest first: order confirmations, Elhub's and the signed consent "
            + "documents, and invoice documents (kind INVOICE_PDF, made when the invoice was first delivered or shown)")
    @GetMapping("/api/v1/customers/{customerNumber}/documents")
    List<DocumentResponse> customerDocuments(@PathVariable String customerNumber) {
        var customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        java.util.List<DocumentResponse> all = new java.util.ArrayList<>(documents.ofCustomer(customer.id()).stream()
                .map(d -> DocumentResponse.of(d, "/api/v1/customers/" + customerNumber + "/documents/" + d.id())).toList());
        invoiceDocuments.ofCustomer(customer.id()).forEach(d -> all.add(new DocumentResponse(d.id(), "INVOICE_" + d.format().name(),
                "faktura-" + d.invoiceNumber() + "." + d.format().name().toLowerCase(java.util.Locale.ROOT), d.sha256(), d.size(), d.createdAt(),
                "/api/v1/invoices/" + d.invoiceNumber() + "/document")));
        all.sort(java.util.Comparator.comparing(DocumentResponse::createdAt).reversed());
        return all;
    }

    @Operation(summary = "Download one of the customer's documents")
    @GetMapping(value = "/api/v1/customers/{customerNumber}/documents/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> customerDocument(@PathVariable String customerNumber, @PathVariable long id) {
        var customer = customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
        OrderDocuments.Stored d = documents.find(id).filter(x -> customer.id().equals(x.customerId()))
                .orElseThrow(() -> new NotFoundException("document", id));
        return pdf(d);
    }

    @Operation(summary = "Re-walk the consent audit trail (all chains, or one order's) and report the first broken link")
    @GetMapping("/api/v1/consent-audit/verification")
    ConsentAuditTrail.Verification verify(@RequestParam(required = false) String orderNumber) {
        return audit.verify(orderNumber == null ? null : number(orderNumber).auditChain());
    }

    @Operation(summary = "Signicat's webhook (authenticated with the shared secret in X-Webhook-Secret)",
            description = "Only a hint: duplicates are ignored and the session is re-read with an authenticated GET.")
    @PostMapping("/api/v1/signicat/webhook")
    ResponseEntity<Void> webhook(@RequestHeader(name = "X-Webhook-Secret", required = false) String secret, @RequestBody JsonNode event) {
        String eventId = event.path("id").asString(null);
        String sessionId = event.path("eventData").path("signingSessionId").asString(null);
        if (eventId == null || eventId.isBlank()) {
            throw ValidationFailedException.of("id", "required", "the event id is required");
        }
        return switch (consents.webhook(secret, eventId, sessionId)) {
            case FORGED -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
            default -> ResponseEntity.accepted().build();
        };
    }

    private ResponseEntity<byte[]> pdf(OrderDocuments.Stored d) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("X-Content-SHA256", d.sha256()).body(documents.content(d.id()));
    }

    private static OrderNumber number(String raw) {
        return FieldValidation.parse("orderNumber", () -> OrderNumber.parse(raw));
    }
}
