package no.kraft.cis.tariff;

import java.util.regex.Pattern;
import no.kraft.cis.rule.InvalidValueException;

/** A product to define: its code (what deliveries and orders name), its name on invoices and screens, and its kind. */
public record NewProduct(String code, String name, Product.Kind kind) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    /** Product codes: upper-case letters, digits, '-' and '_', at most 32 characters. */
    public static String code(String raw) {
        if (!CODE.matcher(raw).matches()) {
            throw new InvalidValueException("product.code",
                    "a product code is 1–32 upper-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return raw;
    }

    /** A product name: present, at most 200 characters. */
    public static String name(String raw) {
        String name = raw.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidValueException("product.name", "a product name has 1–200 characters");
        }
        return name;
    }
}
