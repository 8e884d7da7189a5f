package no.kraft.cis.delivery.sms;

/**
 * The SMS will not go, however often it is sent: a number that is not a Norwegian mobile, a text over the limit, a
 * sender the gateway refuses, or our credentials refused. Some of these are found before anything is sent
 * ({@link #status()} 0). The delivery goes on to the plan's next channel.
 */
public final class SmsRefused extends SmsGatewayException {

    /** Why, in our words. */
    public enum Reason {
        /** Not a Norwegian mobile number, or the gateway refused the destination (unknown, barred, wrong format). */
        BAD_DESTINATION,
        /** The sender (avsendernavn) is not one the gateway takes. */
        BAD_SENDER,
        /** Empty, more than {@link SmsGateway#MAX_PARTS} parts, or content or coding the gateway refuses. */
        BAD_TEXT,
        /** Our username or password refused (401), or the account not allowed (403). */
        AUTHENTICATION,
        /** Our platform ids or account set up wrong at the gateway (result code 104). */
        CONFIGURATION,
        /** Any other refusal. */
        REFUSED
    }

    private final Reason reason;

    public SmsRefused(Reason reason, int status, Integer resultCode, String description) {
        super("SMS refused (" + reason + "): " + detail(status, resultCode, description), status, resultCode, description, null);
        this.reason = reason;
    }

    /** Refused by us before the gateway was asked. */
    static SmsRefused here(Reason reason, String description) {
        return new SmsRefused(reason, 0, null, description);
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
