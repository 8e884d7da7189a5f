package no.kraft.cis.meteringpoint;

import java.util.Set;

/**
 * Electricity <em>for household use</em> in Nordland, Troms and Finnmark is exempt from VAT (merverdiavgiftsloven
 * § 6-6): households, holiday homes and the common installations of residential buildings (housing cooperatives).
 * Businesses there pay 25 %. So the default follows the metering point's location — the county part of the municipality
 * number, not the price area (NO4 mostly coincides, but not exactly) — <em>and</em> its use: end-user group 35
 * (household) or 36 (holiday home), or a housing cooperative's industry code. Staff may override it per metering point.
 */
public final class VatExemption {

    /** 18 Nordland, 55 Troms, 56 Finnmark (from 2024), 54 Troms og Finnmark (2020–2023). */
    static final Set<String> EXEMPT_COUNTIES = Set.of("18", "54", "55", "56");

    /**
     * Housing cooperatives and co-owned residential buildings (borettslag, boligsameie): 68.201 in SN2007; SN2025 has no
     * 68.201 and we use 97.001, as chosen in norgespris.md (open) — both count as household use.
     */
    static final Set<String> HOUSING_COOPERATIVE_CODES = Set.of("68.201", "97.001");

    private VatExemption() {
    }

    public static boolean defaultFor(InstallationAddress address, EndUserGroup use, IndustryCode industryCode) {
        return inExemptCounty(address) && householdUse(use, industryCode);
    }

    static boolean inExemptCounty(InstallationAddress address) {
        return address.county() != null && EXEMPT_COUNTIES.contains(address.county());
    }

    /** Household use in the sense of § 6-6: a home, a holiday home, or a residential building's common installation. */
    static boolean householdUse(EndUserGroup use, IndustryCode industryCode) {
        return use.isHousehold() || use.isHolidayHome()
                || (industryCode != null && HOUSING_COOPERATIVE_CODES.contains(industryCode.code()));
    }
}
