package no.kraft.cis.consent.order;

import java.time.LocalDate;

/**
 * When an order may start: a switch from {@code switchEarliest} days ahead up to {@code latest} days ahead; a move-in
 * also up to {@code moveInBack} days back (a move-in is often registered after the keys changed hands).
 */
public record OrderRules(int switchEarliest, int moveInBack, int latest) {

    public OrderRules {
        if (switchEarliest < 0 || moveInBack < 0 || latest < switchEarliest) {
            throw new IllegalArgumentException("start window needs 0 ≤ switch-earliest ≤ latest and move-in-back ≥ 0");
        }
    }

    public LocalDate earliest(NewOrder.Kind kind, LocalDate today) {
        return kind == NewOrder.Kind.MOVE_IN ? today.minusDays(moveInBack) : today.plusDays(switchEarliest);
    }

    public LocalDate latest(LocalDate today) {
        return today.plusDays(latest);
    }

    public boolean allows(NewOrder.Kind kind, LocalDate start, LocalDate today) {
        return !start.isBefore(earliest(kind, today)) && !start.isAfter(latest(today));
    }
}
