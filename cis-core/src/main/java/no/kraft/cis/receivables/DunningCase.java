package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One invoice as the dunning process sees it on a day — plain values a job reads from the ledger.
 *
 * @param openAmount what is left to pay on the invoice (the ledger's open amount, account credit applied): what a notice claims
 * @param customerBalance the customer's ledger balance (positive = owes us); nothing is dunned at zero or in credit
 * @param dueDate the due date in force (the postponed one under a payment arrangement)
 * @param balanceChanges the dated amounts interest runs on: the invoice amount and each payment or credit note
 * @param notices the notices sent so far on this claim, in any order
 */
public record DunningCase(BigDecimal openAmount, BigDecimal customerBalance, LocalDate dueDate, List<BalanceChange> balanceChanges,
        List<SentNotice> notices, StoppingFacts stops) {

    public DunningCase {
        Objects.requireNonNull(openAmount, "openAmount");
        Objects.requireNonNull(customerBalance, "customerBalance");
        Objects.requireNonNull(dueDate, "dueDate");
        balanceChanges = List.copyOf(balanceChanges);
        notices = notices.stream().sorted(Comparator.comparing(SentNotice::sentOn)).toList();
        stops = stops == null ? StoppingFacts.NONE : stops;
    }

    /** An invoice of {@code amount}, nothing paid, no notices, the customer owing exactly it. */
    public static DunningCase unpaid(BigDecimal amount, LocalDate dueDate) {
        return new DunningCase(amount, amount, dueDate, List.of(new BalanceChange(dueDate, amount)), List.of(), StoppingFacts.NONE);
    }

    public DunningCase withNotice(SentNotice notice) {
        List<SentNotice> more = new java.util.ArrayList<>(notices);
        more.add(notice);
        return new DunningCase(openAmount, customerBalance, dueDate, balanceChanges, more, stops);
    }

    /** A payment or credit of {@code amount} (positive) on {@code on}: the open amount and the balance drop by it. */
    public DunningCase withPayment(LocalDate on, BigDecimal amount) {
        List<BalanceChange> more = new java.util.ArrayList<>(balanceChanges);
        more.add(new BalanceChange(on, amount.negate()));
        return new DunningCase(openAmount.subtract(amount).max(BigDecimal.ZERO), customerBalance.subtract(amount), dueDate, more,
                notices, stops);
    }

    public DunningCase withStops(StoppingFacts facts) {
        return new DunningCase(openAmount, customerBalance, dueDate, balanceChanges, notices, facts);
    }
}
