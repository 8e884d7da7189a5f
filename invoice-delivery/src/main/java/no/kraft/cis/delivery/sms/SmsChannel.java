package no.kraft.cis.delivery.sms;

import no.kraft.cis.delivery.document.InvoiceDocument;

/**
 * The SMS channel: the notice of an invoice or credit note ({@link SmsNotice}) with a link to it, to the buyer's
 * mobile number, through the {@link SmsGateway}. The reference is ours, made when the send was stored, so a resend
 * after a lost answer is the same message to the gateway and its delivery report finds the send.
 */
public class SmsChannel {

    private final SmsGateway gateway;

    public SmsChannel(SmsGateway gateway) {
        this.gateway = gateway;
    }

    /** @return the gateway's message id; see {@link SmsGateway#send} for what is thrown */
    public String send(InvoiceDocument d, String link, String refId) {
        return gateway.send(refId, d.buyer().mobile(), SmsNotice.of(d, link).text());
    }
}
