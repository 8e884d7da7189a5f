package no.kraft.cis.elhub.norgespris;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What an Elhub Norgespris contract means for property 888 (pure). Initiated and Activated are active ({@code 1}) from
 * the start date — Elhub counts an Initiated order as active from its start — with "cancellable until" noted while
 * Initiated; Cancelled is {@code 3} from the start date, or — cancelled after the start — {@code 1} from the start and
 * {@code 3} from the day it was cancelled; Expired ends the
 * active period after the end date. {@code 0} (registered) and {@code 2} (cancellation registered) are our own waiting
 * states and never come from here.
 */
public final class Norgespris888 {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** A change to make to 888. */
    public sealed interface Change {
    }

    /** 888 = {@code value} from {@code from}, with an optional note. */
    public record Set(int value, LocalDate from, String note) implements Change {
    }

    /** The active value ends on {@code at} (exclusive). */
    public record End(LocalDate at) implements Change {
    }

    private Norgespris888() {
    }

    public static List<Change> changes(NorgesprisContract contract) {
        return switch (contract.status()) {
            case INITIATED -> List.of(new Set(1, contract.startDate(), "Initiated; cancellable until " + regretEnds(contract)));
            case ACTIVATED -> List.of(new Set(1, contract.startDate(), null));
            case CANCELLED -> {
                // active from the start until the day it was cancelled — the same history whether or not a sync saw it Initiated
                LocalDate cancelled = contract.updatedAt() == null ? contract.startDate() : contract.updatedAt().atZone(OSLO).toLocalDate();
                yield cancelled.isAfter(contract.startDate())
                        ? List.of(new Set(1, contract.startDate(), null), new Set(3, cancelled, null))
                        : List.of(new Set(3, contract.startDate(), null));
            }
            case EXPIRED -> contract.endDate() == null ? List.of()
                    : List.of(new Set(1, contract.startDate(), null), new End(contract.endDate().plusDays(1)));
        };
    }

    /** The last day of the 14-day regret period, counted from when the order was made. */
    static LocalDate regretEnds(NorgesprisContract contract) {
        LocalDate ordered = contract.createdAt() == null ? contract.startDate() : contract.createdAt().atZone(OSLO).toLocalDate();
        return ordered.plusDays(14);
    }
}
