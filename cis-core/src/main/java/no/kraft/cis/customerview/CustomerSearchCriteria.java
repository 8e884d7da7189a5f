package no.kraft.cis.customerview;

import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.Email;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.meteringpoint.MeteringPointId;

/**
 * What to look for; every given criterion must match (AND), none given lists all customers.
 *
 * @param name part of the name, case- and accent-insensitive; several words must all occur
 * @param address words of an address (street and number, postcode, place), folded like the name; every word must
 *     occur in the customer's postal address or in the address of one of their metering points (any version)
 */
public record CustomerSearchCriteria(
        String name,
        CustomerNumber customerNumber,
        MobileNumber mobile,
        Email email,
        MeteringPointId meteringPointId,
        NationalId nationalId,
        String address) {

    public static CustomerSearchCriteria all() {
        return new CustomerSearchCriteria(null, null, null, null, null, null, null);
    }
}
