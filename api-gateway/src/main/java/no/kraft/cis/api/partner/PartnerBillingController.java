package no.kraft.cis.api.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.InvoiceLine;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.ledger.ArrangementOption;
import no.kraft.cis.ledger.CustomerLedger;
import no.kraft.cis.ledger.InstalmentPlan;
import no.kraft.cis.ledger.InstalmentPlanOptions;
import no.kraft.cis.ledger.InstalmentPlans;
import no.kraft.cis.ledger.Ledger;
import no.kraft.cis.ledger.LedgerItem;
import no.kraft.cis.ledger.PaymentArrangements;
import no.kraft.cis.ledger.Postponement;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Partner: billing", description = "Balance, bills and payment arrangements (scope billing:read; submitting billing:write)")
@RestController
class PartnerBillingController {

    private final Accounts accounts;
    private final Ledger ledger;
    private final Invoices invoices;
    private final PaymentArrangements arrangements;
    private final no.kraft.cis.delivery.distribution.InvoiceDeliveries deliveries;
    private final InstalmentPlans plans;
    private final no.kraft.cis.receivables.Dunning dunning;
    private final no.kraft.cis.delivery.arrangement.PlanLetterDelivery letters;

    PartnerBillingController(Accounts accounts, Ledger ledger, Invoices invoices, PaymentArrangements arrangements,
            no.kraft.cis.delivery.distribution.InvoiceDeliveries deliveries, InstalmentPlans plans,
            no.kraft.cis.receivables.Dunning dunning, no.kraft.cis.delivery.arrangement.PlanLetterDelivery letters) {
        this.letters = letters;
        this.dunning = dunning;
        this.deliveries = deliveries;
        this.plans = plans;
        this.accounts = accounts;
        this.ledger = ledger;
        this.invoices = invoices;
        this.arrangements = arrangements;
    }

    record OpenInvoiceResponse(@Schema(example = "100042") long invoiceNumber, @Schema(example = "2026-03-20") LocalDate dueDate,
            @Schema(example = "1180.00") BigDecimal openAmount, @Schema(example = "OPEN") LedgerItem.Status status) {
    }

    record BalanceResponse(@Schema(example = "NOK") String currency,
            @Schema(example = "1180.00", description = "what the customer owes in all; negative = credit in the customer's favour")
            BigDecimal balance,
            @Schema(example = "0.00", description = "of the balance, what is past due") BigDecimal overdue,
            List<OpenInvoiceResponse> openInvoices) {
    }

