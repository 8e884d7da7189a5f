package no.kraft.cis.receivables;

/** The notices of the dunning process. */
public enum NoticeKind {
    /** Vennlig påminnelse: on the due date by e-mail/SMS, never a fee, no new deadline. Not a notice in the law's sense. */
    FRIENDLY_REMINDER,
    /** Purring (betalingspåminnelse, inkassoforskriften § 1-2): fee-bearing when the law and the policy allow. */
    PURRING,
    /** Inkassovarsel (inkassoloven § 9): says collection follows when its deadline lapses unpaid. */
    INKASSOVARSEL;

    boolean mayBearFee() {
        return this != FRIENDLY_REMINDER;
    }
}
