package no.kraft.cis.api.elhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.elhub.market.ProcessKind;
import no.kraft.cis.elhub.market.StartOfSupply;
import no.kraft.cis.elhub.market.SupplyProcesses;
import no.kraft.cis.elhub.market.SupplyStart;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Start of supply in Elhub (BRS-NO-101/102/103/104): request it for a customer, follow what Elhub answered. */
@Tag(name = "Elhub")
@RestController
class SupplyStartController {

    private final ObjectProvider<StartOfSupply> starts;
    private final ObjectProvider<SupplyProcesses> processes;
    private final CustomerService customers;

    SupplyStartController(ObjectProvider<StartOfSupply> starts, ObjectProvider<SupplyProcesses> processes, CustomerService customers) {
        this.starts = starts;
        this.processes = processes;
        this.customers = customers;
    }

    record SupplyStartBody(
            @Schema(description = "CHANGE_OF_SUPPLIER (BRS-NO-101), MOVE_IN (102), MOVE_IN_BACK_IN_TIME (103), FROM_SUPPLIER_OF_LAST_RESORT (104)",
                    example = "CHANGE_OF_SUPPLIER") String kind,
            @Schema(example = "707057500000000018") String meteringPointId,
            LocalDate startDate,
            @Schema(description = "the end user: their national ID or organisation number, name and postal address go to Elhub",
                    example = "1000001") String customerNumber) {
    }

    @Operation(summary = "Ask Elhub to start our supply of a metering point from a date",
            description = "Customer service and admin. Checked before sending (400 naming the field: a 101/102 start today or later, "
                    + "103/104 at most 30 days back — supplyStart.inThePast, supplyStart.backInTimeWindow, with the dates allowed as params "
                    + "startDate, earliest, latest; the end user's ID, name and address); one start in progress per metering "
                    + "point (409 supplyStart.inProgress). 202: stored and queued; the outbox sends RequestStartOfSupply, and "
                    + "Elhub's confirmation, rejection (with its reason and what to do) and notification after the cancellation "
                    + "deadline come on the poll queue.")
    @PostMapping("/api/v1/elhub/supply-starts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SupplyProcesses.Process request(@RequestBody SupplyStartBody body, Principal caller) {
        FieldValidation check = new FieldValidation();
        ProcessKind kind = check.required("kind", body.kind(),
                () -> no.kraft.cis.api.RequestValues.oneOf(ProcessKind.class, body.kind(), "kind.unknown"));
        MeteringPointId point = check.required("meteringPointId", body.meteringPointId(), () -> new MeteringPointId(body.meteringPointId().strip()));
        CustomerNumber number = check.required("customerNumber", body.customerNumber(), () -> CustomerNumber.parse(body.customerNumber()));
        check.required("startDate", body.startDate(), body::startDate);
        check.throwIfInvalid();
        Customer customer = customers.get(number);
        SupplyStart.Address address = customer.address().map(a -> SupplyStart.Address.of(a.street(), a.postcode(), a.city())).orElse(null);
        SupplyStart start = switch (customer.identity()) {
            case CustomerIdentity.Person p -> new SupplyStart(kind, point.value(), body.startDate(), p.nationalId().value(), null,
                    p.firstName(), p.lastName(), address);
            case CustomerIdentity.Organisation o -> new SupplyStart(kind, point.value(), body.startDate(), o.organisationNumber().value(),
                    o.name(), null, null, address);
        };
        return Elhub.required(starts).request(start, caller.getName());
    }

    @Operation(summary = "Cancel a start of supply still in progress (before Elhub's cancellation deadline)",
            description = "Customer service and admin. 202: the cancellation (RequestStartOfSupply E02 referring to the request) "
                    + "is stored and queued → CANCELLING; Elhub confirms (→ CANCELLED) or refuses it after the deadline (E47: the start "
                    + "stands, with the reason, and a work item). 409 supplyStart.notCancellable when it is not in progress.")
    @PostMapping("/api/v1/elhub/supply-starts/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SupplyProcesses.Process cancel(@PathVariable long id, Principal caller) {
        return Elhub.required(starts).cancel(id, caller.getName());
    }

    record RollbackBody(@Schema(description = "the error the rollback corrects (Elhub allows a rollback for corrections only)",
            example = "switched the neighbour's metering point by mistake") String reason) {
    }

    @Operation(summary = "Roll back a start of supply Elhub has notified (BRS-NO-111, corrections only)",
            description = "Customer service and admin. 202: the rollback (RequestStartOfSupply E02 under BRS-NO-111, referring to the "
                    + "request) is stored and queued → ROLLING_BACK; Elhub confirms (→ ROLLED_BACK: the delivery that began on the start "
                    + "date is withdrawn and any invoiced day of it recalculated) or refuses it (back to NOTIFIED with the reason, and a "
                    + "work item). 400 rollback.reason without a reason; 409 supplyStart.notRollbackable unless NOTIFIED (before that, cancel); "
                    + "409 supplyProcess.inProgress while another process of the metering point runs (our move-out, a new start).")
    @PostMapping("/api/v1/elhub/supply-starts/{id}/rollback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SupplyProcesses.Process rollback(@PathVariable long id, @RequestBody RollbackBody body, Principal caller) {
        return Elhub.required(starts).rollback(id, body == null ? null : body.reason(), caller.getName());
    }

    @Operation(summary = "Starts of supply, newest first: all, or one metering point's")
    @GetMapping("/api/v1/elhub/supply-starts")
    List<SupplyProcesses.Process> list(@RequestParam(required = false) String meteringPointId) {
        return SupplyEndController.list(Elhub.required(processes), meteringPointId, false);
    }

    @Operation(summary = "One supply process (a start or an end) with what Elhub answered")
    @GetMapping("/api/v1/elhub/supply-starts/{id}")
    SupplyProcesses.Process get(@PathVariable long id) {
        return Elhub.required(processes).get(id);
    }
}
