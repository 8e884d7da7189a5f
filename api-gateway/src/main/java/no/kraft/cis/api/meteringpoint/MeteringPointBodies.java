package no.kraft.cis.api.meteringpoint;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.EndUserGroup;
import no.kraft.cis.meteringpoint.Gln;
import no.kraft.cis.meteringpoint.IndustryCode;
import no.kraft.cis.meteringpoint.InstallationAddress;
import no.kraft.cis.meteringpoint.MeteringResolution;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.rule.FieldValidation;

/** Request bodies of the metering-point API. */
final class MeteringPointBodies {

    private MeteringPointBodies() {
    }

    record InstallationAddressBody(
            @Schema(example = "Storgata 1") String street,
            @Schema(example = "0155") String postcode,
            @Schema(example = "Oslo") String city,
            @Schema(description = "kommunenummer; its county decides the default VAT exemption", example = "0301")
            String municipalityNumber) {
    }

    /**
     * Master data from a date. Used both to register a metering point (with {@code meteringPointId}) and to record a
     * change (with {@code version}).
     */
    record CharacteristicsBody(
            @Schema(example = "707057500012345671") String meteringPointId,
            @Schema(description = "first day these values hold", example = "2026-01-01") LocalDate validFrom,
            @Schema(example = "NO1") String priceArea,
            @Schema(example = "7080005051604") String gridOwnerGln,
            InstallationAddressBody address,
            @Schema(description = "35 household, 36 cabin, others business", example = "35") String endUserGroup,
            @Schema(description = "NACE code; SN2007 before 2025-09-01, SN2025 from then", example = "68.200")
            String industryCode,
            @Schema(allowableValues = {"PT1H", "PT15M"}) String resolution,
            @Schema(description = "omit to take it from the municipality's county and the use (households and holiday "
                    + "homes in Nordland, Troms and Finnmark)") Boolean vatExempt,
            @Schema(description = "dwelling units behind the meter (a housing cooperative's common meter); default 1",
                    example = "1") Integer dwellingUnits,
            Long version) {

        Characteristics characteristics(FieldValidation check) {
            check.required("validFrom", validFrom, () -> validFrom);
            PriceArea area = check.required("priceArea", priceArea, () -> PriceArea.parse(priceArea));
            Gln gridOwner = check.required("gridOwnerGln", gridOwnerGln, () -> new Gln(gridOwnerGln.strip()));
            InstallationAddress installation = address == null ? null : check.field("address",
                    () -> new InstallationAddress(address.street(), address.postcode(), address.city(),
                            address.municipalityNumber()));
            if (address == null) {
                check.reject("address", "required", "must be present");
            }
            EndUserGroup group = check.required("endUserGroup", endUserGroup, () -> new EndUserGroup(endUserGroup));
            IndustryCode industry = check.optional("industryCode", industryCode, () -> new IndustryCode(industryCode));
            MeteringResolution res = check.required("resolution", resolution, () -> MeteringResolution.parse(resolution));
            if (area == null || gridOwner == null || installation == null || group == null || res == null) {
                return null;
            }
            // the range is the value's own rule (Characteristics); only dwellingUnits can break it here
            return check.field("dwellingUnits",
                    () -> Characteristics.of(area, gridOwner, installation, group, industry, res, vatExempt, dwellingUnits));
        }
    }

    record PropertyBody(
            @Schema(description = "888: -1..3, 870/900: 0..3", example = "1") Integer value,
            @Schema(description = "first day of the new value", example = "2026-01-01") LocalDate validFrom,
            @Schema(description = "free text; for 888 = -1 Elhub's error code and text (required)") String note,
            Long version) {
    }

    record EndPropertyBody(@Schema(description = "first day without a value (exclusive end)") LocalDate validTo, Long version) {
    }

    record GridOwnerBody(@Schema(example = "7080005051604") String gln, @Schema(example = "Elvia AS") String name) {
    }
}
