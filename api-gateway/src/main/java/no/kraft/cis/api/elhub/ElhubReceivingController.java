package no.kraft.cis.api.elhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.kraft.cis.elhub.inbound.ElhubReceiving;
import no.kraft.cis.elhub.inbound.PollBatches;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Receiving from Elhub's poll queues (meter values, market processes): a round on demand, and what came in. */
@Tag(name = "Elhub")
@RestController
class ElhubReceivingController {

    private final ObjectProvider<ElhubReceiving> receiving;
    private final ObjectProvider<PollBatches> batches;

    ElhubReceivingController(ObjectProvider<ElhubReceiving> receiving, ObjectProvider<PollBatches> batches) {
        this.receiving = receiving;
        this.batches = batches;
    }

    @Operation(summary = "Receive from Elhub now: poll both queues, store and acknowledge each batch, apply the stored messages",
            description = "Billing and admin. The scheduler does the same every cis.elhub.polling.interval (5 min). Elhub not "
                    + "answering is reported per queue, not as an error: what was stored stays stored.")
    @PostMapping("/api/v1/elhub/polls")
    ElhubReceiving.Round poll() {
        return Elhub.required(receiving).run();
    }

    @Operation(summary = "Business messages received from Elhub, newest first: applied, ignored (not handled yet) or failed")
    @GetMapping("/api/v1/elhub/inbound-messages")
    List<PollBatches.Message> messages(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        PollBatches.Outcome wanted = status == null ? null
                : FieldValidation.parse("status", () -> no.kraft.cis.api.RequestValues.oneOf(PollBatches.Outcome.class, status, "status.unknown"));
        return Elhub.required(batches).messages(wanted, Math.max(1, Math.min(limit, 500)));
    }
}
