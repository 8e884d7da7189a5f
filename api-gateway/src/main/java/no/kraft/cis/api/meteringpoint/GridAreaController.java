package no.kraft.cis.api.meteringpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.meteringpoint.GridAreas;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Grid areas (nettområder) and their price areas, dated: how Elhub's grid area becomes a metering point's price area. */
@Tag(name = "Reference data")
@RestController
class GridAreaController {

    private final GridAreas gridAreas;

    GridAreaController(GridAreas gridAreas) {
        this.gridAreas = gridAreas;
    }

    record GridAreaBody(@Schema(example = "50Y0000000000001") String eic, @Schema(example = "Eksempel nett, Oslo") String name,
            @Schema(example = "NO1") String priceArea, LocalDate validFrom) {
    }

    @Operation(summary = "Grid areas and the price area each lies in, by grid area and date")
    @GetMapping("/api/v1/grid-areas")
    List<GridAreas.GridArea> list() {
        return gridAreas.list();
    }

    @Operation(summary = "A grid area lies in a price area from a date", description = "Admin only. The row in force then ends the day "
            + "before; 409 gridArea.history for a date on or before the grid area's latest row (history is not rewritten). Elhub's "
            + "master data naming a grid area not held here fails until it is added (the message is then retried).")
    @PostMapping("/api/v1/grid-areas")
    ResponseEntity<GridAreas.GridArea> set(@RequestBody GridAreaBody body, Principal caller) {
        PriceArea area = body.priceArea() == null ? null : FieldValidation.parse("priceArea", () -> PriceArea.parse(body.priceArea()));
        GridAreas.GridArea set = gridAreas.set(body.eic(), body.name(), area, body.validFrom(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/grid-areas")).body(set);
    }
}
