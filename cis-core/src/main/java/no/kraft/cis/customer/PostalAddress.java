package no.kraft.cis.customer;

import java.util.Locale;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Where a customer's letters go (postadresse). Norwegian postcodes have four digits; other countries are taken as
 * written.
 *
 * @param countryCode ISO 3166-1 alpha-2, {@code NO} when not given
 */
public record PostalAddress(String street, String postcode, String city, String countryCode) {

    public PostalAddress {
        countryCode = countryCode == null || countryCode.isBlank() ? "NO" : countryCode.strip().toUpperCase(Locale.ROOT);
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new InvalidValueException("address.countryCode", "must be an ISO 3166 two-letter country code");
        }
        if (street == null || street.isBlank() || street.length() > 200) {
            throw new InvalidValueException("address.street", "street and number must be present (at most 200 characters)");
        }
        if (city == null || city.isBlank() || city.length() > 100) {
            throw new InvalidValueException("address.city", "city must be present (at most 100 characters)");
        }
        if (postcode == null || ("NO".equals(countryCode) ? !postcode.matches("\\d{4}") : !postcode.matches("[A-Za-z0-9 \\-]{2,10}"))) {
            throw new InvalidValueException("address.postcode", "NO".equals(countryCode)
                    ? "a Norwegian postcode has four digits" : "postcode must be 2–10 letters or digits");
        }
        street = street.strip();
        city = city.strip();
    }
}
