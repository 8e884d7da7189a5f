package no.kraft.cis.period;

import java.time.LocalDate;
import java.util.Objects;
import no.kraft.cis.rule.InvalidValueException;

/**
 * A half-open range of calendar days in Norwegian time: {@code from} inclusive, {@code to} exclusive, {@code to == null}
 * meaning open-ended. A delivery "from 1 March to 1 April" covers all of March and nothing of April.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from == null) {
            throw new InvalidValueException("required", "period start must be present");
        }
        if (to != null && to.isBefore(from)) {
            throw new InvalidValueException("period.endBeforeStart", "end " + to + " is before start " + from);
        }
    }

    public static Period from(LocalDate from) {
        return new Period(from, null);
    }

    public static Period of(LocalDate from, LocalDate to) {
        return new Period(from, to);
    }

    public boolean isOpenEnded() {
        return to == null;
    }

    /** {@code [d, d)} — a value replaced on the day it started; kept for history, in force on no day. */
    public boolean isEmpty() {
        return to != null && to.equals(from);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || day.isBefore(to));
    }

    public boolean overlaps(Period other) {
        if (isEmpty() || other.isEmpty()) {
            return false;
        }
        boolean otherStartsBeforeThisEnds = to == null || other.from.isBefore(to);
        boolean thisStartsBeforeOtherEnds = other.to == null || from.isBefore(other.to);
        return otherStartsBeforeThisEnds && thisStartsBeforeOtherEnds;
    }

    /** The days of this period inside {@code within} (the periods must overlap). */
    public Period clippedTo(Period within) {
        LocalDate start = from.isAfter(within.from) ? from : within.from;
        LocalDate end = to == null ? within.to : within.to == null || to.isBefore(within.to) ? to : within.to;
        return new Period(start, end);
    }

    /** The same start with a new exclusive end. */
    public Period endingAt(LocalDate newTo) {
        return new Period(from, Objects.requireNonNull(newTo));
    }

    @Override
    public String toString() {
        return "[" + from + ", " + (to == null ? "∞" : to) + ")";
    }
}
