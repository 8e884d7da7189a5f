package no.kraft.cis.rule;

/** Refused because too many attempts failed; may be tried again in {@link #retryAfterSeconds()} (429 with Retry-After). */
public class TooManyAttemptsException extends RuntimeException {

    private final String field;
    private final String rule;
    private final long retryAfterSeconds;

    public TooManyAttemptsException(String field, String rule, String message, long retryAfterSeconds) {
        super(message);
        this.field = field;
        this.rule = rule;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
