package no.kraft.cis.payment.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One credited payment (innbetaling) as the bank reports it.
 *
 * @param bankReference unique id of the transaction within the bank: for camt.054 the {@code AcctSvcrRef} of the
 *                      transaction details, else of the entry, else the entry's {@code NtryRef} (with "-" + the
 *                      1-based position of the details appended when several details share an entry-level
 *                      reference); for OCR giro {@code "OCR-" + assignment number + "-" + transaction number + "-" +
 *                      settlement (nets) date yyyyMMdd}
 * @param paidOn        the payment date the bank gives (OCR: payment date of amount item 2, else the nets date;
 *                      camt.054: booking date, else value date)
 * @param amount        NOK with scale 2; negative when the bank reports a reversal (OCR sign "-") — kept as given
 * @param kid           the KID (kundeidentifikasjon) digits exactly as given, or {@code null} when the payment has
 *                      none; may be mistyped — the check digit is not validated here
 * @param payerName     the payer's name, {@code null} when the format does not carry it (OCR giro never does)
 * @param payerAccount  the payer's (debited) account, IBAN or 11-digit BBAN as given, {@code null} when unknown
 */
public record IncomingPayment(String bankReference, LocalDate paidOn, BigDecimal amount, String kid, String payerName,
        String payerAccount) {

    public IncomingPayment {
        Objects.requireNonNull(bankReference, "bankReference");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("a payment is whole øre: " + amount);
        }
        amount = amount.setScale(2);
    }
}
