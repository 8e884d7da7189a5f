package no.kraft.cis.api.elhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.kraft.cis.elhub.market.CustomerInformationUpdates;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What we told Elhub about end users (BRS-NO-301) when their name, address or contact changed here. */
@Tag(name = "Elhub")
@RestController
class CustomerInformationController {

    private final ObjectProvider<CustomerInformationUpdates> updates;

    CustomerInformationController(ObjectProvider<CustomerInformationUpdates> updates) {
        this.updates = updates;
    }

    @Operation(summary = "A metering point's end-user updates to Elhub (BRS-NO-301), newest first",
            description = "One per supplied metering point each time a customer's name, address or contact changes: REQUESTED → SENT "
                    + "→ ACKNOWLEDGED, or REJECTED with Elhub's reason (and a work item), or FAILED when it could not be sent.")
    @GetMapping("/api/v1/elhub/customer-updates")
    List<CustomerInformationUpdates.Update> list(@RequestParam String meteringPointId) {
        MeteringPointId point = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(meteringPointId));
        return Elhub.required(updates).forMeteringPoint(point.value());
    }
}
