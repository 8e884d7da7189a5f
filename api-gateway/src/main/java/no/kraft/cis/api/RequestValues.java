package no.kraft.cis.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Plain request values that have no domain type of their own — a date, a free text with a length limit, a document
 * number — read the same way by every controller, with the same rule codes ({@code date.format}, {@code required},
 * {@code text.tooLong}, {@code <name>.format}). Use inside {@code FieldValidation} so the field is attached.
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** The dates a request may name: nothing in this business lies before 1900 or after 2100. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** An ISO date ({@code YYYY-MM-DD}) that exists, from 1900 to 2100 ({@code date.range} otherwise). */
    public static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("required", "must be present");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date.format", "a date is written YYYY-MM-DD and must exist");
        }
        return inRange(date);
    }

    /** {@code date} if it lies from 1900 to 2100; {@code date.range} otherwise. */
    public static LocalDate inRange(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidValueException("date.range", "a date must lie from " + EARLIEST + " to " + LATEST);
        }
        return date;
    }

    /** A non-blank text of at most {@code max} characters, stripped. */
    public static String text(String raw, int max) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("required", "must be present");
        }
        if (text.length() > max) {
            throw new InvalidValueException("text.tooLong", "at most " + max + " characters");
        }
        return text;
    }

    /**
     * One of an enum's constants, written exactly as named; anything else breaks {@code rule} (e.g.
     * {@code channel.unknown}) with the allowed values in the message.
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String raw, String rule) {
        String value = raw == null ? "" : raw.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidValueException(rule, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** A positive document number (invoice, case, payment) of at most 18 digits; the rule is {@code <name>.format}. */
    public static long number(String name, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!value.matches("\\d{1,18}")) {
            throw new InvalidValueException(name + ".format", "a " + name + " is 1–18 digits");
        }
        return Long.parseLong(value);
    }
}
