package no.kraft.cis.elhub.market;

import java.time.LocalDate;

/**
 * What we ask Elhub: supply {@code meteringPointId} from {@code startDate} (Norwegian midnight) for this end user.
 *
 * @param endUserId national ID (11 digits, scheme Z01) or organisation number (9 digits, scheme 82)
 * @param name the organisation's name; for a person {@code givenName} and {@code familyName}
 * @param address the end user's postal address (sent as {@code postaladr})
 */
public record SupplyStart(ProcessKind kind, String meteringPointId, LocalDate startDate, String endUserId, String name, String givenName,
        String familyName, Address address) {

    /** An address as EMIF carries it. */
    public record Address(String streetName, String buildingNumber, String postcode, String city) {

        private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^(.*\\D)\\s+(\\d+\\s?[A-Za-z]?)$");

        /** Our one-line street ("Storgata 12B") split the way EMIF wants it: street name, building number. */
        public static Address of(String street, String postcode, String city) {
            String s = street == null ? "" : street.strip();
            java.util.regex.Matcher m = NUMBERED.matcher(s);
            return m.matches() ? new Address(m.group(1).strip(), m.group(2).replace(" ", ""), postcode, city)
                    : new Address(s.isEmpty() ? null : s, null, postcode, city);
        }
    }

    public boolean organisation() {
        return endUserId.length() == 9;
    }
}
