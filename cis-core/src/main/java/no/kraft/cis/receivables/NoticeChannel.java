package no.kraft.cis.receivables;

/** How a dunning step reached, or will reach, the customer (or the agency). */
public enum NoticeChannel {
    EMAIL, SMS, PAPER,
    /** The hand-over: to the debt-collection agency, not the customer. */
    AGENCY,
    /** No channel reaches the customer (or no notice adapter is installed): recorded, not sent. */
    NONE
}
