package no.kraft.cis.rule;

/**
 * A domain value refused to be constructed (bad check digit, unknown code, …). It knows the rule but not the field:
 * the edge that parsed the request attaches the field name (see {@link FieldValidation}).
 */
public class InvalidValueException extends RuntimeException {

    private final String rule;

    public InvalidValueException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
