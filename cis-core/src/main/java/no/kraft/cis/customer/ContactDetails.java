package no.kraft.cis.customer;

/** How to reach a customer; either channel may be missing. */
public record ContactDetails(Email email, MobileNumber mobile) {

    public static ContactDetails none() {
        return new ContactDetails(null, null);
    }
}
