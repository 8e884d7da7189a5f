package no.kraft.cis.customer;

import java.util.Objects;

/** Command: register a customer. The address is optional (a partner may supply it later). */
public record NewCustomer(CustomerIdentity identity, ContactDetails contact, PostalAddress address) {

    public NewCustomer {
        Objects.requireNonNull(identity, "identity");
        contact = contact == null ? ContactDetails.none() : contact;
    }
}
