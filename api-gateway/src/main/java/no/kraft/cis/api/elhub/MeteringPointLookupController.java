package no.kraft.cis.api.elhub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.lookup.MeteringPointQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Elhub")
@RestController
class MeteringPointLookupController {

    private final ObjectProvider<EmifLookup> lookup;

    MeteringPointLookupController(ObjectProvider<EmifLookup> lookup) {
        this.lookup = lookup;
    }

    @Operation(summary = "Find or verify a metering point in Elhub (BRS-NO-611)",
            description = "Give meteringPointId alone (verify); or endUserId (national ID or organisation number) with two of "
                    + "postcode/streetName/buildingNumber, with meteringPointId, or with meterNumber; or postcode with meterNumber. "
                    + "'*' only at the end: postcode ≥ 2, streetName ≥ 5, buildingNumber ≥ 1 characters before it. A power of "
                    + "attorney or contract with the end user must exist. Answers the candidates with address, grid owner and "
                    + "reading facts; Elhub's refusals (EHxxx) and 'nothing found' (E10) come as 422 with the code.")
    @PostMapping("/api/v1/elhub/metering-point-lookups")
    EmifLookup.Answer lookup(@RequestBody MeteringPointQuery query) {
        return Elhub.required(lookup).query(query);
    }
}
