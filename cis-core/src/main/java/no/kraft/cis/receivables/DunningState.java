package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an invoice stands in the dunning process.
 *
 * @param stage the last step taken: NONE, FRIENDLY_REMINDER, PURRING, INKASSOVARSEL or HAND_OVER
 * @param hold PAUSED or STOPPED by staff, {@code null} when none; {@code holdReason} why
 * @param deadline the payment deadline of the last notice that gave one, {@code null} when none
 * @param feesCharged the reminder fees charged on the invoice so far
 * @param events every step, oldest first
 */
public record DunningState(long invoiceNumber, String stage, String hold, String holdReason, LocalDate deadline,
        BigDecimal feesCharged, List<DunningEvent> events) {
}
