package no.kraft.cis.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Norwegian working days (virkedager): Monday to Friday except the public holidays (helligdager, lov om helligdager
 * og helligdagsfred § 1, and the two offisielle høytidsdager 1 and 17 May): New Year's Day, Maundy Thursday, Good
 * Friday, Easter Monday, 1 May, Ascension Day, 17 May, Whit Monday, Christmas Day and Boxing Day. Easter Sunday and
 * Whit Sunday fall on Sundays. Christmas Eve and New Year's Eve are working days in law (many offices close; Elhub
 * counts them as working days). The calendar is fixed by law and the Easter date, so it is computed, not configured.
 */
public final class WorkingDays {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 17), MonthDay.of(12, 25),
            MonthDay.of(12, 26));

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isPublicHoliday(day);
    }

    public static boolean isPublicHoliday(LocalDate day) {
        if (FIXED.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easterSunday(day.getYear());
        long fromEaster = day.toEpochDay() - easter.toEpochDay();
        // Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, Ascension Day, Whit Sunday, Whit Monday
        return fromEaster == -3 || fromEaster == -2 || fromEaster == 0 || fromEaster == 1 || fromEaster == 39 || fromEaster == 49
                || fromEaster == 50;
    }

    /** The working day {@code n} working days before {@code day} ({@code n} ≥ 1; {@code day} itself need not be one). */
    public static LocalDate before(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The working day {@code n} working days after {@code day} ({@code n} ≥ 1). */
    public static LocalDate after(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
