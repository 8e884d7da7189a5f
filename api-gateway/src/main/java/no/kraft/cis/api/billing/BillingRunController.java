package no.kraft.cis.api.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.billing.run.BillingRuns;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing")
@RestController
class BillingRunController {

    private final BillingRuns runs;
    private final Clock clock;

    BillingRunController(BillingRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    record StartBody(@Schema(description = "calendar month to bill", example = "2026-02") String month,
            @Schema(description = "bill only this customer") String customerNumber,
            @Schema(description = "daytime throttle: customers per partition at a time, 1–1000 (omit: the configured chunk size)",
                    example = "10") Integer customersPerChunk,
            @Schema(description = "daytime throttle: seconds to wait after each chunk, 0–600; needs customersPerChunk (omit: no pause)",
                    example = "5") Integer pauseSeconds) {
    }

    @Operation(summary = "Start a billing run for a month (in the background)",
            description = "Bills every customer supplied in the month (or one), and credits and re-invoices earlier months with "
                    + "open recalculation needs. Re-running bills nothing twice. 202 with the run; poll GET /billing-runs/{id}. "
                    + "customersPerChunk and pauseSeconds throttle a run started in office hours (a stop is taken during the pause).")
    @PostMapping("/api/v1/billing-runs")
    ResponseEntity<BillingRuns.Run> start(@RequestBody StartBody body) {
        FieldValidation check = new FieldValidation();
        YearMonth month = check.required("month", body.month(), () -> NorwegianTime.month(body.month().strip()));
        CustomerNumber customer = check.optional("customerNumber", body.customerNumber(),
                () -> CustomerNumber.parse(body.customerNumber()));
        if (body.pauseSeconds() != null && body.customersPerChunk() == null) {
            check.reject("customersPerChunk", "required", "must be present with pauseSeconds");
        }
        if (body.customersPerChunk() != null && (body.customersPerChunk() < 1 || body.customersPerChunk() > BillingRuns.Pace.MAX_CUSTOMERS_PER_CHUNK)) {
            check.reject("customersPerChunk", "billingRun.customersPerChunk", "1–" + BillingRuns.Pace.MAX_CUSTOMERS_PER_CHUNK + " customers per chunk");
        }
        if (body.pauseSeconds() != null && (body.pauseSeconds() < 0 || body.pauseSeconds() > BillingRuns.Pace.MAX_PAUSE.toSeconds())) {
            check.reject("pauseSeconds", "billingRun.pause", "a pause of 0–" + BillingRuns.Pace.MAX_PAUSE.toSeconds() + " seconds between chunks");
        }
        check.throwIfInvalid();
        BillingRuns.Pace pace = body.customersPerChunk() == null ? null : new BillingRuns.Pace(body.customersPerChunk(),
                java.time.Duration.ofSeconds(body.pauseSeconds() == null ? 0 : body.pauseSeconds()));
        if (month.plusMonths(1).atDay(1).isAfter(NorwegianTime.today(clock))) {
            throw new ConflictException("month", "billingRun.monthNotOver", month + " is not over yet; only whole past months are billed");
        }
        BillingRuns.Run run = runs.start(month, customer == null ? null : customer.value(), pace);
        return ResponseEntity.accepted().location(URI.create("/api/v1/billing-runs/" + run.id())).body(run);
    }

    @Operation(summary = "A billing run: status, counts, total and failures with reasons")
    @GetMapping("/api/v1/billing-runs/{id}")
    BillingRuns.Run get(@PathVariable long id) {
        return runs.get(id);
    }

    @Operation(summary = "The latest 50 billing runs")
    @GetMapping("/api/v1/billing-runs")
    List<BillingRuns.Run> recent() {
        return runs.recent();
    }

    @Operation(summary = "Stop a running billing run after the customers in progress")
    @PostMapping("/api/v1/billing-runs/{id}/stop")
    BillingRuns.Run stop(@PathVariable long id) {
        return runs.stop(id);
    }

    @Operation(summary = "Restart a stopped or failed billing run where it stopped")
    @PostMapping("/api/v1/billing-runs/{id}/restart")
    ResponseEntity<BillingRuns.Run> restart(@PathVariable long id) {
        return ResponseEntity.accepted().body(runs.restart(id));
    }
}
