package no.kraft.cis.customer;

import no.kraft.cis.rule.InvalidValueException;

/**
 * A mobile number in E.164 form ({@code +4791234567}). Norwegian numbers are accepted as people write them
 * ({@code 912 34 567}, {@code 0047 91234567}, {@code +47 912 34 567}) and must be mobile numbers (8 digits starting
 * with 4 or 9); foreign numbers must be given with their country code.
 */
public record MobileNumber(String value) {

    public MobileNumber {
        if (value == null || !value.matches("\\+[1-9]\\d{7,14}")) {
            throw new InvalidValueException("mobile.format", "must be an E.164 number like +4791234567");
        }
        if (value.startsWith("+47") && !value.matches("\\+47[49]\\d{7}")) {
            throw new InvalidValueException("mobile.norwegianMobile",
                    "a Norwegian mobile number has 8 digits and starts with 4 or 9");
        }
    }

    public static MobileNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("mobile.format", "must be an E.164 number like +4791234567");
        }
        String compact = raw.replaceAll("[\\s\\-().]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        } else if (compact.matches("\\d{8}")) {
            compact = "+47" + compact;
        }
        return new MobileNumber(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
