package no.kraft.cis.api.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.delivery.arrangement.PlanLetterDelivery;
import no.kraft.cis.ledger.InstalmentPlans;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An instalment plan's confirmation to the customer (the letter with the instalments and their KIDs): where it stands, the letter. */
@Tag(name = "Ledger")
@RestController
class InstalmentPlanConfirmationController {

    private final InstalmentPlans plans;
    private final PlanLetterDelivery letters;
    private final Clock clock;

    InstalmentPlanConfirmationController(InstalmentPlans plans, PlanLetterDelivery letters, Clock clock) {
        this.plans = plans;
        this.letters = letters;
        this.clock = clock;
    }

    private long plan(String planId) {
        long id = FieldValidation.parse("planId", () -> RequestValues.number("planId", planId));
        plans.get(id, NorwegianTime.today(clock));   // 404 for a plan that does not exist
        return id;
    }

    @Operation(summary = "Where the plan's confirmation to the customer stands",
            description = "Every staff role. channel EMAIL (the letter attached) or PAPER (print batches; an e-mail refused for good goes "
                    + "on paper once); status PENDING (retried with backoff until the deadline), DONE (sentAt; handedToPrintAt when its "
                    + "print batch closed) or FAILED (lastError: e.g. neither e-mail nor postal address). 404 when no confirmation was queued.")
    @GetMapping("/api/v1/instalment-plans/{planId}/confirmation")
    PlanLetterDelivery.Confirmation confirmation(@PathVariable String planId) {
        long id = plan(planId);
        return letters.confirmation(id).orElseThrow(() -> new NotFoundException("instalment plan confirmation", id));
    }

    @Operation(summary = "The plan's confirmation letter (PDF) as it was sent", description = "404 until it has been made.")
    @GetMapping(value = "/api/v1/instalment-plans/{planId}/confirmation/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable String planId) {
        long id = plan(planId);
        byte[] pdf = letters.letter(id).orElseThrow(() -> new NotFoundException("instalment plan letter", id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    record SendRound(int attempted) {
    }

    @Operation(summary = "Send the due plan confirmations now (the delivery schedule does it every half minute)",
            description = "Billing and admin.")
    @PostMapping("/api/v1/instalment-plans/confirmations/sends")
    SendRound sendDue() {
        return new SendRound(letters.sendDue(100));
    }
}
