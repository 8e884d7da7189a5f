package no.kraft.cis.elhub.market;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.InstallationAddress;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.IndustryCode;
import no.kraft.cis.meteringpoint.MeteringResolution;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.NotFoundException;

/**
 * The grid company's (or Elhub's) master data of a metering point, {@code NotifyMeteringPointCharacteristics}
 * (BRS-NO-302/303/305/402): what we hold of it becomes a new version of the point's dated characteristics from
 * {@code StartOfOccurrence} — the reading resolution ({@code MeterReadingOccurrence} PT15M / PT60M), the installation
 * address ({@code MPAddressMeteringPointAddress}; the municipality kept), the VAT code (S standard, E exempt), the price
 * area through the grid area ({@code MeteringGridAreaUsedDomainLocation}, looked up in the dated grid-area table; an
 * unknown grid area fails the message) and the NACE division ({@code NACE_DivisionCode}; our more precise code in the
 * same division is kept) — through {@link MeteringPointService#changeCharacteristics}, which raises a recalculation need
 * when the change reaches into an invoiced period; and the settlement method ({@code SettlementMethodType} E01 profiled,
 * E02 time-metered; Z01, whose meaning Elhub's documents do not give, changes nothing). What Elhub sends and we do not
 * model (meter, coordinates, expected annual consumption, the Enova and consumption-tax profile — our tariffs carry those) is left.
 * The same data again changes nothing.
 */
public class MasterDataIntake extends FieldsHandler {

    private final MeteringPointService meteringPoints;
    private final no.kraft.cis.meteringpoint.GridAreas gridAreas;

    public MasterDataIntake(MeteringPointService meteringPoints, no.kraft.cis.meteringpoint.GridAreas gridAreas) {
        super("masterdata", "NotifyMeteringPointCharacteristics");
        this.meteringPoints = meteringPoints;
        this.gridAreas = gridAreas;
    }

    @Override
    public String apply(MessageFields m) {
        String point = meteringPoint(m);
        String start = m.first("StartOfOccurrence");
        if (point == null || start == null) {
            throw new InvalidMessage("notify.incomplete", "NotifyMeteringPointCharacteristics without metering point or StartOfOccurrence");
        }
        LocalDate day = OffsetDateTime.parse(start).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
        MeteringPoint mp;
        try {
            mp = meteringPoints.get(new MeteringPointId(point));
        } catch (NotFoundException unknown) {
            throw new InvalidMessage("meteringPoint.unknown", "master data for " + point + ", which is not registered here");
        }
        Characteristics now = mp.characteristicsAsOf(day).orElseThrow(() -> new InvalidMessage("meterValue.outsideRegistration",
                point + " has no registered master data on " + day + " to change")).characteristics();
        List<String> changed = new ArrayList<>();
        MeteringResolution resolution = switch (m.first("MeterReadingOccurrence") == null ? "" : m.first("MeterReadingOccurrence")) {
            case "PT15M" -> MeteringResolution.QUARTER_HOURLY;
            case "PT60M", "PT1H" -> MeteringResolution.HOURLY;
            default -> now.resolution();
        };
        if (resolution != now.resolution()) {
            changed.add("resolution " + now.resolution() + " → " + resolution);
        }
        InstallationAddress address = now.address();
        String street = join(m.first("StreetName"), m.first("BuildingNumber"));
        if (street != null && m.first("Postcode") != null && m.first("CityName") != null) {
            InstallationAddress fromElhub = new InstallationAddress(street, m.first("Postcode"), m.first("CityName"),
                    now.address().municipalityNumber());
            if (!fromElhub.equals(now.address())) {
                address = fromElhub;
                changed.add("address → " + street + ", " + fromElhub.postcode() + " " + fromElhub.city());
            }
        }
        boolean vatExempt = now.vatExempt();
        String vat = m.first("VATCode");
        if ("S".equals(vat) || "E".equals(vat)) {
            vatExempt = "E".equals(vat);
            if (vatExempt != now.vatExempt()) {
                changed.add("VAT " + (vatExempt ? "exempt" : "standard"));
            }
        }
        PriceArea priceArea = now.priceArea();
        String gridArea = m.first("MeteringGridAreaUsedDomainLocation/Identification");
        if (gridArea != null) {
            // the grid area decides the price area: one we do not hold fails the message (nothing half-applied) until
            // it is added to the grid-area table and the message retried
            priceArea = gridAreas.priceArea(gridArea, day).orElseThrow(() -> new InvalidMessage("gridArea.unknown", "grid area "
                    + gridArea + " of " + point + " is not in our grid-area table on " + day + ": add it (admin, /api/v1/grid-areas) "
                    + "and retry the message"));
            if (priceArea != now.priceArea()) {
                changed.add("price area " + now.priceArea() + " → " + priceArea + " (grid area " + gridArea + ")");
            }
        }
        boolean profiled = switch (m.first("SettlementMethodType") == null ? "" : m.first("SettlementMethodType").strip()) {
            case "E01" -> true;
            case "E02" -> false;
            default -> now.profiled();
        };
        if (profiled != now.profiled()) {
            changed.add("settlement method " + (profiled ? "profiled (E01)" : "time-metered (E02)"));
        }
        IndustryCode industry = now.industryCode();
        String division = m.first("NACE_DivisionCode");
        if (division != null && division.strip().matches("\\d{2}")
                && (industry == null || !industry.code().startsWith(division.strip()))) {
            // Elhub holds the NACE division only: a more precise code of ours in the same division is kept
            industry = new IndustryCode(division.strip());
            changed.add("NACE division " + division.strip());
        }
        if (changed.isEmpty()) {
            return "master data of " + point + " from " + day + ": as we hold it, nothing changed";
        }
        Characteristics next = new Characteristics(priceArea, now.gridOwner(), address, now.endUserGroup(), industry, resolution,
                vatExempt, now.dwellingUnits(), profiled);
        meteringPoints.changeCharacteristics(mp.meteringPointId(), mp.version(), day, next);
        return "master data of " + point + " from " + day + ": " + String.join("; ", changed);
    }

    private static String join(String street, String building) {
        if (street == null || street.isBlank()) {
            return null;
        }
        return building == null || building.isBlank() ? street.strip() : street.strip() + " " + building.strip();
    }
}
