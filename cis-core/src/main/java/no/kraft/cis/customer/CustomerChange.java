package no.kraft.cis.customer;

import java.util.Objects;

/**
 * Command: replace a customer's names, contact details and address. The identity number in {@code identity} must be
 * the customer's own — it identifies, it does not change.
 *
 * @param expectedVersion the version the client read; a different current version means someone else changed it
 */
public record CustomerChange(long expectedVersion, CustomerIdentity identity, ContactDetails contact, PostalAddress address) {

    public CustomerChange {
        Objects.requireNonNull(identity, "identity");
        contact = contact == null ? ContactDetails.none() : contact;
    }
}