    @Operation(summary = "The account's balance, overdue amount and open invoices")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BalanceResponse.class), examples = @ExampleObject(value = """
            {"currency":"NOK","balance":1180.00,"overdue":0.00,
             "openInvoices":[{"invoiceNumber":100042,"dueDate":"2026-03-20","openAmount":1180.00,"status":"OPEN"}]}""")))
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/balance")
    BalanceResponse balance(@Parameter(example = "1000001") @PathVariable String customerNumber, HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        LocalDate today = accounts.today();
        CustomerLedger l = ledger.of(c.id(), today);
        return new BalanceResponse("NOK", l.balance(), l.overdue(), l.openItems().stream()
                .map(i -> new OpenInvoiceResponse(i.invoiceNumber(), i.dueDate(), i.open(), i.status(today))).toList());
    }

    record BillLine(@Schema(example = "Strøm, spotpris") String text, LocalDate from, LocalDate to,
            @Schema(example = "1234.567") BigDecimal quantity, @Schema(example = "KWH") String unit,
            @Schema(example = "0.812345") BigDecimal unitPrice, @Schema(example = "1002.90") BigDecimal netAmount,
            @Schema(example = "250.73") BigDecimal vatAmount) {
    }

    record BillResponse(@Schema(example = "100042") long invoiceNumber, @Schema(example = "INVOICE") String kind,
            @Schema(example = "2026-02-01") LocalDate periodFrom, @Schema(example = "2026-03-01") LocalDate periodTo,
            @Schema(example = "2026-03-06") LocalDate issueDate,
            @Schema(example = "2026-03-20", description = "in force, after any postponement") LocalDate dueDate,
            @Schema(example = "2026-03-20") LocalDate originalDueDate,
            @Schema(example = "10000010001000428") String kid, @Schema(example = "944.00") BigDecimal netAmount,
            @Schema(example = "236.00") BigDecimal vatAmount, @Schema(example = "1180.00") BigDecimal totalAmount,
            @Schema(example = "0.00") BigDecimal paid,
            @Schema(example = "35.00", description = "reminder fees and interest charged on the bill (paid with its KID)") BigDecimal charges,
            @Schema(example = "0.00", description = "credit on the account (an over-payment elsewhere) applied to this bill") BigDecimal fromAccount,
            @Schema(example = "1180.00") BigDecimal open,
            @Schema(example = "OPEN", description = "OPEN, OVERDUE, PAID, CREDITED, WRITTEN_OFF; a credit note has none") LedgerItem.Status status,
            List<BillLine> lines,
            @Schema(description = "how the bill reached the customer, oldest first (no addresses or numbers: the channel, what "
                    + "happened, when) — e.g. EMAIL SENT, then NOT_OPENED, SMS SENT, OPENED") List<DeliveryEvent> delivery,
            @Schema(description = "the dunning process on the bill, oldest first: reminders, purring, inkassovarsel, hand-over to "
                    + "collection, staff pause/resume/stop (staff named only as STAFF)") List<DunningStep> dunning,
            @Schema(example = "PAUSED", description = "PAUSED or STOPPED by staff; absent when none") String dunningHold) {
    }

    record DunningStep(@Schema(example = "PURRING") String step, @Schema(example = "2026-04-03") LocalDate day,
            @Schema(example = "EMAIL", description = "EMAIL, SMS, PAPER, AGENCY (the hand-over), NONE") String channel,
            @Schema(example = "37.50") BigDecimal fee, @Schema(example = "2026-04-17") LocalDate deadline,
            @Schema(example = "4.60", description = "forsinkelsesrente to that day as shown; null when the rate was not known") BigDecimal interest,
            @Schema(example = "0.00", description = "of it, what was charged") BigDecimal interestCharged,
            @Schema(example = "dunning-job", description = "dunning-job or STAFF") String by) {
    }

    record DeliveryEvent(@Schema(example = "2026-03-06T07:00:00Z") java.time.Instant at, @Schema(example = "EMAIL") String channel,
            @Schema(example = "SENT", description = "QUEUED, SENT, RETRY, FAILED, FALLBACK, OPENED, NOT_OPENED, DELIVERED, UNDELIVERED, "
                    + "HANDED_TO_PRINT, NO_CHANNEL") String kind) {
    }

    @Operation(summary = "One bill by its invoice number",
            description = "An invoice or credit note of this account. 404 when the account has no document with that number "
                    + "(also when another account has it).")
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/invoices/{invoiceNumber}")
    BillResponse bill(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @Parameter(example = "100042") @PathVariable String invoiceNumber, HttpServletRequest request) {
        long number = FieldValidation.parse("invoiceNumber", () -> RequestValues.number("invoiceNumber", invoiceNumber));
        Customer c = accounts.get(customerNumber, request);
        Invoice invoice = invoices.find(number).filter(i -> i.customerId() == c.id())
                .orElseThrow(() -> new NotFoundException("invoice", number));
        LocalDate today = accounts.today();
        LedgerItem item = invoice.kind() == Invoice.Kind.INVOICE ? ledger.item(c.id(), number).orElseThrow() : null;
        no.kraft.cis.receivables.DunningState dunningState = item == null ? null : dunning.of(number);
        return new BillResponse(invoice.invoiceNumber(), invoice.kind().name(), invoice.period().from(), invoice.period().to(),
                invoice.issueDate(), item == null ? invoice.dueDate() : item.dueDate(), invoice.dueDate(), invoice.kid().value(),
                invoice.netAmount(), invoice.vatAmount(), invoice.totalAmount(), item == null ? null : item.paid(),
                item == null ? null : item.charges(),
                item == null ? null : item.fromAccount(), item == null ? null : item.open(), item == null ? null : item.status(today),
                invoice.lines().stream().map(PartnerBillingController::line).toList(),
                deliveries.get(number).map(d -> d.events().stream().map(e -> new DeliveryEvent(e.at(), e.channel().name(), e.kind())).toList())
                        .orElse(List.of()),
                dunningState == null ? List.of() : dunningState.events().stream().map(e -> new DunningStep(e.step(), e.day(), e.channel(), e.fee(),
                        e.deadline(), e.interest(), e.interestCharged(),
                        no.kraft.cis.receivables.DunningRun.ACTOR.equals(e.by()) ? e.by() : "STAFF")).toList(),
                dunningState == null ? null : dunningState.hold());
    }

    record ArrangementOptionResponse(@Schema(example = "100042") long invoiceNumber, @Schema(example = "1180.00") BigDecimal openAmount,
            @Schema(example = "2026-03-20") LocalDate dueDate, @Schema(example = "true") boolean postponable,
            @Schema(example = "2026-04-03", description = "the latest due date a postponement may set") LocalDate latestDueDate,
            List<ArrangementOption.Refusal> refusals) {
    }

    @Operation(summary = "Payment-arrangement options for each open invoice",
            description = "Today the arrangement offered is postponing the due date once, to at most 14 days (configurable) "
                    + "after the printed due date, not for an invoice in debt collection. When not postponable, refusals say why "
                    + "(arrangement.alreadyPostponed, arrangement.inCollection, arrangement.tooLate).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ArrangementOptionResponse.class)), examples = @ExampleObject(value = """
            [{"invoiceNumber":100042,"openAmount":1180.00,"dueDate":"2026-03-20","postponable":true,"latestDueDate":"2026-04-03","refusals":[]},
             {"invoiceNumber":100031,"openAmount":950.00,"dueDate":"2026-03-01","postponable":false,"latestDueDate":"2026-03-15",
              "refusals":[{"rule":"arrangement.alreadyPostponed","reason":"the due date of invoice 100031 has already been postponed once"}]}]""")))
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/payment-arrangement-options")
    List<ArrangementOptionResponse> options(@Parameter(example = "1000001") @PathVariable String customerNumber, HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        return arrangements.options(c.id(), accounts.today()).stream()
                .map(o -> new ArrangementOptionResponse(o.invoiceNumber(), o.openAmount(), o.dueDate(), o.postponable(), o.latestDueDate(), o.refusals()))
                .toList();
    }

    record ArrangementBody(@Schema(example = "100042") String invoiceNumber, @Schema(example = "2026-04-01") String newDueDate,
            @Schema(example = "salary comes on the 1st") String reason) {
    }

    @Operation(summary = "Submit a payment arrangement: postpone an invoice's due date",
            description = "Scope billing:write. 201 with the new due date; 409 naming the rule when not allowed "
                    + "(arrangement.alreadyPostponed, arrangement.inCollection, arrangement.tooLate, arrangement.maxDays, "
                    + "arrangement.notLater, arrangement.notOpen); nothing changes then.")
    @ApiResponse(responseCode = "201", description = "the due date, postponed")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/payment-arrangements")
    ResponseEntity<Postponement> submit(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody ArrangementBody body, HttpServletRequest request) {
        FieldValidation check = new FieldValidation();
        Long number = check.required("invoiceNumber", body.invoiceNumber(), () -> RequestValues.number("invoiceNumber", body.invoiceNumber()));
        LocalDate newDue = check.required("newDueDate", body.newDueDate(), () -> RequestValues.date(body.newDueDate()));
        if (body.reason() != null && body.reason().length() > 500) {
            check.reject("reason", "text.tooLong", "at most 500 characters");
        }
        check.throwIfInvalid();
        Customer c = accounts.get(customerNumber, request);
        Postponement p = arrangements.postpone(c.id(), number, newDue, body.reason(), accounts.today());
        return ResponseEntity.created(URI.create("/api/v1/partner/accounts/" + c.number() + "/invoices/" + number)).body(p);
    }

    record InstalmentPlanOptionsResponse(
            @Schema(example = "false", description = "whether a plan can be made now; when not, refusals say why") boolean available,
            @Schema(example = "2345.67", description = "the overdue amount a plan would split") BigDecimal amount,
            List<Long> invoiceNumbers, @Schema(example = "2026-03-29") LocalDate firstDueDate,
            @Schema(example = "2026-04-14", description = "the latest first due date the customer may ask for") LocalDate latestFirstDueDate,
            List<InstalmentPlanOptions.Choice> choices,
            @Schema(description = "each a rule code and a sentence the agent can tell the customer") List<ArrangementOption.Refusal> refusals) {
    }

    @Operation(summary = "Instalment-plan options: can the overdue amount be split into monthly instalments, and if not, why",
            description = "Scope billing:read. When no plan is available the refusals name the rule and a sentence a customer can be "
                    + "told (plan.active, plan.recentDefault, plan.nothingOverdue, plan.inCollection, plan.tooLarge, plan.tooSmall), "
                    + "instead of a bare \"no arrangements available\".")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = InstalmentPlanOptionsResponse.class), examples = @ExampleObject(value = """
            {"available":false,"amount":2345.67,"invoiceNumbers":[100031],"firstDueDate":"2026-03-29","latestFirstDueDate":"2026-04-14","choices":[],
             "refusals":[{"rule":"plan.recentDefault","reason":"a payment plan was broken on 2025-06-01; a new plan can be made from 2026-06-01"}]}""")))
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/instalment-plan-options")
    InstalmentPlanOptionsResponse instalmentPlanOptions(@Parameter(example = "1000001") @PathVariable String customerNumber,
            HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        InstalmentPlanOptions o = plans.options(c.id(), accounts.today());
        return new InstalmentPlanOptionsResponse(o.available(), o.amount(), o.invoiceNumbers(), o.firstDueDate(), o.latestFirstDueDate(),
                o.choices(), o.refusals());
    }

    record PartnerInstalment(@Schema(example = "1") int seq, @Schema(example = "2026-03-29") LocalDate dueDate,
            @Schema(example = "781.89") BigDecimal amount, @Schema(example = "1000001000042018") String kid,
            @Schema(example = "0.00") BigDecimal paid, @Schema(example = "OPEN") InstalmentPlan.InstalmentStatus status) {
    }

    record PartnerInstalmentPlan(@Schema(example = "42") long planId, @Schema(example = "ACTIVE") InstalmentPlan.Status status,
            @Schema(example = "2345.67") BigDecimal amount, @Schema(example = "0.00") BigDecimal paid, LocalDate agreedOn,
            List<Long> invoiceNumbers, List<PartnerInstalment> instalments,
            @Schema(description = "the confirmation with the KIDs to the customer, so the agent can say where it went (null: none)")
            PartnerPlanConfirmation confirmation) {
        static PartnerInstalmentPlan of(InstalmentPlan p, java.util.Optional<no.kraft.cis.delivery.arrangement.PlanLetterDelivery.Confirmation> c) {
            return new PartnerInstalmentPlan(p.id(), p.status(), p.amount(), p.paid(), p.agreedOn(),
                    p.invoices().stream().map(InstalmentPlan.CoveredInvoice::invoiceNumber).toList(),
                    p.instalments().stream().map(i -> new PartnerInstalment(i.seq(), i.dueDate(), i.amount(), i.kid(), i.paid(), i.status()))
                            .toList(),
                    c.map(x -> new PartnerPlanConfirmation(x.channel(), x.status(), x.sentAt())).orElse(null));
        }
    }

    record PartnerPlanConfirmation(@Schema(example = "EMAIL", description = "EMAIL or PAPER") String channel,
            @Schema(example = "DONE", description = "PENDING, DONE or FAILED") String status, java.time.Instant sentAt) {
    }

    record InstalmentPlanBody(@Schema(example = "3", description = "how many monthly instalments (one of the options' choices)")
            Integer instalments,
            @Schema(description = "only these overdue invoices (default: all of them)", example = "[100031]") List<Long> invoiceNumbers,
            @Schema(description = "the first due date the customer asked for, from tomorrow to latestFirstDueDate (default firstDueDate)",
                    example = "2026-03-20") LocalDate firstDueDate) {
    }

    @Operation(summary = "Submit an instalment plan: split the overdue amount into monthly instalments",
            description = "Scope billing:write. 201 with the instalments and their KIDs; 409 naming the rule and the reason to tell "
                    + "the customer when no plan may be made (as in the options) or plan.instalments when the count is not on offer; "
                    + "nothing changes then.")
    @ApiResponse(responseCode = "201", description = "the plan")
    @PostMapping("/api/v1/partner/accounts/{customerNumber}/instalment-plans")
    ResponseEntity<PartnerInstalmentPlan> submitInstalmentPlan(@Parameter(example = "1000001") @PathVariable String customerNumber,
            @RequestBody InstalmentPlanBody body, HttpServletRequest request) {
        FieldValidation check = new FieldValidation();
        if (body.instalments() == null) {
            check.reject("instalments", "required", "must be present");
        } else if (body.instalments() < 2 || body.instalments() > 120) {
            check.reject("instalments", "plan.instalments", "a plan has 2 or more instalments");
        }
        check.throwIfInvalid();
        Customer c = accounts.get(customerNumber, request);
        InstalmentPlan plan = plans.create(c.id(), body.instalments(), accounts.today(),
                new no.kraft.cis.ledger.InstalmentPlans.Terms(body.invoiceNumbers(), body.firstDueDate()));
        return ResponseEntity.created(URI.create("/api/v1/partner/accounts/" + c.number() + "/instalment-plans"))
                .body(PartnerInstalmentPlan.of(plan, letters.confirmation(plan.id())));
    }

    @Operation(summary = "The account's instalment plans, newest first", description = "Scope billing:read.")
    @GetMapping("/api/v1/partner/accounts/{customerNumber}/instalment-plans")
    List<PartnerInstalmentPlan> instalmentPlans(@Parameter(example = "1000001") @PathVariable String customerNumber,
            HttpServletRequest request) {
        Customer c = accounts.get(customerNumber, request);
        return plans.ofCustomer(c.id(), accounts.today()).stream().map(p -> PartnerInstalmentPlan.of(p, letters.confirmation(p.id()))).toList();
    }

    private static BillLine line(InvoiceLine l) {
        return new BillLine(l.text(), l.period().from(), l.period().to(), l.quantity(), l.unit().name(), l.unitPrice(), l.netAmount(),
                l.vatAmount());
    }
}
