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
    private final no.kraft.cis.receivables.Dunning dunning;

    PartnerBillingController(Accounts accounts, Ledger ledger, Invoices invoices, PaymentArrangements arrangements,
            no.kraft.cis.delivery.distribution.InvoiceDeliveries deliveries, no.kraft.cis.receivables.Dunning dunning) {
        this.dunning = dunning;
        this.deliveries = deliveries;
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
            @Schema(example = "OPEN", description = "OPEN, OVERDUE, PAID, CREDITED; a credit note has none") LedgerItem.Status status,
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

    private static BillLine line(InvoiceLine l) {
        return new BillLine(l.text(), l.period().from(), l.period().to(), l.quantity(), l.unit().name(), l.unitPrice(), l.netAmount(),
                l.vatAmount());
    }
}
