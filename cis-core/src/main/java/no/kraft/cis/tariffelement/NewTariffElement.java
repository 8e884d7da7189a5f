package no.kraft.cis.tariffelement;

import java.util.regex.Pattern;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.InvalidValueException;

/**
 * A tariff element to define, with its first price (in force from the element's start).
 *
 * @param productCode the product it belongs to, or {@code null} for an element every delivery is billed with (the
 *     compensation lines)
 * @param requiredSegmentId the billing segment (faktureringssegment) the metering point must be in for the element to
 *     be billed, or {@code null}
 */
public record NewTariffElement(String code, String groupCode, String productCode, TariffElement.Kind kind, String invoiceText,
        TariffElement.Vat vat, Integer requiredSegmentId, Period validity, TariffPrice price) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");

    public NewTariffElement {
        if (validity.isEmpty()) {
            throw new InvalidValueException("period.empty", "the element must be valid on at least one day");
        }
    }

    /** Element codes: upper-case letters, digits, '-' and '_', at most 40 characters. */
    public static String code(String raw) {
        if (!CODE.matcher(raw).matches()) {
            throw new InvalidValueException("tariffElement.code",
                    "a code is 1–40 upper-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return raw;
    }

    /** An invoice text: present, at most 200 characters. */
    public static String invoiceText(String raw) {
        String text = raw.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw new InvalidValueException("invoiceText.length", "an invoice text has 1–200 characters");
        }
        return text;
    }
}
