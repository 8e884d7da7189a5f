package no.kraft.cis.api.meteringpoint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.CharacteristicsVersion;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.GridOwner;
import no.kraft.cis.meteringpoint.IndustryCodeList;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.NorgesprisStatus;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.meteringpoint.PropertyValue;

/** A metering point with its current master data and properties, and their full history. */
public record MeteringPointResponse(
        String meteringPointId,
        LocalDate asOf,
        CharacteristicsResponse characteristics,
        GridOwnerResponse gridOwner,
        Map<String, PropertyResponse> properties,
        List<CharacteristicsResponse> characteristicsHistory,
        Map<String, List<PropertyResponse>> propertyHistory,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public record GridOwnerResponse(String gln, String name) {
        public static GridOwnerResponse of(GridOwner owner) {
            return new GridOwnerResponse(owner.gln().value(), owner.name());
        }
    }

    public record AddressResponse(String street, String postcode, String city, String municipalityNumber) {
    }

    public record CharacteristicsResponse(
            LocalDate validFrom,
            LocalDate validTo,
            String priceArea,
            String gridOwnerGln,
            AddressResponse address,
            String endUserGroup,
            String endUserGroupDescription,
            String industryCode,
            String industryCodeName,
            String resolution,
            boolean vatExempt,
            int dwellingUnits,
            @io.swagger.v3.oas.annotations.media.Schema(description = "settlement method profiled (Elhub E01: period volumes, BRS-NO-312) rather than time-metered (E02)")
            boolean profiled,
            String changedBy,
            Instant changedAt) {

        public static CharacteristicsResponse of(CharacteristicsVersion v) {
            Characteristics c = v.characteristics();
            String industryName = c.industryCode() == null ? null
                    : IndustryCodeList.standard().name(c.industryCode(), v.period().from()).orElse(null);
            return new CharacteristicsResponse(v.period().from(), v.period().to(), c.priceArea().name(),
                    c.gridOwner().value(),
                    new AddressResponse(c.address().street(), c.address().postcode(), c.address().city(),
                            c.address().municipalityNumber()),
                    c.endUserGroup().code(), c.endUserGroup().description(),
                    c.industryCode() == null ? null : c.industryCode().code(), industryName,
                    c.resolution().iso(), c.vatExempt(), c.dwellingUnits(), c.profiled(), v.updatedBy(), v.updatedAt());
        }
    }

    public record PropertyResponse(int code, int value, String meaning, String note, LocalDate validFrom,
            LocalDate validTo, String changedBy, Instant changedAt) {

        public static PropertyResponse of(PropertyValue v) {
            String meaning = v.code() == PropertyCode.NORGESPRIS
                    ? NorgesprisStatus.ofCode(v.value()).name()
                    : CompensationClass.ofCode(v.value(), v.code()).name();
            return new PropertyResponse(v.code().code(), v.value(), meaning, v.note(), v.period().from(),
                    v.period().to(), v.updatedBy(), v.updatedAt());
        }
    }

    public static MeteringPointResponse of(MeteringPoint point, LocalDate today, Optional<GridOwner> gridOwner) {
        List<CharacteristicsVersion> versions = point.characteristicsVersions();
        CharacteristicsResponse current = point.characteristicsAsOf(today).map(CharacteristicsResponse::of).orElse(null);
        Map<String, PropertyResponse> properties = new LinkedHashMap<>();
        Map<String, List<PropertyResponse>> history = new LinkedHashMap<>();
        for (PropertyCode code : PropertyCode.values()) {
            point.propertyOn(code, today).ifPresent(v -> properties.put(String.valueOf(code.code()), PropertyResponse.of(v)));
            history.put(String.valueOf(code.code()), point.propertyValues(code).stream().map(PropertyResponse::of).toList());
        }
        return new MeteringPointResponse(point.meteringPointId().value(), today, current,
                gridOwner.map(GridOwnerResponse::of).orElse(null), properties,
                versions.stream().map(CharacteristicsResponse::of).toList(), history,
                point.version(), point.createdAt(), point.createdBy(), point.updatedAt(), point.updatedBy());
    }
}
