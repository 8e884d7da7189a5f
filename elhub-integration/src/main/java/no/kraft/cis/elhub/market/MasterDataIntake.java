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
import no.kraft.cis.meteringpoint.MeteringResolution;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.NotFoundException;

/**
 * The grid company's (or Elhub's) master data of a metering point, {@code NotifyMeteringPointCharacteristics}
 * (BRS-NO-302/303/305/402): what we hold of it becomes a new version of the point's dated characteristics from
 * {@code StartOfOccurrence} — the reading resolution ({@code MeterReadingOccurrence} PT15M / PT60M), the installation
 * address ({@code MPAddressMeteringPointAddress}; the municipality kept) and the VAT code (S standard, E exempt) — through
 * {@link MeteringPointService#changeCharacteristics}, which raises a recalculation need when the change reaches into an
 * invoiced period. What Elhub sends and we do not model (grid area, settlement method, meter, coordinates, expected
 * annual consumption) is left; the price area and the grid company follow a grid-area change only by hand (the message
 * names the grid area, and we hold no grid-area table yet). The same data again changes nothing.
 */
public class MasterDataIntake extends FieldsHandler {

    private final MeteringPointService meteringPoints;

    public MasterDataIntake(MeteringPointService meteringPoints) {
        super("masterdata", "NotifyMeteringPointCharacteristics");
        this.meteringPoints = meteringPoints;
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
        if (changed.isEmpty()) {
            return "master data of " + point + " from " + day + ": as we hold it, nothing changed";
        }
        Characteristics next = new Characteristics(now.priceArea(), now.gridOwner(), address, now.endUserGroup(), now.industryCode(), resolution,
                vatExempt, now.dwellingUnits());
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
