package no.kraft.cis.meteringpoint;

import java.util.Objects;

/**
 * A metering point's master data (målepunktsegenskaper fra Elhub) as one value; it holds for a period and a change to
 * any part starts a new version.
 *
 * @param industryCode NACE code (næringskode); may be missing for households
 * @param vatExempt whether consumption here is exempt from VAT (see {@link VatExemption})
 */
public record Characteristics(
        PriceArea priceArea,
        Gln gridOwner,
        InstallationAddress address,
        EndUserGroup endUserGroup,
        IndustryCode industryCode,
        MeteringResolution resolution,
        boolean vatExempt) {

    public Characteristics {
        Objects.requireNonNull(priceArea, "priceArea");
        Objects.requireNonNull(gridOwner, "gridOwner");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(endUserGroup, "endUserGroup");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** With VAT exemption taken from the address's county unless {@code vatExemptOverride} says otherwise. */
    public static Characteristics of(PriceArea priceArea, Gln gridOwner, InstallationAddress address,
            EndUserGroup endUserGroup, IndustryCode industryCode, MeteringResolution resolution, Boolean vatExemptOverride) {
        boolean vatExempt = vatExemptOverride != null ? vatExemptOverride : VatExemption.defaultFor(address);
        return new Characteristics(priceArea, gridOwner, address, endUserGroup, industryCode, resolution, vatExempt);
    }
}
