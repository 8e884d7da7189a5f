package no.kraft.cis.payment.file;

/** The layouts {@link PaymentFileReader} understands. */
public enum PaymentFileFormat {

    /** Nets OCR giro (OCR-innbetalinger): fixed 80-character records, transmission → assignments → transactions. */
    OCR_GIRO,

    /** ISO 20022 BankToCustomerDebitCreditNotification (camt.054), any version from .001.02 on. */
    CAMT_054,

    /** A debt-collection agency's settlement file: what it collected on the claims we handed over (debt-collection adapter). */
    COLLECTION_SETTLEMENT
}
