package no.kraft.cis.meteringpoint;

import java.util.Set;

/**
 * Households in Nordland, Troms and Finnmark pay no VAT on electricity. Exemption follows the metering point's
 * location, not its price area (NO4 mostly coincides, but not exactly), so it is a dated attribute of the metering
 * point whose default comes from the county part of the municipality number. Staff may override it per metering point.
 */
public final class VatExemption {

    /** 18 Nordland, 55 Troms, 56 Finnmark (from 2024), 54 Troms og Finnmark (2020–2023). */
    static final Set<String> EXEMPT_COUNTIES = Set.of("18", "54", "55", "56");

    private VatExemption() {
    }

    public static boolean defaultFor(InstallationAddress address) {
        return address.county() != null && EXEMPT_COUNTIES.contains(address.county());
    }
}
