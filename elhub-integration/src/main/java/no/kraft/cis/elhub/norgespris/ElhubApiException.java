package no.kraft.cis.elhub.norgespris;

/**
 * Elhub answered with a JSON:API error ({@code status}, {@code code}, {@code title}, {@code detail}), e.g.
 * {@code CONTRACT_ALREADY_EXISTS} (409) or {@code INVALID_INPUT} (400). 5xx and 429 are worth retrying.
 */
public class ElhubApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;

    public ElhubApiException(int status, String code, String title, String detail) {
        super("Elhub " + status + (code == null ? "" : " " + code) + (title == null ? "" : ": " + title)
                + (detail == null ? "" : " — " + detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
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

    public boolean retryable() {
        return status == 429 || status >= 500;
    }
}
