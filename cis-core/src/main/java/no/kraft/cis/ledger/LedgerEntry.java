package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line of the customer's account statement: a document issued (amount owed, positive; a credit note negative), a
 * fee or interest charged on an invoice (positive), a payment received or a write-off (negative), with the balance after
 * it.
 *
 * @param reference the invoice or credit-note number, or the bank's reference of a payment
 * @param invoiceNumber the document this entry is, or the one a payment was matched to; {@code null} for a payment on account
 */
public record LedgerEntry(LocalDate date, Type type, String reference, Long invoiceNumber, BigDecimal amount,
        BigDecimal balanceAfter) {

    /**
     * {@code CHARGE}: a reminder fee or late-payment interest charged on an invoice (positive, payable by its KID);
     * {@code WRITE_OFF}: what was given up on an invoice (credit loss), negative like a payment.
     */
    public enum Type { INVOICE, CREDIT_NOTE, CHARGE, PAYMENT, WRITE_OFF }
}
