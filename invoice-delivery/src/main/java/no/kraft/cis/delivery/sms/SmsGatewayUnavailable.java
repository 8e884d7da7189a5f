package no.kraft.cis.delivery.sms;

import java.time.Duration;

/**
 * The gateway did not take the message now: no answer (connection refused, timeout), 5xx, 408 or 429, or a result
 * code for its own trouble. Send again later with the same {@code refId}; {@link #retryAfter()} says when if the
 * gateway said so.
 */
public final class SmsGatewayUnavailable extends SmsGatewayException {

    private final Duration retryAfter;

    public SmsGatewayUnavailable(int status, Integer resultCode, String description, Duration retryAfter, Throwable cause) {
        super("SMS gateway unavailable: " + (status == 0 && resultCode == null ? "no answer — " : "") + detail(status, resultCode, description),
                status, resultCode, description, cause);
        this.retryAfter = retryAfter;
    }

    static SmsGatewayUnavailable noAnswer(Exception cause) {
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        return new SmsGatewayUnavailable(0, null, what, null, cause);
    }

    /** How long the gateway asked us to wait ({@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
