package no.kraft.cis.customer;

import no.kraft.cis.rule.InvalidValueException;

/**
 * Who a customer is: a private person with a national ID, or an organisation with an organisation number. The
 * identity number is fixed for the customer's lifetime; names may change.
 */
public sealed interface CustomerIdentity {

    /** True when {@code other} names the same person or organisation (same national ID / organisation number). */
    default boolean sameIdentityNumber(CustomerIdentity other) {
        return switch (this) {
            case Person person -> other instanceof Person that && that.nationalId().equals(person.nationalId());
            case Organisation org -> other instanceof Organisation that
                    && that.organisationNumber().equals(org.organisationNumber());
        };
    }

    /** A private customer (privatkunde). */
    record Person(NationalId nationalId, String firstName, String lastName) implements CustomerIdentity {
        public Person {
            firstName = requireName("firstName", firstName, 100);
            lastName = requireName("lastName", lastName, 100);
        }
    }

    /** A business customer (bedriftskunde) or other organisation. */
    record Organisation(OrganisationNumber organisationNumber, String name) implements CustomerIdentity {
        public Organisation {
            name = requireName("organisationName", name, 200);
        }
    }

    private static String requireName(String what, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("required", what + " must be present");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException("name.length", what + " has at most " + maxLength + " characters");
        }
        return stripped;
    }
}
