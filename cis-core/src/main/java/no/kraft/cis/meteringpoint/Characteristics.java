package no.kraft.cis.meteringpoint;

import java.util.Objects;

/**
 * A metering point's master data (målepunktsegenskaper fra Elhub) as one value; it holds for a period and a change to
 * any part starts a new version.
 *
 * @param industryCode NACE code (næringskode); may be missing for households
 * @param vatExempt whether consumption here is exempt from VAT (see {@link VatExemption})
 * @param dwellingUnits dwelling units (boenheter) behind the meter: 1, or more for a housing cooperative's (borettslag,
 *     sameie) common meter — the strømstøtte cap is 5 000 kWh a month per dwelling unit (forskrift om strømstønad §§ 7, 9, 10)
 * @param profiled the settlement method (avregningsmetode) is profiled (Elhub's E01: no AMS series, period volumes between
 *     meter readings, BRS-NO-312) rather than time-metered (E02); what the end-of-supply send windows count by
 */
public record Characteristics(
        PriceArea priceArea,
        Gln gridOwner,
        InstallationAddress address,
        EndUserGroup endUserGroup,
        IndustryCode industryCode,
        MeteringResolution resolution,
        boolean vatExempt,
        int dwellingUnits,
        boolean profiled) {

    public Characteristics {
        Objects.requireNonNull(priceArea, "priceArea");
        Objects.requireNonNull(gridOwner, "gridOwner");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(endUserGroup, "endUserGroup");
        Objects.requireNonNull(resolution, "resolution");
        if (dwellingUnits < 1 || dwellingUnits > MAX_DWELLING_UNITS) {
            throw new no.kraft.cis.rule.InvalidValueException("dwellingUnits.range",
                    "must be between 1 and " + MAX_DWELLING_UNITS + " (dwelling units behind the meter)");
        }
    }

    /** More dwelling units than the largest Norwegian housing cooperative's common meter is a typing error. */
    public static final int MAX_DWELLING_UNITS = 10_000;

    /**
     * With VAT exemption taken from the address's county and the use ({@link VatExemption}) unless
     * {@code vatExemptOverride} says otherwise, one dwelling unit unless {@code dwellingUnits} says more, and
     * time-metered (a point we register is an AMS point; Elhub's master data may say profiled).
     */
    public static Characteristics of(PriceArea priceArea, Gln gridOwner, InstallationAddress address,
            EndUserGroup endUserGroup, IndustryCode industryCode, MeteringResolution resolution, Boolean vatExemptOverride,
            Integer dwellingUnits) {
        boolean vatExempt = vatExemptOverride != null ? vatExemptOverride
                : VatExemption.defaultFor(address, endUserGroup, industryCode);
        return new Characteristics(priceArea, gridOwner, address, endUserGroup, industryCode, resolution, vatExempt,
                dwellingUnits == null ? 1 : dwellingUnits, false);
    }
}
