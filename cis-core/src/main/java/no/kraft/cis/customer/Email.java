package no.kraft.cis.customer;

import java.util.Locale;
import java.util.regex.Pattern;
import no.kraft.cis.rule.InvalidValueException;

/** An email address for invoices and notices; the domain part is stored in lower case. */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@.]{2,}$");

    public Email {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email.format", "must be an email address like name@example.no");
        }
        int at = value.lastIndexOf('@');
        value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
    }

    public static Email parse(String raw) {
        return new Email(raw == null ? null : raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
