package no.kraft.cis.delivery.distribution;

/** How an invoice reaches the customer. */
public enum Channel {
    /** The PDF attached to an e-mail (SMTP). */
    EMAIL,
    /** A notice with a link, through an SMS gateway. */
    SMS,
    /** EHF through a Peppol access point (organisations in the Peppol list). */
    EHF,
    /** A printed letter through the print partner. */
    PAPER
}
