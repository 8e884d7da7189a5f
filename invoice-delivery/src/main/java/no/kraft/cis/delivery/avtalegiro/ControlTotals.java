package no.kraft.cis.delivery.avtalegiro;

import java.time.LocalDate;
import java.util.List;

/** What an end record of a claim file states about the claims before it: how many, their sum, first and last due date. */
record ControlTotals(long transactions, long sumInOre, LocalDate firstDueDate, LocalDate lastDueDate) {

    static final ControlTotals NONE = new ControlTotals(0, 0, null, null);

    static ControlTotals of(List<Claim> claims) {
        ControlTotals totals = NONE;
        for (Claim claim : claims) {
            totals = totals.plus(new ControlTotals(1, claim.amountInOre(), claim.dueDate(), claim.dueDate()));
        }
        return totals;
    }

    ControlTotals plus(ControlTotals other) {
        return new ControlTotals(transactions + other.transactions, Math.addExact(sumInOre, other.sumInOre),
                earlier(firstDueDate, other.firstDueDate), later(lastDueDate, other.lastDueDate));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
