package no.kraft.cis.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.ledger.ArrangementOption;
import no.kraft.cis.ledger.InstalmentPlan;
import no.kraft.cis.ledger.InstalmentPlanOptions;
import no.kraft.cis.ledger.InstalmentPlans;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Instalment plans", description = "Instalment plans (avdragsordning): overdue invoices split into monthly instalments with their own KIDs")
@RestController
class InstalmentPlanController {

    private final InstalmentPlans plans;
    private final CustomerService customers;
    private final Clock clock;

    InstalmentPlanController(InstalmentPlans plans, CustomerService customers, Clock clock) {
        this.plans = plans;
        this.customers = customers;
        this.clock = clock;
    }

    /** What plan the customer may get, or why none (each refusal a rule and a sentence to tell the customer). */
    record PlanOptionsResponse(@Schema(example = "true") boolean available,
            @Schema(example = "2345.67", description = "the overdue amount a plan would split (invoices in debt collection left out)") BigDecimal amount,
            List<Long> invoiceNumbers,
            @Schema(example = "2026-03-29", description = "the first instalment's due date unless another is agreed") LocalDate firstDueDate,
            @Schema(example = "2026-04-14", description = "the latest first due date that may be agreed (from tomorrow)") LocalDate latestFirstDueDate,
            List<InstalmentPlanOptions.Choice> choices, List<ArrangementOption.Refusal> refusals) {
        static PlanOptionsResponse of(InstalmentPlanOptions o) {
            return new PlanOptionsResponse(o.available(), o.amount(), o.invoiceNumbers(), o.firstDueDate(), o.latestFirstDueDate(), o.choices(),
                    o.refusals());
        }
    }

    record PlanInvoiceResponse(long invoiceNumber, LocalDate dueDate, BigDecimal amountAtStart, BigDecimal openNow) {
    }

    /** A plan by customer number and invoice numbers, never internal ids. */
    record InstalmentPlanResponse(long planId, long customerNumber, InstalmentPlan.Status status, BigDecimal amount, BigDecimal paid,
            BigDecimal remaining, LocalDate agreedOn, LocalDate endedOn, String endReason, List<PlanInvoiceResponse> invoices,
            List<InstalmentPlan.Instalment> instalments, long version) {
        static InstalmentPlanResponse of(InstalmentPlan p, long customerNumber) {
            return new InstalmentPlanResponse(p.id(), customerNumber, p.status(), p.amount(), p.paid(), p.remaining(), p.agreedOn(), p.endedOn(),
                    p.endReason(), p.invoices().stream()
                            .map(i -> new PlanInvoiceResponse(i.invoiceNumber(), i.dueDate(), i.amountAtStart(), i.openNow())).toList(),
                    p.instalments(), p.version());
        }
    }

    record InstalmentPlanCreateBody(@Schema(example = "3", description = "how many monthly instalments (one of the options' choices)") Integer instalments,
            @Schema(description = "only these overdue invoices (default: every overdue invoice outside debt collection)", example = "[100031]")
            List<Long> invoiceNumbers,
            @Schema(description = "the first instalment's due date as agreed, from tomorrow to the options' latestFirstDueDate "
                    + "(default: the options' firstDueDate); the rest monthly after it", example = "2026-03-20") LocalDate firstDueDate) {
    }

    record InstalmentPlanCancelBody(@Schema(example = "the customer asked to pay in full") String reason) {
    }

