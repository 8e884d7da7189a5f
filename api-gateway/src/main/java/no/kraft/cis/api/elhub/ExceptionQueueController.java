package no.kraft.cis.api.elhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import no.kraft.cis.elhub.ExceptionQueue;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Elhub")
@RestController
class ExceptionQueueController {

    private final ObjectProvider<ExceptionQueue> queue;

    ExceptionQueueController(ObjectProvider<ExceptionQueue> queue) {
        this.queue = queue;
    }

    record Resolution(String comment) {
    }

    @Operation(summary = "The exception queue: Elhub refusals, data conflicts and unanswered commands, newest first",
            description = "Filtered by status, kind and/or metering point; national IDs and e-mail addresses in the texts are masked.")
    @GetMapping("/api/v1/elhub/work-items")
    List<WorkItem> list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String meteringPointId, @RequestParam(defaultValue = "100") int limit) {
        WorkItem.Status wanted = status == null ? null : FieldValidation.parse("status", () -> no.kraft.cis.api.RequestValues.oneOf(WorkItem.Status.class, status, "status.unknown"));
        WorkItem.Kind ofKind = kind == null ? null : FieldValidation.parse("kind", () -> no.kraft.cis.api.RequestValues.oneOf(WorkItem.Kind.class, kind, "kind.unknown"));
        String point = meteringPointId == null ? null : FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId)).value();
        return Elhub.required(queue).list(wanted, ofKind, point, Math.max(1, Math.min(limit, 500)));
    }

    @Operation(summary = "One work item with the full request and answer (national IDs and e-mail addresses masked)")
    @GetMapping("/api/v1/elhub/work-items/{id}")
    WorkItem get(@PathVariable long id) {
        return Elhub.required(queue).get(id);
    }

    @Operation(summary = "Retry: send the command again, or sync the metering point again from Elhub")
    @PostMapping("/api/v1/elhub/work-items/{id}/retry")
    WorkItem retry(@PathVariable long id, Principal caller) {
        return Elhub.required(queue).retry(id, caller.getName());
    }

    @Operation(summary = "Resolve with a comment (what was done outside the system)")
    @PostMapping("/api/v1/elhub/work-items/{id}/resolve")
    WorkItem resolve(@PathVariable long id, @RequestBody Resolution resolution, Principal caller) {
        return Elhub.required(queue).resolve(id, resolution.comment(), caller.getName());
    }
}
