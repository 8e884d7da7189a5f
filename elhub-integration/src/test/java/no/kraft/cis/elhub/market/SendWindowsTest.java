package no.kraft.cis.elhub.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SendWindowsTest {

    private final SendWindows windows = SendWindows.ELHUB;

    @Test
    void anHourlyPointCountsCalendarDays() {
        // termination on Monday 7 Dec 2026 (first day no longer ours): latest the day before (Sun 6 Dec), earliest 4
        // calendar days before (Thu 3 Dec)
        SendWindows.Window w = windows.forEnd(ProcessKind.TERMINATION, false, LocalDate.of(2026, 12, 7));
        assertThat(w.earliest()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(w.latest()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(w.open(LocalDate.of(2026, 12, 2))).isFalse();
        assertThat(w.open(LocalDate.of(2026, 12, 3))).isTrue();
        assertThat(w.open(LocalDate.of(2026, 12, 7))).isFalse();
        // a move-out has no earliest
        assertThat(windows.forEnd(ProcessKind.MOVE_OUT, false, LocalDate.of(2026, 12, 7)).open(LocalDate.of(2026, 10, 1))).isTrue();
    }

    @Test
    void aProfiledPointCountsWorkingDaysAroundEaster2027() {
        // Easter Sunday 28 March 2027: Thu 25 and Fri 26 March and Mon 29 March are holidays. An end on Wednesday 31
        // March: 3 working days back are Tue 30, Wed 24, Tue 23 → latest Tue 23 March; 6 back: Mon 22, Fri 19, Thu 18 → earliest Thu 18
        SendWindows.Window w = windows.forEnd(ProcessKind.TERMINATION, true, LocalDate.of(2027, 3, 31));
        assertThat(w.latest()).isEqualTo(LocalDate.of(2027, 3, 23));
        assertThat(w.earliest()).isEqualTo(LocalDate.of(2027, 3, 18));
        // sent on Wednesday 24 March, the earliest end reachable is Thursday 1 April: back from it Wed 31, Tue 30, Wed 24
        // (an end on Wed 31 needed it by Tue 23)
        assertThat(windows.earliestEnd(ProcessKind.MOVE_OUT, true, LocalDate.of(2027, 3, 24))).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(windows.earliestEnd(ProcessKind.MOVE_OUT, false, LocalDate.of(2027, 3, 24))).isEqualTo(LocalDate.of(2027, 3, 25));
    }

    @Property
    void theEarliestEndIsReachableAndTheDayBeforeIsNot(@ForAll @IntRange(min = 0, max = 5000) int offset, @ForAll boolean profiled) {
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(offset);
        LocalDate end = windows.earliestEnd(ProcessKind.TERMINATION, profiled, today);
        assertThat(windows.forEnd(ProcessKind.TERMINATION, profiled, end).latest()).isAfterOrEqualTo(today);
        if (end.minusDays(1).isAfter(today)) {
            assertThat(windows.forEnd(ProcessKind.TERMINATION, profiled, end.minusDays(1)).latest()).isBefore(today);
        }
        SendWindows.Window w = windows.forEnd(ProcessKind.TERMINATION, profiled, end);
        assertThat(w.earliest()).isBefore(w.latest());
    }
}
