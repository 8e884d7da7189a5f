package no.kraft.cis.consent;

import java.time.Duration;

/**
 * Elhub's Access API or Signicat answered with an error ({@code status}, {@code title}, {@code detail}) or not at all
 * (status 0). No answer, 429 and 5xx are worth retrying (429 may say when); other answers are final.
 */
public class RemoteCallFailed extends RuntimeException {

    private final String party;
    private final int status;
    private final String title;
    private final String detail;
    private final Duration retryAfter;

    public RemoteCallFailed(String party, int status, String title, String detail, Duration retryAfter) {
        super(party + " " + (status == 0 ? "gave no answer" : "answered " + status) + (title == null ? "" : ": " + title)
                + (detail == null ? "" : " — " + detail));
        this.party = party;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public static RemoteCallFailed noAnswer(String party, Exception cause) {
        return new RemoteCallFailed(party, 0, cause.getClass().getSimpleName(), cause.getMessage(), null);
    }

    public String party() {
        return party;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }

    /** {@code Retry-After} in seconds, or {@code null}. */
    public static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }
}
