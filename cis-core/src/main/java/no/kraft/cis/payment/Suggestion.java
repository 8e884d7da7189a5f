package no.kraft.cis.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A guess for a queued payment: an open invoice, with why it was suggested. Higher {@code score} first.
 *
 * @param reasons {@code KID_ONE_TYPO}, {@code KID_TWO_TYPOS}, {@code AMOUNT_EQUAL}, {@code PAYER_ACCOUNT_KNOWN},
 *     {@code PAYER_NAME}
 */
public record Suggestion(long invoiceNumber, long customerNumber, String customerName, BigDecimal openAmount, LocalDate dueDate,
        List<String> reasons, int score) {
}
