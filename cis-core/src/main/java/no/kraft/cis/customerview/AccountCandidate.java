package no.kraft.cis.customerview;

import java.util.List;
import no.kraft.cis.customer.CustomerKind;

/**
 * A customer account as a partner may see it while finding out who is calling: enough to tell several matches apart
 * (name, postal city and street, where we supply power, masked contact details), never an identity number.
 *
 * @param supplyAddresses installation addresses of the metering points we supply the customer today
 */
public record AccountCandidate(long customerNumber, CustomerKind kind, String name, String postalStreet, String postalCity,
        String maskedEmail, String maskedMobile, List<String> supplyAddresses) {
}
