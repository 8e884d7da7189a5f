package no.kraft.cis.api.meteringpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.api.Pages;
import no.kraft.cis.api.meteringpoint.MeteringPointBodies.CharacteristicsBody;
import no.kraft.cis.api.meteringpoint.MeteringPointBodies.EndPropertyBody;
import no.kraft.cis.api.meteringpoint.MeteringPointBodies.GridOwnerBody;
import no.kraft.cis.api.meteringpoint.MeteringPointBodies.PropertyBody;
import no.kraft.cis.api.meteringpoint.MeteringPointResponse.GridOwnerResponse;
import no.kraft.cis.customerview.PageOf;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.Gln;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.NewMeteringPoint;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Metering points", description = "Metering points (målepunkter), their dated master data and properties 888/870/900")
@RestController
class MeteringPointController {

    private final MeteringPointService meteringPoints;
    private final Clock clock;

    MeteringPointController(MeteringPointService meteringPoints, Clock clock) {
        this.meteringPoints = meteringPoints;
        this.clock = clock;
    }

    @Operation(summary = "Register a metering point with its master data from a date")
    @PostMapping("/api/v1/metering-points")
    ResponseEntity<MeteringPointResponse> register(@RequestBody CharacteristicsBody body) {
        FieldValidation check = new FieldValidation();
        MeteringPointId id = check.required("meteringPointId", body.meteringPointId(),
                () -> new MeteringPointId(body.meteringPointId().strip()));
        Characteristics characteristics = body.characteristics(check);
        check.throwIfInvalid();
        MeteringPoint point = meteringPoints.register(new NewMeteringPoint(id, body.validFrom(), characteristics));
        return ResponseEntity.created(URI.create("/api/v1/metering-points/" + id)).body(view(point));
    }

    @Operation(summary = "List metering points", description = "Ordered by metering-point ID.")
    @GetMapping("/api/v1/metering-points")
    PageOf<MeteringPointResponse> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pages pages = Pages.of(page, size);
        Page<MeteringPoint> result = meteringPoints.list(pages.page(), pages.size());
        return new PageOf<>(result.getContent().stream().map(this::view).toList(), pages.page(), pages.size(),
                result.getTotalElements());
    }

    @Operation(summary = "Get a metering point with current values and full history")
    @GetMapping("/api/v1/metering-points/{meteringPointId}")
    MeteringPointResponse get(@PathVariable String meteringPointId) {
        return view(meteringPoints.get(id(meteringPointId)));
    }

    @Operation(summary = "Record changed master data from a date",
            description = "Closes the current version the day before validFrom. validFrom cannot be before the latest version's start.")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/characteristics")
    MeteringPointResponse changeCharacteristics(@PathVariable String meteringPointId, @RequestBody CharacteristicsBody body) {
        MeteringPointId id = id(meteringPointId);
        FieldValidation check = new FieldValidation();
        Characteristics characteristics = body.characteristics(check);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return view(meteringPoints.changeCharacteristics(id, body.version(), body.validFrom(), characteristics));
    }

    @Operation(summary = "Set a property (888, 870, 900) from a date",
            description = "888 follows its state machine (409 property.888.transition otherwise); 888 = -1 needs the error text in note. "
                    + "900 is the billing role's.")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/properties/{code}")
    MeteringPointResponse setProperty(@PathVariable String meteringPointId, @PathVariable int code, @RequestBody PropertyBody body) {
        MeteringPointId id = id(meteringPointId);
        FieldValidation check = new FieldValidation();
        PropertyCode property = check.field("code", () -> PropertyCode.ofCode(code));
        check.required("value", body.value(), body::value);
        check.required("validFrom", body.validFrom(), body::validFrom);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return view(meteringPoints.setProperty(id, body.version(), property, body.value(), blankToNull(body.note()),
                body.validFrom()));
    }

    @Operation(summary = "End a property's current value without a successor (e.g. 888 when the agreement expired)")
    @PostMapping("/api/v1/metering-points/{meteringPointId}/properties/{code}/end")
    MeteringPointResponse endProperty(@PathVariable String meteringPointId, @PathVariable int code, @RequestBody EndPropertyBody body) {
        MeteringPointId id = id(meteringPointId);
        FieldValidation check = new FieldValidation();
        PropertyCode property = check.field("code", () -> PropertyCode.ofCode(code));
        check.required("validTo", body.validTo(), body::validTo);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return view(meteringPoints.endProperty(id, body.version(), property, body.validTo()));
    }

    @Tag(name = "Reference data")
    @Operation(summary = "List grid owners")
    @GetMapping("/api/v1/grid-owners")
    List<GridOwnerResponse> gridOwners() {
        return meteringPoints.gridOwners().stream().map(GridOwnerResponse::of).toList();
    }

    @Tag(name = "Reference data")
    @Operation(summary = "Register a grid owner", description = "Admin only.")
    @PostMapping("/api/v1/grid-owners")
    ResponseEntity<GridOwnerResponse> registerGridOwner(@RequestBody GridOwnerBody body) {
        FieldValidation check = new FieldValidation();
        Gln gln = check.required("gln", body.gln(), () -> new Gln(body.gln().strip()));
        check.required("name", body.name(), body::name);
        check.throwIfInvalid();
        return ResponseEntity.created(URI.create("/api/v1/grid-owners/" + gln))
                .body(GridOwnerResponse.of(meteringPoints.registerGridOwner(gln, body.name())));
    }

    private MeteringPointResponse view(MeteringPoint point) {
        LocalDate today = NorwegianTime.today(clock);
        var gridOwner = point.characteristicsAsOf(today)
                .flatMap(v -> meteringPoints.gridOwner(v.characteristics().gridOwner()));
        return MeteringPointResponse.of(point, today, gridOwner);
    }

    private static MeteringPointId id(String raw) {
        return FieldValidation.parse("meteringPointId", () -> new MeteringPointId(raw));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
