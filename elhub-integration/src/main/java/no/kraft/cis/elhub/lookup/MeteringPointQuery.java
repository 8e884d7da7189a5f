package no.kraft.cis.elhub.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.kraft.cis.customer.NationalId;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;

/**
 * A BRS-NO-611 look-up ("Verifiser grunndata i målepunkt"): verify a metering point by its ID, or find one by the end
 * user's ID (national ID or organisation number) with at least two of postcode / street name / building number, with
 * the metering-point ID, or with the meter number; or by postcode and meter number. The combination and wildcard rules
 * Elhub checks (EH015) are checked here first, so a query Elhub would refuse is never sent: {@code *} only at the end,
 * after at least 2 characters of a postcode, 5 of a street name, 1 of a building number; IDs and meter numbers
 * never take one.
 */
public record MeteringPointQuery(String meteringPointId, String endUserId, String postcode, String streetName, String buildingNumber,
        String meterNumber) {

    /** The search combinations Elhub accepts. */
    public enum Variant {
        VERIFY,
        END_USER_AND_ADDRESS,
        END_USER_AND_METERING_POINT,
        END_USER_AND_METER,
        POSTCODE_AND_METER
    }

    public MeteringPointQuery {
        meteringPointId = blankToNull(meteringPointId);
        endUserId = blankToNull(endUserId);
        postcode = blankToNull(postcode);
        streetName = blankToNull(streetName);
        buildingNumber = blankToNull(buildingNumber);
        meterNumber = blankToNull(meterNumber);
    }

    /** Checks every field and the combination; the variant to send. */
    public Variant validate() {
        List<Violation> violations = new ArrayList<>();
        if (meteringPointId != null) {
            check(violations, "meteringPointId", () -> new MeteringPointId(meteringPointId));
        }
        if (endUserId != null && !endUserId.matches("\\d{9}|\\d{11}")) {
            violations.add(new Violation("endUserId", "lookup.endUserId", "a national ID (11 digits) or an organisation number (9 digits)"));
        } else if (endUserId != null) {
            check(violations, "endUserId", () -> endUserId.length() == 11 ? new NationalId(endUserId) : OrganisationNumber.parse(endUserId));
        }
        wildcard(violations, "postcode", postcode, 2, "\\d{0,4}\\*?");
        wildcard(violations, "streetName", streetName, 5, "[^*]{0,100}\\*?");
        wildcard(violations, "buildingNumber", buildingNumber, 1, "[0-9A-Za-z]{0,6}\\*?");
        if (meterNumber != null && !meterNumber.matches("[0-9A-Za-z-]{1,35}")) {
            violations.add(new Violation("meterNumber", "lookup.meterNumber", "letters, digits and '-', no wildcard, at most 35"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        return variant();
    }

    /** Whether the end user is an organisation (scheme 82) rather than a person (scheme Z01). */
    public boolean endUserIsOrganisation() {
        return endUserId != null && endUserId.length() == 9;
    }

    private Variant variant() {
        long addressParts = Stream.of(postcode, streetName, buildingNumber).filter(p -> p != null).count();
        boolean address = addressParts > 0;
        if (meteringPointId != null && endUserId == null && !address && meterNumber == null) {
            return Variant.VERIFY;
        }
        if (endUserId != null && meteringPointId != null && !address && meterNumber == null) {
            return Variant.END_USER_AND_METERING_POINT;
        }
        if (endUserId != null && meterNumber != null && meteringPointId == null && !address) {
            return Variant.END_USER_AND_METER;
        }
        if (endUserId != null && addressParts >= 2 && meteringPointId == null && meterNumber == null) {
            return Variant.END_USER_AND_ADDRESS;
        }
        if (endUserId == null && postcode != null && meterNumber != null && meteringPointId == null && streetName == null && buildingNumber == null) {
            return Variant.POSTCODE_AND_METER;
        }
        throw ValidationFailedException.of(endUserId == null ? "meteringPointId" : "endUserId", "lookup.combination",
                "give a metering-point ID alone; or an end-user ID with two of postcode/street name/building number, with the "
                        + "metering-point ID, or with the meter number; or a postcode with the meter number");
    }

    private static void wildcard(List<Violation> violations, String field, String value, int before, String shape) {
        if (value == null) {
            return;
        }
        if (!value.matches(shape)) {
            violations.add(new Violation(field, "lookup." + field, "not a valid " + field + (value.indexOf('*') >= 0 ? " ('*' only at the end)" : "")));
        } else if (value.endsWith("*") && value.length() - 1 < before) {
            violations.add(new Violation(field, "lookup.wildcard", "at least " + before + " character(s) before '*'"));
        }
    }

    private static void check(List<Violation> violations, String field, java.util.function.Supplier<?> parse) {
        try {
            parse.get();
        } catch (InvalidValueException e) {
            violations.add(new Violation(field, e.rule(), e.getMessage()));
        } catch (ValidationFailedException e) {
            e.violations().forEach(v -> violations.add(new Violation(field, v.rule(), v.message())));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
