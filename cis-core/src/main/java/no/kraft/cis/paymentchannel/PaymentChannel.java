package no.kraft.cis.paymentchannel;

/** A way to deliver an invoice to the customer. */
public enum PaymentChannel {
    /** Direct debit from the customer's bank account (the bank's AvtaleGiro agreement). */
    AVTALEGIRO,
    /** eFaktura into the private customer's online bank. */
    EFAKTURA,
    /** A PDF by e-mail. */
    EMAIL_PDF,
    /** EHF (Peppol BIS Billing) to an organisation's access point. */
    EHF,
    /** A printed invoice by post: the last resort. */
    PAPER
}
