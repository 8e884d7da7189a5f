package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How an amount is split into monthly instalments (avdrag). Pure. Each instalment is the amount ÷ N rounded
 * <b>down</b> to øre; the øre left over go on the <b>last</b> instalment, so the instalments always add up to the amount
 * exactly and no instalment is smaller than the ones before it (1 000.00 over 3 → 333.33 + 333.33 + 333.34). The first
 * is due on {@code firstDue}, each next one the same day of the following month (the month's last day when it is
 * shorter: 31 January → 28 February → 31 March — always counted from the first, never from the one before).
 */
public final class InstalmentSplit {

    private InstalmentSplit() {
    }

    /** One instalment: its number (1…N), due date and amount. */
    public record Part(int seq, LocalDate dueDate, BigDecimal amount) {
    }

    /** The ordinary instalment (all but the last) of {@code amount} over {@code count}: rounded down to øre. */
    public static BigDecimal ordinary(BigDecimal amount, int count) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
    }

    /**
     * @param amount positive, whole øre
     * @param count at least 1
     */
    public static List<Part> of(BigDecimal amount, int count, LocalDate firstDue) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an instalment plan splits a positive amount: " + amount);
        }
        if (count < 1) {
            throw new IllegalArgumentException("at least one instalment: " + count);
        }
        BigDecimal each = ordinary(amount, count);
        BigDecimal last = amount.setScale(2).subtract(each.multiply(BigDecimal.valueOf(count - 1)));
        List<Part> parts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            parts.add(new Part(i, firstDue.plusMonths(i - 1), i == count ? last : each));
        }
        return List.copyOf(parts);
    }
}
