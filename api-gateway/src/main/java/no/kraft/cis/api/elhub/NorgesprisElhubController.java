package no.kraft.cis.api.elhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.elhub.exchange.IntegrationLog;
import no.kraft.cis.elhub.norgespris.NorgesprisOrders;
import no.kraft.cis.elhub.norgespris.NorgesprisSync;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.elhub.outbox.OutboxRelay;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Elhub", description = "Norgespris in Elhub (sync, order, cancel), the outbox, the exception queue, the integration log, BRS-NO-611")
@RestController
class NorgesprisElhubController {

    private final ObjectProvider<NorgesprisSync> sync;
    private final ObjectProvider<NorgesprisOrders> orders;
    private final ObjectProvider<Outbox> outbox;
    private final ObjectProvider<OutboxRelay> relay;
    private final ObjectProvider<IntegrationLog> log;

    NorgesprisElhubController(ObjectProvider<NorgesprisSync> sync, ObjectProvider<NorgesprisOrders> orders, ObjectProvider<Outbox> outbox,
            ObjectProvider<OutboxRelay> relay, ObjectProvider<IntegrationLog> log) {
        this.sync = sync;
        this.orders = orders;
        this.outbox = outbox;
        this.relay = relay;
        this.log = log;
    }

    record SyncRequest(List<String> meteringPointIds) {
    }

    record OrderRequest(LocalDate startDate) {
    }

    record Delivery(int attempted) {
    }

    @Operation(summary = "Run the Norgespris delta sync now",
            description = "What the nightly job does: contracts changed in Elhub since the watermark → property 888 (900 and segments follow).")
    @PostMapping("/api/v1/elhub/norgespris-sync")
    NorgesprisSync.Result syncChanged() {
        return Elhub.required(sync).syncChanged();
    }

    @Operation(summary = "Sync Norgespris from Elhub for given metering points (asked for 21 at a time)")
    @PostMapping("/api/v1/elhub/norgespris-sync/metering-points")
    NorgesprisSync.Result syncPoints(@RequestBody SyncRequest request) {
        if (request.meteringPointIds() == null || request.meteringPointIds().isEmpty()) {
            throw ValidationFailedException.of("meteringPointIds", "required", "name at least one metering point");
        }
        List<String> ids = request.meteringPointIds().stream()
                .map(id -> FieldValidation.parse("meteringPointIds", () -> new MeteringPointId(id)).value()).toList();
        return Elhub.required(sync).syncMeteringPoints(ids);
    }

    @Operation(summary = "Order Norgespris in Elhub for a metering point",
            description = "Behind cis.elhub.norgespris.ordering-enabled. Sets 888 = 0 from the start date and queues the command; "
                    + "the relay delivers it (Initiated → 888 = 1; refused → 888 = −1 and a work item).")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/norgespris/order")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Command order(@PathVariable String meteringPointId, @RequestBody OrderRequest request, Principal caller) {
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        if (request.startDate() == null) {
            throw ValidationFailedException.of("startDate", "required", "the first day of Norgespris");
        }
        return Elhub.required(orders).order(id, request.startDate(), caller.getName());
    }

    @Operation(summary = "Cancel Norgespris in Elhub for a metering point (888 = 2 while waiting)")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/norgespris/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Command cancel(@PathVariable String meteringPointId, Principal caller) {
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        return Elhub.required(orders).cancel(id, caller.getName());
    }

    @Operation(summary = "Send a command Elhub refused (888 = −1) again")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/norgespris/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Command resend(@PathVariable String meteringPointId, Principal caller) {
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        return Elhub.required(orders).resend(id, caller.getName());
    }

    @Operation(summary = "The Elhub commands for a metering point, newest first")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/elhub-commands")
    List<Command> commands(@PathVariable String meteringPointId) {
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        return Elhub.required(outbox).forMeteringPoint(id.value());
    }

    @Operation(summary = "Deliver the outbox's due commands now", description = "What the relay does every few seconds.")
    @PostMapping("/api/v1/elhub/outbox/deliveries")
    Delivery deliver() {
        return new Delivery(Elhub.required(relay).deliverDue(100));
    }

    @Operation(summary = "The integration log for a metering point (personal data masked), newest first")
    @GetMapping("/api/v1/elhub/exchanges")
    List<IntegrationLog.Exchange> exchanges(@RequestParam(required = false) String meteringPointId,
            @RequestParam(defaultValue = "50") int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        if (meteringPointId == null) {
            return Elhub.required(log).latest(bounded);
        }
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        return Elhub.required(log).forMeteringPoint(id.value(), bounded);
    }
}
