package no.kraft.cis.api.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kraft.cis.billing.classification.CompensationClassification;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing", description = "Compensation classification, settlement, billing runs and invoices")
@RestController
class CompensationClassificationController {

    private final CompensationClassification classification;

    CompensationClassificationController(CompensationClassification classification) {
        this.classification = classification;
    }

    record OneResult(String meteringPointId, boolean changed) {
    }

    @Operation(summary = "Recompute property 900 and the compensation segments of every metering point",
            description = "What the nightly job does (cis.billing.classification.cron). Idempotent.")
    @PostMapping("/api/v1/compensation-classification")
    CompensationClassification.Result runAll() {
        return classification.runAll();
    }

    @Operation(summary = "Recompute property 900 and the compensation segments of one metering point")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/compensation-classification")
    OneResult one(@PathVariable String meteringPointId) {
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        return new OneResult(id.value(), classification.classify(id));
    }
}
