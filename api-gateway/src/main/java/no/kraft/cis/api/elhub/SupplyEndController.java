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
import no.kraft.cis.elhub.market.EndOfSupply;
import no.kraft.cis.elhub.market.ProcessKind;
import no.kraft.cis.elhub.market.SupplyEnd;
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

/** End of supply in Elhub (BRS-NO-201 move-out, 202 termination): request it, follow what Elhub answered. */
@Tag(name = "Elhub")
@RestController
class SupplyEndController {

    private final ObjectProvider<EndOfSupply> ends;
    private final ObjectProvider<SupplyProcesses> processes;
    private final CustomerService customers;

    SupplyEndController(ObjectProvider<EndOfSupply> ends, ObjectProvider<SupplyProcesses> processes, CustomerService customers) {
        this.ends = ends;
        this.processes = processes;
        this.customers = customers;
    }

    record MoveOutAddress(@Schema(example = "Nyveien 3B") String street, @Schema(example = "7010") String postcode,
            @Schema(example = "Trondheim") String city) {
    }

    record SupplyEndBody(
            @Schema(description = "MOVE_OUT (BRS-NO-201) or TERMINATION (202)", example = "MOVE_OUT") String kind,
            @Schema(example = "707057500000000018") String meteringPointId,
            @Schema(description = "the first day no longer ours") LocalDate endDate,
            @Schema(example = "1000001") String customerNumber,
            @Schema(description = "a move-out: the end user's new address, where the final invoice goes (required); a termination: "
                    + "the customer's address unless given") MoveOutAddress newAddress) {
    }

    @Operation(summary = "Ask Elhub to end our supply of a metering point from a date",
            description = "Customer service and admin. Checked before sending (400 naming the field): a move-out's new address, the "
                    + "end user; 409 supplyEnd.notOurs unless we supply the point the day before the end; "
                    + "400 supplyEnd.sendWindow when the request can no longer reach Elhub in time (the day before the end for "
                    + "time-metered points, 3 working days for profiled ones) with the earliest end date still possible (its params: endDate, "
                    + "sendBy, earliest, ISO dates). A termination "
                    + "asked before its window opens (4 calendar / 6 working days before) is held (sendFrom) and sent then. 202: stored "
                    + "and queued; ConfirmEndOfSupply ends our delivery on the date (its month's invoice is the final settlement), "
                    + "RejectEndOfSupply closes it with Elhub's reason and a work item. One supply process per point at a time "
                    + "(409 supplyProcess.inProgress).")
    @PostMapping("/api/v1/elhub/supply-ends")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SupplyProcesses.Process request(@RequestBody SupplyEndBody body, Principal caller) {
        FieldValidation check = new FieldValidation();
        ProcessKind kind = check.required("kind", body.kind(),
                () -> no.kraft.cis.api.RequestValues.oneOf(ProcessKind.class, body.kind(), "kind.unknown"));
        MeteringPointId point = check.required("meteringPointId", body.meteringPointId(), () -> new MeteringPointId(body.meteringPointId().strip()));
        CustomerNumber number = check.required("customerNumber", body.customerNumber(), () -> CustomerNumber.parse(body.customerNumber()));
        check.required("endDate", body.endDate(), body::endDate);
        if (kind == ProcessKind.MOVE_OUT && body.newAddress() == null) {
            check.reject("newAddress", "supplyEnd.newAddress", "a move-out needs the end user's new address for the final invoice");
        }
        check.throwIfInvalid();
        Customer customer = customers.get(number);
        SupplyStart.Address address = body.newAddress() != null
                ? SupplyStart.Address.of(body.newAddress().street(), body.newAddress().postcode(), body.newAddress().city())
                : customer.address().map(a -> SupplyStart.Address.of(a.street(), a.postcode(), a.city())).orElse(null);
        SupplyEnd end = switch (customer.identity()) {
            case CustomerIdentity.Person p -> new SupplyEnd(kind, point.value(), body.endDate(), p.nationalId().value(), null, p.firstName(),
                    p.lastName(), address);
            case CustomerIdentity.Organisation o -> new SupplyEnd(kind, point.value(), body.endDate(), o.organisationNumber().value(),
                    o.name(), null, null, address);
        };
        return Elhub.required(ends).request(end, caller.getName());
    }

    @Operation(summary = "Cancel an end of supply of ours before Elhub's cancellation deadline (the customer stays)",
            description = "Customer service and admin. An end still held for its send window was never sent: 200 CANCELLED at once, "
                    + "nothing goes to Elhub. Otherwise 202: the cancellation (RequestEndOfSupply E02 referring to the request, same "
                    + "BRS) is stored and queued → CANCELLING; Elhub confirms it (→ CANCELLED: the deliveries the end had ended run on "
                    + "as before, any final invoice recalculated) or refuses it after the deadline (E47: the end stands, confirmed, "
                    + "with the reason and a work item; a correction is then a rollback). 409 supplyEnd.notCancellable when it is "
                    + "not requested, sent or confirmed, or is a start.")
    @PostMapping("/api/v1/elhub/supply-ends/{id}/cancel")
    org.springframework.http.ResponseEntity<SupplyProcesses.Process> cancel(@PathVariable long id, Principal caller) {
        SupplyProcesses.Process p = Elhub.required(ends).cancel(id, caller.getName());
        return org.springframework.http.ResponseEntity.status(p.status() == SupplyProcesses.Status.CANCELLED ? HttpStatus.OK
                : HttpStatus.ACCEPTED).body(p);
    }

    record EndRollbackBody(@Schema(description = "the error the rollback corrects (Elhub allows a rollback for corrections only)",
            example = "ended the neighbour's metering point by mistake") String reason) {
    }

    @Operation(summary = "Roll back an end of supply Elhub confirmed, after its cancellation deadline (BRS-NO-221, corrections only)",
            description = "Customer service and admin. 202: the rollback (RequestEndOfSupply E02 under BRS-NO-221, referring to the "
                    + "request) is stored and queued → ROLLING_BACK; Elhub confirms it (→ ROLLED_BACK: the deliveries the end had "
                    + "ended run on) or refuses it (before the deadline E47 — cancel instead — back to CONFIRMED with the reason and a "
                    + "work item). 400 rollback.reason without a reason; 409 supplyEnd.notRollbackable unless a CONFIRMED end.")
    @PostMapping("/api/v1/elhub/supply-ends/{id}/rollback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SupplyProcesses.Process rollback(@PathVariable long id, @RequestBody(required = false) EndRollbackBody body, Principal caller) {
        return Elhub.required(ends).rollback(id, body == null ? null : body.reason(), caller.getName());
    }

    @Operation(summary = "Ends of supply, newest first: all, or one metering point's (each one is also at /api/v1/elhub/supply-starts/{id})")
    @GetMapping("/api/v1/elhub/supply-ends")
    List<SupplyProcesses.Process> list(@RequestParam(required = false) String meteringPointId) {
        return list(Elhub.required(processes), meteringPointId, true);
    }

    static List<SupplyProcesses.Process> list(SupplyProcesses processes, String meteringPointId, boolean ending) {
        List<SupplyProcesses.Process> all = meteringPointId == null ? processes.latest(200)
                : processes.forMeteringPoint(FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId)).value());
        return all.stream().filter(p -> p.kind().ending() == ending).limit(100).toList();
    }
}
