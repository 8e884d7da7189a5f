package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A change of an invoice's open amount at the end of a day: the invoice itself (positive, dated its issue or due
 * date), a payment or credit note (negative). Interest for a day runs on the changes dated before that day, so a
 * payment on day P still bears interest for P ("until payment": days = payment date − due date).
 */
public record BalanceChange(LocalDate on, BigDecimal amount) {

    public BalanceChange {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(amount, "amount");
    }
}
