package no.kraft.cis.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of a request before failing, so a client learns all its mistakes in one answer.
 *
 * <pre>{@code
 * var check = new FieldValidation();
 * NationalId id = check.required("nationalId", raw, () -> new NationalId(raw));
 * check.throwIfInvalid();
 * }</pre>
 */
public final class FieldValidation {

    private final List<Violation> violations = new ArrayList<>();

    /**
     * One value from one field, for a request with nothing else to check (typically a path variable).
     *
     * @throws ValidationFailedException naming the field and the rule if the value is refused
     */
    public static <T> T parse(String field, Supplier<T> parse) {
        FieldValidation check = new FieldValidation();
        T value = check.field(field, parse);
        check.throwIfInvalid();
        return value;
    }

    /** Builds a value from the field's raw input; a refused value is recorded against the field and {@code null} returned. */
    public <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            violations.add(new Violation(field, e.rule(), e.getMessage()));
            return null;
        }
    }

    /** Like {@link #field} but a missing (null or blank) raw value is itself a violation. */
    public <T> T required(String field, Object raw, Supplier<T> parse) {
        if (isMissing(raw)) {
            violations.add(new Violation(field, "required", "must be present"));
            return null;
        }
        return field(field, parse);
    }

    /** Like {@link #field} but a missing raw value yields {@code null} without a violation. */
    public <T> T optional(String field, Object raw, Supplier<T> parse) {
        return isMissing(raw) ? null : field(field, parse);
    }

    public void reject(String field, String rule, String message) {
        violations.add(new Violation(field, rule, message));
    }

    /** Like {@link #reject(String, String, String)}, with the values the refusal turns on by name (see {@link Violation#params}). */
    public void reject(String field, String rule, String message, java.util.Map<String, String> params) {
        violations.add(new Violation(field, rule, message, params));
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static boolean isMissing(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank());
    }
}
