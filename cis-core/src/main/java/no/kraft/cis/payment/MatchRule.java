package no.kraft.cis.payment;

/** How a payment found its invoice or customer. */
public enum MatchRule {
    /** The KID the payer gave is an invoice's KID. */
    KID,
    /** The KID was mistyped or missing, but the amount and the payer (name or a known account) point at exactly one open invoice. */
    AMOUNT_AND_PAYER,
    /** Matched by a person from the queue. */
    MANUAL
}
