package no.kraft.cis.meteringpoint;

import no.kraft.cis.rule.InvalidValueException;

/**
 * Where the metering point is (anleggsadresse) — not the customer's postal address.
 *
 * @param municipalityNumber four-digit kommunenummer; its first two digits are the county, which decides VAT exemption
 */
public record InstallationAddress(String street, String postcode, String city, String municipalityNumber) {

    public InstallationAddress {
        if (street == null || street.isBlank() || street.length() > 200) {
            throw new InvalidValueException("address.street", "street and number must be present (at most 200 characters)");
        }
        if (postcode == null || !postcode.matches("\\d{4}")) {
            throw new InvalidValueException("address.postcode", "a Norwegian postcode has four digits");
        }
        if (city == null || city.isBlank() || city.length() > 100) {
            throw new InvalidValueException("address.city", "city must be present (at most 100 characters)");
        }
        if (municipalityNumber != null && !municipalityNumber.matches("\\d{4}")) {
            throw new InvalidValueException("address.municipalityNumber", "a municipality number has four digits");
        }
        street = street.strip();
        city = city.strip();
    }

    /** One line, as on a letter: {@code Storgata 1, 0155 Oslo}. */
    public String oneLine() {
        return street + ", " + postcode + " " + city;
    }

    public String county() {
        return municipalityNumber == null ? null : municipalityNumber.substring(0, 2);
    }
}
