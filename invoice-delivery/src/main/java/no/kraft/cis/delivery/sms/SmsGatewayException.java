package no.kraft.cis.delivery.sms;

/**
 * The SMS gateway did not take the message: refused for good ({@link SmsRefused}) or not now
 * ({@link SmsGatewayUnavailable}, the caller sends again later with the same {@code refId}).
 */
public abstract sealed class SmsGatewayException extends RuntimeException permits SmsRefused, SmsGatewayUnavailable {

    private final int status;
    private final Integer resultCode;
    private final String description;

    SmsGatewayException(String message, int status, Integer resultCode, String description, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.resultCode = resultCode;
        this.description = description;
    }

    /** The HTTP status of the gateway's answer; 0 when it did not answer or the message never left us. */
    public int status() {
        return status;
    }

    /** The gateway's {@code resultCode}, or {@code null} when its answer had none. */
    public Integer resultCode() {
        return resultCode;
    }

    /** The gateway's {@code description}, or ours when it gave none. */
    public String description() {
        return description;
    }

    /** Whether sending the same message again later may succeed. */
    public abstract boolean retryable();

    static String detail(int status, Integer resultCode, String description) {
        return (status == 0 ? "" : "HTTP " + status) + (resultCode == null ? "" : (status == 0 ? "" : ", ") + "resultCode " + resultCode)
                + (description == null ? "" : (status == 0 && resultCode == null ? "" : ": ") + description);
    }
}
