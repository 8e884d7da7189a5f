package no.kraft.cis.customerview;

import no.kraft.cis.customer.CustomerKind;

/**
 * A customer as a line in a list: enough to pick the right one, no full national ID (only the masked form, birth-date
 * digits kept).
 */
public record CustomerSummary(
        long customerNumber,
        CustomerKind kind,
        String name,
        String maskedNationalId,
        String organisationNumber,
        String email,
        String mobile,
        String city) {
}
