package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a customer may arrange for one open invoice (betalingsordning): today only postponing the due date, up to
 * {@code latestDueDate}. When {@code refusals} is not empty the postponement is not offered and they say why.
 *
 * @param refusals rule codes: {@code arrangement.alreadyPostponed}, {@code arrangement.inCollection},
 *     {@code arrangement.tooLate}
 */
public record ArrangementOption(long invoiceNumber, BigDecimal openAmount, LocalDate dueDate, LocalDate latestDueDate,
        List<Refusal> refusals) {

    public boolean postponable() {
        return refusals.isEmpty();
    }

    /** A rule that stops the postponement, with a sentence a customer can be told. */
    public record Refusal(String rule, String reason) {
    }
}
