package no.kraft.cis.api.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.addon.AddOnProduct;
import no.kraft.cis.api.PersonalData;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.addon.AddOns;
import no.kraft.cis.addon.Subscription;
import no.kraft.cis.consent.order.ContractOrder;
import no.kraft.cis.consent.order.ContractOrders;
import no.kraft.cis.consent.order.NewOrder;
import no.kraft.cis.contactlog.Contact;
import no.kraft.cis.contactlog.ContactLog;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.PostalAddress;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.servicecase.NewCase;
import no.kraft.cis.servicecase.ServiceCase;
import no.kraft.cis.servicecase.ServiceCases;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Partner: services", description = "Add-on products, work orders, the contact log and move-ins "
        + "(reading add-ons accounts:read; add-ons and move-ins orders:write; work orders and contacts cases:write)")
@RestController
class PartnerServiceController {

    private final Accounts accounts;
    private final AddOns addOns;
    private final ServiceCases cases;
    private final ContactLog contacts;
    private final ContractOrders orders;
    private final ContractService contracts;

    PartnerServiceController(Accounts accounts, AddOns addOns, ServiceCases cases, ContactLog contacts, ContractOrders orders,
            ContractService contracts) {
        this.accounts = accounts;
        this.addOns = addOns;
        this.cases = cases;
        this.contacts = contacts;
        this.orders = orders;
        this.contracts = contracts;
    }

    record AddOnProductResponse(@Schema(example = "OPPRINNELSE") String code, @Schema(example = "Fornybar opprinnelsesgaranti") String name,
            @Schema(example = "Guarantees of origin for renewable production covering the consumption") String description,
            @Schema(example = "29.00", description = "NOK incl. VAT per month") BigDecimal monthlyPrice) {

        static AddOnProductResponse of(AddOnProduct p) {
            return new AddOnProductResponse(p.code(), p.name(), p.description(), p.monthlyPrice());
        }
    }

    record AddOnSubscriptionResponse(AddOnProductResponse product, @Schema(example = "2026-04-01") LocalDate from, LocalDate to) {

        static AddOnSubscriptionResponse of(Subscription s) {
            return new AddOnSubscriptionResponse(AddOnProductResponse.of(s.product()), s.validFrom(), s.validTo());
        }
    }

    record AddOnOverviewResponse(List<AddOnSubscriptionResponse> current, List<AddOnProductResponse> available) {
    }

    @Operation(summary = "The account's add-on products and those it can still get",
            description = "current: running today or ordered to start later; available: on sale to this kind of customer and not held.")
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/add-ons")
    AddOnOverviewResponse addOns(@Parameter(example = "1000001") @PathVariable String customerNumber, HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        LocalDate today = accounts.today();
        return new AddOnOverviewResponse(addOns.current(c.id(), today).stream().map(AddOnSubscriptionResponse::of).toList(),
                addOns.available(c.id(), c.kind(), today).stream().map(AddOnProductResponse::of).toList());
    }

    record AddOnBody(@Schema(example = "OPPRINNELSE") String code,
            @Schema(example = "2026-04-01", description = "default today; at most 90 days ahead") String startDate) {
    }

    @Operation(summary = "Order an add-on product", description = "Scope orders:write. 201; 404 unknown product; 409 addOn.alreadyActive "
            + "or addOn.notForCustomerKind or addOn.noRunningContract (no delivery on the start date); 400 addOn.startDateWindow.")
    @ApiResponse(responseCode = "201", description = "the add-on, ordered")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/add-ons")
    ResponseEntity<AddOnSubscriptionResponse> orderAddOn(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody AddOnBody body, HttpServletRequest request) {
        FieldValidation check = new FieldValidation();
        String code = check.required("code", body.code(), () -> code(body.code()));
        LocalDate start = check.optional("startDate", body.startDate(), () -> RequestValues.date(body.startDate()));
        check.throwIfInvalid();
        Customer c = accounts.get(customerNumber, request);
        LocalDate today = accounts.today();
        LocalDate from = start == null ? today : start;
        boolean supplied = contracts.ofCustomer(c.id()).stream().flatMap(k -> k.deliveries().stream())
                .anyMatch(d -> d.period().contains(from));
        Subscription s = addOns.order(c.id(), c.kind(), code, from, today, supplied);
        return ResponseEntity.created(URI.create("/api/v1/partner/accounts/" + c.number() + "/add-ons")).body(AddOnSubscriptionResponse.of(s));
    }

    record WorkOrderBody(@Schema(example = "Meter display is blank") String title,
            @Schema(example = "The customer says the meter at Storgata 1 has shown nothing since Monday.") String description) {
    }

    record WorkOrderResponse(@Schema(example = "700001") long caseNumber, @Schema(example = "WORK_ORDER") String kind,
            @Schema(example = "OPEN") String status, String title) {
    }

