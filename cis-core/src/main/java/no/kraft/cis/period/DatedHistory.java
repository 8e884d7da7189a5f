package no.kraft.cis.period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.ValidationFailedException;

/**
 * The history of one dated value (a metering point's characteristics, one property code, …) as a view over the rows
 * an aggregate holds. History is append-only: a new value closes the previous value's period at its own start date,
 * and nothing before the latest value's start can be rewritten.
 *
 * @param <T> the row type
 */
public final class DatedHistory<T extends DatedRow> {

    private static final Comparator<DatedRow> BY_START = Comparator.comparing((DatedRow r) -> r.period().from());

    private final List<T> rows;
    private final Consumer<T> store;
    private final String field;

    /**
     * @param rows the rows of this history (a view; not modified)
     * @param store how the aggregate keeps a new row (usually its collection's {@code add})
     * @param field the request field a conflict is reported against, e.g. {@code validFrom}
     */
    public DatedHistory(List<T> rows, Consumer<T> store, String field) {
        this.rows = new ArrayList<>(rows);
        this.store = store;
        this.field = field;
    }

    public Optional<T> at(LocalDate day) {
        return rows.stream().filter(r -> r.period().contains(day)).findFirst();
    }

    /** The value that started last (possibly already ended). */
    public Optional<T> latest() {
        return rows.stream().filter(r -> !r.period().isEmpty()).max(BY_START)
                .or(() -> rows.stream().max(BY_START));
    }

    /** All rows, oldest first. */
    public List<T> rows() {
        return rows.stream().sorted(BY_START.thenComparing(r -> r.period().isEmpty() ? 0 : 1)).toList();
    }

    /**
     * The value that a new value starting on {@code day} replaces: the latest value if it is still in force on or after
     * that day, otherwise nothing (the previous value already ended, e.g. an expired agreement).
     */
    public Optional<T> replacedBy(LocalDate day) {
        return latest().filter(r -> r.period().isOpenEnded() || r.period().to().isAfter(day));
    }

    /**
     * Appends {@code next}, closing the value it replaces at {@code next}'s start. A value starting on the same day as
     * the one it replaces leaves that one with an empty period: still in the history, in force on no day.
     *
     * @throws ConflictException if {@code next} would start before the latest value, i.e. rewrite history
     */
    public void append(T next) {
        LocalDate start = next.period().from();
        Optional<T> latest = latest();
        if (latest.isPresent() && start.isBefore(latest.get().period().from())) {
            throw new ConflictException(field, "history.beforeLatest",
                    "a new value cannot start " + start + ", before the latest value's start "
                            + latest.get().period().from() + "; history is never rewritten");
        }
        replacedBy(start).ifPresent(previous -> previous.closeAt(start));
        rows.add(next);
        store.accept(next);
    }

    /**
     * Ends one row on {@code day} (exclusive): shortens its period, never extends it.
     *
     * @throws ValidationFailedException {@code period.endBeforeStart} if {@code day} is not after the start
     * @throws ConflictException {@code period.extend} if the row already ends before {@code day}
     */
    public static void end(DatedRow row, LocalDate day, String field) {
        Period period = row.period();
        if (!day.isAfter(period.from())) {
            throw ValidationFailedException.of(field, "period.endBeforeStart", "end " + day + " must be after the start " + period.from());
        }
        if (!period.isOpenEnded() && day.isAfter(period.to())) {
            throw new ConflictException(field, "period.extend",
                    "the period ends " + period.to() + " and cannot be extended to " + day + "; add a new one instead");
        }
        row.closeAt(day);
    }

    /**
     * Takes back an end that did not happen (Elhub cancelled or rolled back the end of supply it had confirmed): the row
     * ends again where it ended before that end, {@code previousEnd} (null: open-ended). Only that end itself is taken
     * back: a row that meanwhile ends elsewhere is left to staff.
     */
    public static void takeBackEnd(DatedRow row, LocalDate endedOn, LocalDate previousEnd, String field) {
        Period period = row.period();
        if (!endedOn.equals(period.to())) {
            throw new ConflictException(field, "period.endChanged", "the period " + period + " no longer ends on " + endedOn
                    + ": that end can not be taken back");
        }
        if (previousEnd != null && !previousEnd.isAfter(endedOn)) {
            throw ValidationFailedException.of(field, "period.previousEnd", "the end before " + endedOn + " can not be " + previousEnd);
        }
        row.closeAt(previousEnd);
    }

    /**
     * Marks a row as replaced from its first day: its period becomes empty {@code [from, from)}, so it stays in the
     * history (who wrote it, when) but is in force on no day. Only for values the system derives and re-derives.
     */
    public static void supersede(DatedRow row) {
        row.closeAt(row.period().from());
    }

    /**
     * Ends the value in force with no successor (e.g. an agreement that expired).
     *
     * @throws ConflictException if there is no value to end or {@code day} is before its start
     */
    public void endAt(LocalDate day) {
        T current = latest().filter(r -> r.period().isOpenEnded() || r.period().to().isAfter(day))
                .orElseThrow(() -> new ConflictException(field, "history.nothingToEnd", "no value is in force on " + day));
        if (day.isBefore(current.period().from())) {
            throw new ConflictException(field, "period.endBeforeStart",
                    "end " + day + " is before the value's start " + current.period().from());
        }
        current.closeAt(day);
    }
}
