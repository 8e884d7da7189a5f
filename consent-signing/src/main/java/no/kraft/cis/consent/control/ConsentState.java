package no.kraft.cis.consent.control;

/**
 * The steps of a consent (samtykke) attempt. Document flow: create Elhub's document → download its sealed PDF → create
 * the Signicat signing session → send the link → await the signature → upload the signed PDF → read the grant. Request
 * flow: create the request → await the approval → read the grant. A granted consent is handed to the order (import),
 * then done; rejected, expired, failed and cancelled are final too.
 */
public enum ConsentState {
    CREATE_DOCUMENT, DOWNLOAD_DOCUMENT, CREATE_SIGNING, SEND_LINK, AWAIT_SIGNATURE, UPLOAD_SIGNED,
    CREATE_REQUEST, AWAIT_APPROVAL,
    READ_GRANT, GRANTED,
    DONE, REJECTED, EXPIRED, FAILED, CANCELLED, SUPERSEDED;

    public boolean fin() {
        return ordinal() >= DONE.ordinal();
    }

    /** Waiting for the customer: expiry applies. */
    public boolean awaitingCustomer() {
        return this == AWAIT_SIGNATURE || this == AWAIT_APPROVAL || this == SEND_LINK;
    }
}
