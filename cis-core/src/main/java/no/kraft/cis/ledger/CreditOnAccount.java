package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's rule for credit on account (kreditsaldo): credit the customer has beyond the invoices it was paid or
 * credited against — an over-payment, a payment on account or on a cancelled invoice's KID — settles the open invoices
 * oldest due date first, so the open amounts always add up to the balance (or to zero when the customer is in credit).
 * Pure; used by {@link Ledger} for one customer and by the receivables figures for all customers at once.
 */
public final class CreditOnAccount {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private CreditOnAccount() {
    }

    /**
     * One invoice of the customer with what is left on it after its own payments and credit notes.
     *
     * @param dueDate the due date in force
     * @param left total + credited − paid; negative when over-paid
     */
    public record Claim(long invoiceId, long invoiceNumber, LocalDate dueDate, BigDecimal left) {
    }

    /**
     * What the customer's credit on account settles of each claim (invoice id → amount; claims it does not touch are
     * absent). The credit is what the positive {@code left}s add up to beyond the balance.
     *
     * @param claims all the customer's invoices (claims with nothing left may be omitted: they change nothing)
     * @param balance the customer's balance: documents − payments, positive = the customer owes us
     */
    public static Map<Long, BigDecimal> settled(List<Claim> claims, BigDecimal balance) {
        BigDecimal positives = claims.stream().map(c -> c.left().max(ZERO)).reduce(ZERO, BigDecimal::add);
        BigDecimal credit = positives.subtract(balance.max(ZERO)).max(ZERO);
        Map<Long, BigDecimal> settled = new HashMap<>();
        if (credit.signum() == 0) {
            return settled;
        }
        List<Claim> byDue = claims.stream()
                .sorted(Comparator.comparing(Claim::dueDate).thenComparingLong(Claim::invoiceNumber)).toList();
        for (Claim c : byDue) {
            if (credit.signum() <= 0) {
                break;
            }
            if (c.left().signum() > 0) {
                BigDecimal applied = c.left().min(credit);
                settled.put(c.invoiceId(), applied);
                credit = credit.subtract(applied);
            }
        }
        return settled;
    }
}
