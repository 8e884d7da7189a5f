package no.kraft.cis.api.customer;

import java.time.Instant;
import java.time.LocalDate;
import no.kraft.cis.api.PersonalData;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerIdentity;

/**
 * A customer as the API shows it. {@code nationalId} is in full, and {@code dateOfBirth} present, only for callers
 * allowed to see personal data; others get the masked form.
 */
public record CustomerResponse(
        long customerNumber,
        String kind,
        String name,
        String firstName,
        String lastName,
        String organisationName,
        String organisationNumber,
        String nationalId,
        LocalDate dateOfBirth,
        String email,
        String mobile,
        CustomerBody.AddressBody address,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static CustomerResponse of(Customer c) {
        boolean personal = PersonalData.visibleToCaller();
        String first = null;
        String last = null;
        String orgName = null;
        String orgNumber = null;
        if (c.identity() instanceof CustomerIdentity.Person p) {
            first = p.firstName();
            last = p.lastName();
        } else if (c.identity() instanceof CustomerIdentity.Organisation o) {
            orgName = o.name();
            orgNumber = o.organisationNumber().value();
        }
        return new CustomerResponse(
                c.number().value(), c.kind().name(), c.displayName(), first, last, orgName, orgNumber,
                c.nationalId().map(id -> personal ? id.value() : id.masked()).orElse(null),
                personal ? c.dateOfBirth().orElse(null) : null,
                c.contact().email() == null ? null : c.contact().email().value(),
                c.contact().mobile() == null ? null : c.contact().mobile().value(),
                c.address().map(CustomerBody.AddressBody::of).orElse(null),
                c.version(), c.createdAt(), c.createdBy(), c.updatedAt(), c.updatedBy());
    }
}