    @Operation(summary = "Submit a work order (a case for customer service)",
            description = "Scope cases:write. Opens a case of kind WORK_ORDER on the account; staff see it in their case lists.")
    @ApiResponse(responseCode = "201", description = "the case opened")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/work-orders")
    ResponseEntity<WorkOrderResponse> workOrder(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody WorkOrderBody body, HttpServletRequest request) {
        FieldValidation check = new FieldValidation();
        String title = check.required("title", body.title(), () -> RequestValues.text(body.title(), 200));
        String description = check.required("description", body.description(), () -> RequestValues.text(body.description(), 4000));
        check.throwIfInvalid();
        Customer c = accounts.get(customerNumber, request);
        ServiceCase opened = cases.open(new NewCase(c.id(), ServiceCase.Kind.WORK_ORDER, title, description, null, null, false));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.caseNumber()))
                .body(new WorkOrderResponse(opened.caseNumber(), opened.kind().name(), opened.status().name(), opened.title()));
    }

    record ContactBody(@Schema(example = "PHONE", allowableValues = {"PHONE", "CHAT", "EMAIL", "LETTER", "MEETING"}) String channel,
            @Schema(example = "Asked about the March bill; explained the spot price; postponed due date to 1 April") String summary,
            @Schema(example = "call-2026-03-15-0042", description = "where the full transcript is kept") String transcriptRef) {
    }

    record ContactResponse(@Schema(example = "17") long id, String channel, String summary, String transcriptRef,
            @Schema(example = "2026-03-15T11:00:00Z") java.time.Instant loggedAt) {
    }

    @Operation(summary = "Log a contact with the customer", description = "Scope cases:write. 201.")
    @ApiResponse(responseCode = "201", description = "the contact, logged")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/contacts")
    ResponseEntity<ContactResponse> logContact(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody ContactBody body, HttpServletRequest request) {
        FieldValidation check = new FieldValidation();
        Contact.Channel channel = check.required("channel", body.channel(), () -> RequestValues.oneOf(Contact.Channel.class, body.channel(), "channel.unknown"));
        String summary = check.required("summary", body.summary(), () -> RequestValues.text(body.summary(), 2000));
        String ref = check.optional("transcriptRef", body.transcriptRef(), () -> RequestValues.text(body.transcriptRef(), 500));
        check.throwIfInvalid();
        Customer c = accounts.get(customerNumber, request);
        Contact logged = contacts.log(c.id(), channel, summary, ref);
        return ResponseEntity.status(201)
                .body(new ContactResponse(logged.id(), logged.channel().name(), logged.summary(), logged.transcriptRef(), logged.at()));
    }

    record MoveInBody(@Schema(example = "707057500000000018") String meteringPointId, @Schema(example = "2026-04-01") String startDate,
            @Schema(description = "the customer's new postal address") NewAddress newAddress,
            @Schema(example = "SPOT", description = "default: the product the customer has today, else SPOT") String productCode) {

        record NewAddress(@Schema(example = "Fjellveien 2") String street, @Schema(example = "5019") String postcode,
                @Schema(example = "Bergen") String city) {
        }
    }

    record MoveInResponse(@Schema(example = "9000001") long orderNumber, @Schema(example = "MOVE_IN") String kind,
            @Schema(example = "ON_HOLD") String stage, @Schema(example = "IN_PROGRESS") String status,
            @Schema(example = "/api/v1/contract-orders/9000001") String href) {
    }

    @Operation(summary = "Submit a move-in (innflytting) for the account",
            description = "Scope orders:write. Creates a contract order of kind MOVE_IN for the metering point at the new address "
                    + "from the start date (−30…+90 days); a private customer then signs Elhub's consent with BankID (link by "
                    + "e-mail/SMS). The metering point must be registered (look it up in Elhub first). 201 with the order; "
                    + "400/409 naming field and rule, nothing stored.")
    @ApiResponse(responseCode = "201", description = "the move-in order, placed")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/move-ins")
    ResponseEntity<MoveInResponse> moveIn(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody MoveInBody body, HttpServletRequest request, Principal caller) {
        FieldValidation check = new FieldValidation();
        MeteringPointId point = check.required("meteringPointId", body.meteringPointId(),
                () -> new MeteringPointId(body.meteringPointId().strip()));
        LocalDate start = check.required("startDate", body.startDate(), () -> RequestValues.date(body.startDate()));
        PostalAddress address = null;
        if (body.newAddress() == null) {
            check.reject("newAddress", "required", "must be present");
        } else {
            address = check.field("newAddress", () -> new PostalAddress(body.newAddress().street(), body.newAddress().postcode(),
                    body.newAddress().city(), "NO"));
        }
        String product = check.optional("productCode", body.productCode(), () -> code(body.productCode()));
        check.throwIfInvalid();
        Customer c = accounts.get(customerNumber, request);
        String productCode = product != null ? product : currentProduct(c);
        // staff take a move-in in customer service; a partner (web shop, agent desk, AI agent) is a partner channel
        NewOrder.Channel channel = PersonalData.visibleToCaller() ? NewOrder.Channel.CUSTOMER_SERVICE : NewOrder.Channel.SALES_PARTNER;
        ContractOrder order = orders.submit(new NewOrder(channel, NewOrder.Kind.MOVE_IN, c.identity(),
                c.contact(), address, point, productCode, start, null), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/contract-orders/" + order.number()))
                .body(new MoveInResponse(order.number().value(), order.kind().name(), order.stage().name(), order.status().name(),
                        "/api/v1/contract-orders/" + order.number()));
    }

    private String currentProduct(Customer c) {
        LocalDate today = accounts.today();
        return contracts.ofCustomer(c.id()).stream().flatMap(k -> k.deliveries().stream())
                .filter(d -> d.isActiveOn(today)).map(d -> d.productCode()).findFirst().orElse("SPOT");
    }

    private static String code(String raw) {
        String code = raw.strip();
        if (!code.matches("[A-Z0-9_]{1,32}")) {
            throw new InvalidValueException("code.format", "a product code is 1–32 capital letters, digits or _");
        }
        return code;
    }
}
