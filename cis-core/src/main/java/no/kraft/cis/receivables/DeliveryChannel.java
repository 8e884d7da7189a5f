package no.kraft.cis.receivables;

/** The channel an invoice reached the customer by, as the receivables figures group it. */
public enum DeliveryChannel {
    EMAIL, SMS, EHF, PAPER;

    /** E-mail, SMS and EHF are digital; paper is not. */
    public boolean digital() {
        return this != PAPER;
    }
}
