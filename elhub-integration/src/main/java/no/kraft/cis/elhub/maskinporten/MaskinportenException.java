package no.kraft.cis.elhub.maskinporten;

/**
 * Maskinporten did not give a token. {@link Kind#CONFIGURATION} will not heal by retrying (unknown client, scope not
 * granted, wrong key or audience); {@link Kind#RETRYABLE} may (Maskinporten down, clock skew, a replayed {@code jti}).
 * The message carries Maskinporten's error code and {@code MP-xxx} text, never the assertion or a token.
 */
public class MaskinportenException extends RuntimeException {

    /** Whether trying again can help. */
    public enum Kind {
        CONFIGURATION,
        RETRYABLE
    }

    private final Kind kind;
    private final String error;

    public MaskinportenException(Kind kind, String error, String message) {
        super(message);
        this.kind = kind;
        this.error = error;
    }

    public Kind kind() {
        return kind;
    }

    /** The OAuth2 error code ({@code invalid_grant}, …) or {@code unavailable}. */
    public String error() {
        return error;
    }

    /**
     * Classifies Maskinporten's answer: scope and client errors are configuration; {@code invalid_grant} is configuration
     * unless it is about time or a repeated {@code jti} (the next assertion is fresh).
     */
    static Kind classify(String error, String description) {
        String text = description == null ? "" : description.toLowerCase(java.util.Locale.ROOT);
        return switch (error == null ? "" : error) {
            case "invalid_scope", "invalid_client", "unauthorized_client", "unsupported_grant_type" -> Kind.CONFIGURATION;
            case "invalid_grant" -> text.contains("jti") || text.contains("iat") || text.contains("exp") || text.contains("clock")
                    || text.contains("time") ? Kind.RETRYABLE : Kind.CONFIGURATION;
            case "invalid_request" -> Kind.CONFIGURATION;
            default -> Kind.RETRYABLE;
        };
    }
}
