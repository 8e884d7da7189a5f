package no.kraft.cis.api.segment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.contract.ContractNumber;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.segment.Segment;
import no.kraft.cis.segment.SegmentGroup;
import no.kraft.cis.segment.Segments;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Segments", description = "Billing segments (faktureringssegmenter) and memberships of metering points and contracts")
@RestController
class SegmentController {

    private final Segments segments;

    SegmentController(Segments segments) {
        this.segments = segments;
    }

    record SegmentGroupBody(Integer id, String name, Integer sortOrder, String description) {
    }

    record SegmentBody(Integer id, Integer groupId, String name, Integer sortOrder, String description) {
    }

    record SegmentResponse(int id, int groupId, String name, int sortOrder, String description,
            @Schema(description = "DERIVED segments are maintained by the system; MANUAL by staff") String kind) {
        static SegmentResponse of(Segment s) {
            return new SegmentResponse(s.id(), s.groupId(), s.name(), s.sortOrder(), s.description(), s.kind().name());
        }
    }

    record SegmentGroupResponse(int id, String name, int sortOrder, String description, List<SegmentResponse> segments) {
    }

    record MembershipBody(Integer segmentId, LocalDate validFrom, @Schema(description = "exclusive; omit for open-ended") LocalDate validTo) {
    }

    record EndMembershipBody(@Schema(description = "first day outside the segment (exclusive end)") LocalDate validTo) {
    }

    record MembershipResponse(long id, int segmentId, String segmentName, String kind, LocalDate validFrom, LocalDate validTo,
            @Schema(description = "METERING_POINT (direct) or CONTRACT (through the contract that supplies it)") String via) {
        static MembershipResponse of(Segments.Membership m) {
            return new MembershipResponse(m.id(), m.segment().id(), m.segment().name(), m.segment().kind().name(), m.period().from(),
                    m.period().to(), m.meteringPointId() != null ? "METERING_POINT" : "CONTRACT");
        }
    }

    record RefreshResponse(boolean changed, List<MembershipResponse> memberships) {
    }

    @Operation(summary = "List segment groups with their segments")
    @GetMapping("/api/v1/segment-groups")
    List<SegmentGroupResponse> groups() {
        List<Segment> all = segments.segments();
        return segments.groups().stream().map(g -> view(g, all)).toList();
    }

    @Operation(summary = "Define a segment group", description = "Admin only.")
    @PostMapping("/api/v1/segment-groups")
    ResponseEntity<SegmentGroupResponse> defineGroup(@RequestBody SegmentGroupBody body) {
        FieldValidation check = new FieldValidation();
        check.required("id", body.id(), () -> positive(body.id()));
        check.required("name", body.name(), body::name);
        check.throwIfInvalid();
        SegmentGroup group = segments.defineGroup(body.id(), body.name(), body.sortOrder() == null ? 0 : body.sortOrder(),
                body.description());
        return ResponseEntity.created(URI.create("/api/v1/segment-groups/" + group.id())).body(view(group, List.of()));
    }

    @Operation(summary = "Define a manual segment (maintained by staff)", description = "Admin only.")
    @PostMapping("/api/v1/segments")
    ResponseEntity<SegmentResponse> defineSegment(@RequestBody SegmentBody body) {
        FieldValidation check = new FieldValidation();
        check.required("id", body.id(), () -> positive(body.id()));
        check.required("groupId", body.groupId(), body::groupId);
        check.required("name", body.name(), body::name);
        check.throwIfInvalid();
        Segment segment = segments.defineManualSegment(body.id(), body.groupId(), body.name(),
                body.sortOrder() == null ? 0 : body.sortOrder(), body.description());
        return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).body(SegmentResponse.of(segment));
    }

    @Operation(summary = "Segment memberships of a metering point",
            description = "Direct memberships and those through the contracts that supply it.")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/segments")
    List<MembershipResponse> memberships(@PathVariable String meteringPointId) {
        return segments.memberships(meteringPointId(meteringPointId)).stream().map(MembershipResponse::of).toList();
    }

    @Operation(summary = "Add a metering point to a manual segment for a period",
            description = "Derived segments (101–103) are 409. A period inside an invoiced period raises a recalculation need.")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/segments")
    ResponseEntity<MembershipResponse> addToMeteringPoint(@PathVariable String meteringPointId, @RequestBody MembershipBody body) {
        MeteringPointId id = meteringPointId(meteringPointId);
        Period period = membership(body);
        MembershipResponse created = MembershipResponse.of(segments.addToMeteringPoint(id, body.segmentId(), period));
        return ResponseEntity.created(URI.create("/api/v1/segment-memberships/" + created.id())).body(created);
    }

    @Operation(summary = "Add a contract (all its metering points) to a manual segment for a period")
    @PostMapping("/api/v1/contracts/{contractNumber}/segments")
    ResponseEntity<MembershipResponse> addToContract(@PathVariable String contractNumber, @RequestBody MembershipBody body) {
        ContractNumber number = FieldValidation.parse("contractNumber", () -> ContractNumber.parse(contractNumber));
        Period period = membership(body);
        MembershipResponse created = MembershipResponse.of(segments.addToContract(number, body.segmentId(), period));
        return ResponseEntity.created(URI.create("/api/v1/segment-memberships/" + created.id())).body(created);
    }

    @Operation(summary = "End a manual membership", description = "Can shorten, not extend. Ending inside an invoiced period raises "
            + "a recalculation need for the removed days.")
    @PostMapping("/api/v1/segment-memberships/{membershipId}/end")
    MembershipResponse end(@PathVariable long membershipId, @RequestBody EndMembershipBody body) {
        FieldValidation check = new FieldValidation();
        check.required("validTo", body.validTo(), body::validTo);
        check.throwIfInvalid();
        return MembershipResponse.of(segments.end(membershipId, body.validTo()));
    }

    @Operation(summary = "Re-derive the compensation segments (101–103) from property 900",
            description = "Normally automatic when 900 changes; idempotent. Billing and admin.")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/segments/refresh")
    RefreshResponse refresh(@PathVariable String meteringPointId) {
        MeteringPointId id = meteringPointId(meteringPointId);
        boolean changed = segments.refreshCompensationSegments(id);
        return new RefreshResponse(changed, segments.memberships(id).stream().map(MembershipResponse::of).toList());
    }

    private static SegmentGroupResponse view(SegmentGroup g, List<Segment> all) {
        return new SegmentGroupResponse(g.id(), g.name(), g.sortOrder(), g.description(),
                all.stream().filter(s -> s.groupId() == g.id()).map(SegmentResponse::of).toList());
    }

    private static Period membership(MembershipBody body) {
        FieldValidation check = new FieldValidation();
        check.required("segmentId", body.segmentId(), body::segmentId);
        check.required("validFrom", body.validFrom(), body::validFrom);
        Period period = body.validFrom() == null ? null : check.field("validTo", () -> {
            Period p = new Period(body.validFrom(), body.validTo());
            if (p.isEmpty()) {
                throw new InvalidValueException("period.endBeforeStart", "validTo must be after validFrom");
            }
            return p;
        });
        check.throwIfInvalid();
        return period;
    }

    private static int positive(Integer value) {
        if (value <= 0) {
            throw new InvalidValueException("positive", "must be a positive number");
        }
        return value;
    }

    private static MeteringPointId meteringPointId(String raw) {
        return FieldValidation.parse("meteringPointId", () -> new MeteringPointId(raw));
    }
}
