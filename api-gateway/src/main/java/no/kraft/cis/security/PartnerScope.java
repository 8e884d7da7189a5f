package no.kraft.cis.security;

import java.util.Arrays;
import java.util.List;

/**
 * What a partner token may do in the partner API ({@code /api/v1/partner/**}), carried in the token's {@code scope}
 * claim. A partner sees only what its scopes allow; staff tokens need no scope there.
 */
public enum PartnerScope {
    /** Find accounts, confirm a date of birth, grid operator, contracts, add-on products. */
    ACCOUNTS_READ("accounts:read"),
    /** Change the account's e-mail address. */
    ACCOUNTS_WRITE("accounts:write"),
    /** Balance, bills, payment-arrangement options. */
    BILLING_READ("billing:read"),
    /** Submit a payment arrangement. */
    BILLING_WRITE("billing:write"),
    /** Order add-on products and move-ins. */
    ORDERS_WRITE("orders:write"),
    /** Work orders (cases) and the contact log. */
    CASES_WRITE("cases:write");

    private final String value;

    PartnerScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The Spring Security authority for the scope. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static List<String> all() {
        return Arrays.stream(values()).map(PartnerScope::value).toList();
    }
}
