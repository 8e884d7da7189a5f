package no.kraft.cis.security;

import java.util.Arrays;
import java.util.Optional;

/** Who may call what. A token carries role names in its {@code roles} claim (configurable). */
public enum Role {
    /** Customer-service staff: full customer data, maintain customers, contracts and metering points. */
    CUSTOMER_SERVICE("customer-service"),
    /** Billing staff and jobs: read everything, set settled compensation (900); personal data masked. */
    BILLING("billing"),
    /** Integration partners (web shop, sales partners, AI agent): read; personal data masked. */
    PARTNER("partner"),
    /** Administrators: everything, including reference data such as grid owners. */
    ADMIN("admin");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    /** The Spring Security role name ({@code hasRole} adds the {@code ROLE_} prefix). */
    public String roleName() {
        return name();
    }

    public static Optional<Role> ofClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(value)).findFirst();
    }
}
