package no.kraft.cis.rule;

/**
 * The request is well-formed but conflicts with the current state (overlapping delivery, forbidden status transition,
 * duplicate national ID, stale version). Nothing was changed. Maps to HTTP 409.
 */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String rule;

    public ConflictException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The client edited a stale copy: someone else changed the aggregate since the client read it. */
    public static ConflictException staleVersion(String what, long expected, long actual) {
        return new ConflictException("version", "version.stale",
                what + " was changed by someone else (you had version " + expected + ", current is " + actual + "); reload and retry");
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
