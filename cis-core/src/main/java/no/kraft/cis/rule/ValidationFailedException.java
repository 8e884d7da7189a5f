package no.kraft.cis.rule;

import java.util.List;

/** The request broke one or more rules of form or content; nothing was changed. Maps to HTTP 400. */
public class ValidationFailedException extends RuntimeException {

    private final List<Violation> violations;

    public ValidationFailedException(List<Violation> violations) {
        super(violations.size() + " invalid field(s): " + violations.stream().map(Violation::rule).toList());
        this.violations = List.copyOf(violations);
    }

    public static ValidationFailedException of(String field, String rule, String message) {
        return new ValidationFailedException(List.of(new Violation(field, rule, message)));
    }

    /** One violation with the values its refusal turns on by name (see {@link Violation#params}). */
    public static ValidationFailedException of(String field, String rule, String message, java.util.Map<String, String> params) {
        return new ValidationFailedException(List.of(new Violation(field, rule, message, params)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
