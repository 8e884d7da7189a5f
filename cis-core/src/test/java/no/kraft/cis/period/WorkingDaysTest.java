package no.kraft.cis.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void easterSundaysFromTheAlmanac() {
        // the almanac's Easter Sundays (Gregorian): these years cover March and April, early and late
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(WorkingDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(WorkingDays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    }

    @Test
    void theNorwegianHolidaysOf2026() {
        // Easter 5 April 2026: skjærtorsdag 2 Apr, langfredag 3 Apr, 2. påskedag 6 Apr, Kristi himmelfart 14 May
        // (Easter + 39), 2. pinsedag 25 May (Easter + 50)
        for (String day : new String[] {"2026-01-01", "2026-04-02", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                "2026-05-17", "2026-05-25", "2026-12-25", "2026-12-26"}) {
            assertThat(WorkingDays.isPublicHoliday(LocalDate.parse(day))).as(day).isTrue();
        }
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-04-01"))).isTrue();   // Wednesday before Easter
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-04-07"))).isTrue();   // Tuesday after
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-12-24"))).isTrue();   // Christmas Eve, a Thursday
        assertThat(WorkingDays.isWorkingDay(LocalDate.parse("2026-12-05"))).isFalse();  // a Saturday
    }

    @Test
    void countingBackOverEaster() {
        // 3 working days before Tuesday 7 April 2026: Mon 6 (2. påskedag), Fri 3, Thu 2 (holidays), Sat/Sun out →
        // Wed 1 Apr, Tue 31 Mar, Mon 30 Mar
        assertThat(WorkingDays.before(LocalDate.of(2026, 4, 7), 3)).isEqualTo(LocalDate.of(2026, 3, 30));
        // and forward: 1 working day after Wednesday 1 April is Tuesday 7 April
        assertThat(WorkingDays.after(LocalDate.of(2026, 4, 1), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        // over Christmas and New Year 2026/27: before Monday 4 Jan 2027, 3 working days: Thu 31 Dec, Wed 30, Tue 29
        assertThat(WorkingDays.before(LocalDate.of(2027, 1, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Property
    void countingIsTheInverseOfItselfOnWorkingDays(@ForAll @IntRange(min = 0, max = 40_000) int offset, @ForAll @IntRange(min = 1, max = 30) int n) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(offset);
        LocalDate back = WorkingDays.before(day, n);
        assertThat(WorkingDays.isWorkingDay(back)).isTrue();
        assertThat(back.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        long between = back.datesUntil(day).skip(1).filter(WorkingDays::isWorkingDay).count();
        assertThat(between).isEqualTo(n - 1);   // the n-th working day back: n - 1 working days strictly between
        if (WorkingDays.isWorkingDay(day)) {
            assertThat(WorkingDays.after(back, n)).isEqualTo(day);
        }
    }
}
