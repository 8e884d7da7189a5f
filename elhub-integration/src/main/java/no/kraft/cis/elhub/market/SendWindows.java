package no.kraft.cis.elhub.market;

import java.time.LocalDate;
import no.kraft.cis.period.WorkingDays;

/**
 * When Elhub takes a request to end supply (BRS-NO-201/202), counted back from the end date: at the latest
 * {@code latestWorkingDays} working days before it for a profiled metering point, {@code latestCalendarDays} calendar
 * days for an hourly (time-metered) one; for a termination (202) at the earliest {@code earliestWorkingDays} /
 * {@code earliestCalendarDays} before. Elhub documents no earliest for a move-out (201) — none is applied. The numbers
 * are Elhub's (BRS-NO-201/202; ../shared/domain/elhub-market-processes.md) and set in {@code cis.elhub.end-of-supply}.
 */
public record SendWindows(int latestWorkingDays, int latestCalendarDays, int earliestWorkingDays, int earliestCalendarDays) {

    public static final SendWindows ELHUB = new SendWindows(3, 1, 6, 4);

    public SendWindows {
        if (latestWorkingDays < 1 || latestCalendarDays < 1 || earliestWorkingDays < latestWorkingDays
                || earliestCalendarDays < latestCalendarDays) {
            throw new IllegalArgumentException("send windows must open before they close and close at least a day before the end");
        }
    }

    /** The days on which the request may be sent: from {@code earliest} (null: any time before) to {@code latest}, both inclusive. */
    public record Window(LocalDate earliest, LocalDate latest) {

        public boolean open(LocalDate day) {
            return !day.isAfter(latest) && (earliest == null || !day.isBefore(earliest));
        }
    }

    public Window forEnd(ProcessKind kind, boolean profiled, LocalDate endDate) {
        if (!kind.ending()) {
            throw new IllegalArgumentException(kind + " is no end of supply");
        }
        LocalDate latest = profiled ? WorkingDays.before(endDate, latestWorkingDays) : endDate.minusDays(latestCalendarDays);
        LocalDate earliest = kind != ProcessKind.TERMINATION ? null
                : profiled ? WorkingDays.before(endDate, earliestWorkingDays) : endDate.minusDays(earliestCalendarDays);
        return new Window(earliest, latest);
    }

    /** The first end date a request sent {@code today} can still reach. */
    public LocalDate earliestEnd(ProcessKind kind, boolean profiled, LocalDate today) {
        LocalDate end = today.plusDays(1);
        while (forEnd(kind, profiled, end).latest().isBefore(today)) {
            end = end.plusDays(1);
        }
        return end;
    }
}