    private Customer customer(String customerNumber) {
        return customers.get(FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber)));
    }

    private InstalmentPlanResponse response(InstalmentPlan p) {
        return InstalmentPlanResponse.of(p, customers.findById(p.customerId()).orElseThrow().number().value());
    }

    @Operation(summary = "The instalment plan the customer may get today, or the refusals",
            description = "Customer service, billing, admin. Rules (dated row instalment_plan_rule): one plan at a time (plan.active), "
                    + "none within 12 months of a defaulted one (plan.recentDefault), only what is overdue and not in debt collection "
                    + "(plan.nothingOverdue, plan.inCollection), at most 30 000.00 (plan.tooLarge), 2–6 instalments of at least "
                    + "200.00 (plan.tooSmall).")
    @GetMapping("/api/v1/customers/{customerNumber}/instalment-plan-options")
    PlanOptionsResponse options(@PathVariable String customerNumber,
            @io.swagger.v3.oas.annotations.Parameter(description = "only these overdue invoices (400 plan.invoice for one that can not be)")
            @org.springframework.web.bind.annotation.RequestParam(required = false) List<Long> invoiceNumbers) {
        return PlanOptionsResponse.of(plans.options(customer(customerNumber).id(), NorwegianTime.today(clock), invoiceNumbers));
    }

    @Operation(summary = "Make an instalment plan over the customer's overdue invoices",
            description = "Customer service and admin. 201 with the instalments, each with its own KID: the first due 14 days from "
                    + "today, then monthly; each instalment the amount ÷ N rounded down to øre, the øre left over on the last. "
                    + "409 with the refusal's rule (plan.active, plan.recentDefault, plan.nothingOverdue, plan.inCollection, "
                    + "plan.tooLarge, plan.tooSmall) or plan.instalments when the count is not on offer; 400 plan.invoice (an invoice "
                    + "that is not one of the customer's overdue invoices outside collection) or plan.firstDueDate (outside tomorrow … "
                    + "latestFirstDueDate); nothing is stored then.")
    @PostMapping("/api/v1/customers/{customerNumber}/instalment-plans")
    ResponseEntity<InstalmentPlanResponse> create(@PathVariable String customerNumber, @RequestBody InstalmentPlanCreateBody body) {
        FieldValidation check = new FieldValidation();
        if (body.instalments() == null) {
            check.reject("instalments", "required", "must be present");
        } else if (body.instalments() < 2 || body.instalments() > 120) {
            check.reject("instalments", "plan.instalments", "a plan has 2 or more instalments");
        }
        check.throwIfInvalid();
        Customer c = customer(customerNumber);
        InstalmentPlan plan = plans.create(c.id(), body.instalments(), NorwegianTime.today(clock),
                new InstalmentPlans.Terms(body.invoiceNumbers(), body.firstDueDate()));
        return ResponseEntity.created(URI.create("/api/v1/instalment-plans/" + plan.id())).body(InstalmentPlanResponse.of(plan, c.number().value()));
    }

    @Operation(summary = "The customer's instalment plans, newest first")
    @GetMapping("/api/v1/customers/{customerNumber}/instalment-plans")
    List<InstalmentPlanResponse> ofCustomer(@PathVariable String customerNumber) {
        Customer c = customer(customerNumber);
        return plans.ofCustomer(c.id(), NorwegianTime.today(clock)).stream().map(p -> InstalmentPlanResponse.of(p, c.number().value())).toList();
    }

    @Operation(summary = "An instalment plan: its invoices, instalments with KID, what is paid on each",
            description = "Payments to an instalment's KID (or the invoices' own) settle the instalments in order. An instalment not "
                    + "paid 14 days after its due date is MISSED; the nightly check then sets the plan DEFAULTED.")
    @GetMapping("/api/v1/instalment-plans/{planId}")
    InstalmentPlanResponse get(@PathVariable String planId) {
        long id = FieldValidation.parse("planId", () -> RequestValues.number("planId", planId));
        return response(plans.get(id, NorwegianTime.today(clock)));
    }

    @Operation(summary = "Cancel a running instalment plan", description = "Customer service and admin. The invoices are ordinary "
            + "overdue invoices again (dunning resumes). 409 plan.notActive when the plan is not running.")
    @PostMapping("/api/v1/instalment-plans/{planId}/cancel")
    InstalmentPlanResponse cancel(@PathVariable String planId, @RequestBody(required = false) InstalmentPlanCancelBody body) {
        FieldValidation check = new FieldValidation();
        Long id = check.field("planId", () -> RequestValues.number("planId", planId));
        String reason = body == null || body.reason() == null ? null : check.field("reason", () -> RequestValues.text(body.reason(), 500));
        check.throwIfInvalid();
        return response(plans.cancel(id, reason, NorwegianTime.today(clock)));
    }

    record InstalmentPlanCheckResponse(int completed, int defaulted) {
    }

    @Operation(summary = "Check the running plans now (the nightly job)", description = "Billing and admin. A plan with every instalment "
            + "paid becomes COMPLETED; one with an instalment missed (unpaid 14 days after its due date) DEFAULTED.")
    @PostMapping("/api/v1/instalment-plans/settlement-runs")
    InstalmentPlanCheckResponse settleDue() {
        InstalmentPlans.Settled s = plans.settleDue(NorwegianTime.today(clock));
        return new InstalmentPlanCheckResponse(s.completed(), s.defaulted());
    }
}
