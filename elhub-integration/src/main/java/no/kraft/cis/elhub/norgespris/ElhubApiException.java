package no.kraft.cis.elhub.norgespris;

import java.time.Duration;

/**
 * Elhub answered with a JSON:API error ({@code status}, {@code code}, {@code title}, {@code detail}), e.g.
 * {@code CONTRACT_ALREADY_EXISTS} (409) or {@code INVALID_INPUT} (400), or did not answer at all (status 0: connection
 * refused, timeout). 5xx, 429 and no answer are worth retrying; 429 may say when ({@code Retry-After}).
 */
public class ElhubApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final String body;
    private final Duration retryAfter;

    public ElhubApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null, null);
    }

    public ElhubApiException(int status, String code, String title, String detail, String body, Duration retryAfter) {
        super("Elhub " + (status == 0 ? "gave no answer" : status) + (code == null ? "" : " " + code) + (title == null ? "" : ": " + title)
                + (detail == null ? "" : " — " + detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    /** No answer: the connection failed or timed out. */
    public static ElhubApiException noAnswer(Exception cause) {
        return new ElhubApiException(0, "NO_ANSWER", cause.getClass().getSimpleName(), cause.getMessage(), null, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** Elhub's answer as it came, or {@code null}. */
    public String body() {
        return body;
    }

    /** How long Elhub asked us to wait ({@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
