package no.kraft.cis.metervalue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Values arriving interval by interval: incomplete days, later registrations replacing earlier ones, DST days. */
class DayMergeTest {

    private static final LocalDate JUNE_16 = LocalDate.of(2026, 6, 16);
    private static final Instant MORNING = Instant.parse("2026-06-17T02:34:12Z");
    private static final Instant NOON = Instant.parse("2026-06-17T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-20T08:00:00Z");

    private static IntervalValues hours(int first, Instant registered, int... wh) {
        char[] q = new char[wh.length];
        Arrays.fill(q, 'M');
        return new IntervalValues(1, "707057500000000018", JUNE_16, 60, first, wh, q, new Estimate[wh.length], registered);
    }

    @Test
    void aFirstSeriesOfFiveHoursLeavesTheDayIncomplete() {
        // Elhub's own example: 07:00–12:00 at PT1H, positions 1..5 → intervals 7..11 of the day
        DayMerge.Merged day = DayMerge.merge(null, List.of(hours(7, MORNING, 10_000, 12_000, 9_000, 14_000, 17_000))).orElseThrow();
        assertThat(day.qualities()).isEqualTo("-------MMMMM------------");
        assertThat(day.wh()[7]).isEqualTo(10_000);
        assertThat(day.wh()[11]).isEqualTo(17_000);
        assertThat(day.complete()).isFalse();
        assertThat(day.registered()[7]).isEqualTo(MORNING.getEpochSecond());
        assertThat(day.registered()[0]).isZero();
    }

    @Test
    void theRestOfTheDayCompletesIt() {
        DayMerge.Merged morning = DayMerge.merge(null, List.of(hours(7, MORNING, 10_000, 12_000, 9_000, 14_000, 17_000))).orElseThrow();
        int[] rest = new int[19];
        Arrays.fill(rest, 1_000);
        DayMerge.Merged whole = DayMerge.merge(stored(morning), List.of(hours(0, NOON, 1, 2, 3, 4, 5, 6, 7), hours(12, NOON,
                1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000))).orElseThrow();
        assertThat(whole.complete()).isTrue();
        assertThat(whole.qualities()).isEqualTo("M".repeat(24));
        // the morning's values are kept with their own registration time
        assertThat(whole.wh()[7]).isEqualTo(10_000);
        assertThat(whole.registered()[7]).isEqualTo(MORNING.getEpochSecond());
        assertThat(whole.registered()[0]).isEqualTo(NOON.getEpochSecond());
        assertThat(Arrays.stream(whole.wh()).sum()).isEqualTo(1 + 2 + 3 + 4 + 5 + 6 + 7 + 62_000 + 12 * 1_000);
    }

    @Test
    void aCorrectionResendsOnlyTheChangedValueAndAnOlderRegistrationChangesNothing() {
        DayMerge.Merged first = DayMerge.merge(null, List.of(hours(0, MORNING, flat(24, 500)))).orElseThrow();
        // corrected: hour 9 was 2.500 kWh, registered three days later
        DayMerge.Merged corrected = DayMerge.merge(stored(first), List.of(hours(9, LATER, 2_500))).orElseThrow();
        assertThat(corrected.wh()[9]).isEqualTo(2_500);
        assertThat(corrected.wh()[8]).isEqualTo(500);
        assertThat(corrected.registered()[9]).isEqualTo(LATER.getEpochSecond());
        // the first delivery comes again (a batch re-served): it was registered earlier, so nothing changes
        assertThat(DayMerge.merge(stored(corrected), List.of(hours(0, MORNING, flat(24, 500))))).isEmpty();
        // the same correction again: nothing changes either
        assertThat(DayMerge.merge(stored(corrected), List.of(hours(9, LATER, 2_500)))).isEmpty();
    }

    @Test
    void estimatedAndTemporaryValuesKeepTheirCodesUntilAMeteredValueReplacesThem() {
        IntervalValues estimated = new IntervalValues(2, "707057500000000018", JUNE_16, 60, 0, flat(24, 700),
                qualities("E" + "M".repeat(22) + "T"), estimates(24, Map.of(0, new Estimate("56", "V001", "E002"),
                        23, new Estimate(null, "V003", "E004"))), MORNING);
        DayMerge.Merged day = DayMerge.merge(null, List.of(estimated)).orElseThrow();
        assertThat(day.qualities()).startsWith("EM").endsWith("MT");
        assertThat(day.estimates()).containsOnlyKeys(0, 23).containsEntry(0, new Estimate("56", "V001", "E002"));
        DayMerge.Merged metered = DayMerge.merge(stored(day), List.of(hours(0, LATER, 650))).orElseThrow();
        assertThat(metered.qualities()).startsWith("MM");
        assertThat(metered.estimates()).containsOnlyKeys(23);
    }

    @Test
    void valuesFromOurOwnImportAreReplacedByAnyRegistration() {
        DayMerge.Stored csv = new DayMerge.Stored(60, flat(24, 400), "M".repeat(24), null, Map.of());
        DayMerge.Merged day = DayMerge.merge(csv, List.of(hours(3, MORNING, 450))).orElseThrow();
        assertThat(day.wh()[3]).isEqualTo(450);
        assertThat(day.registered()[3]).isEqualTo(MORNING.getEpochSecond());
        assertThat(day.registered()[4]).isZero();
    }

    @Test
    void daylightSavingDaysHave92And100QuarterHours() {
        LocalDate spring = LocalDate.of(2026, 3, 29);
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        assertThat(DayMerge.merge(null, List.of(quarters(spring, 0, 92))).orElseThrow().complete()).isTrue();
        assertThat(DayMerge.merge(null, List.of(quarters(autumn, 0, 100))).orElseThrow().complete()).isTrue();
        // 96 values on the 25-hour day leave its last hour missing
        assertThat(DayMerge.merge(null, List.of(quarters(autumn, 0, 96))).orElseThrow().qualities()).endsWith("M----");
        assertThatThrownBy(() -> DayMerge.merge(null, List.of(quarters(spring, 0, 96))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("meterValue.count"));
    }

    @Test
    void aResolutionOtherThanTheStoredDaysIsRefused() {
        DayMerge.Merged hourly = DayMerge.merge(null, List.of(hours(0, MORNING, flat(24, 500)))).orElseThrow();
        assertThatThrownBy(() -> DayMerge.merge(stored(hourly), List.of(quarters(JUNE_16, 0, 4))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("meterValue.resolution"));
    }

    /** However the series of a day are ordered in a batch, the stored day is the same. */
    @Property(tries = 500)
    void theOrderOfArrivalDoesNotMatter(@ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<IntervalValues> series = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int first = random.nextInt(96);
            int length = 1 + random.nextInt(96 - first);
            int[] wh = new int[length];
            for (int k = 0; k < length; k++) {
                wh[k] = random.nextInt(5_000);
            }
            char[] q = new char[length];
            Arrays.fill(q, random.nextBoolean() ? 'M' : 'E');
            series.add(new IntervalValues(p, "707057500000000018", JUNE_16, 15, first, wh, q, new Estimate[length],
                    MORNING.plusSeconds(60L * p)));
        }
        DayMerge.Merged inOrder = DayMerge.merge(null, series).orElseThrow();
        List<IntervalValues> shuffled = new ArrayList<>(series);
        Collections.shuffle(shuffled, random);
        // one at a time, in the shuffled order, each onto what the earlier ones stored
        DayMerge.Stored day = null;
        for (IntervalValues s : shuffled) {
            var merged = DayMerge.merge(day, List.of(s));
            if (merged.isPresent()) {
                day = stored(merged.get());
            }
        }
        assertThat(day.wh()).isEqualTo(inOrder.wh());
        assertThat(day.qualities()).isEqualTo(inOrder.qualities());
        assertThat(day.registered()).isEqualTo(inOrder.registered());
    }

    private static IntervalValues quarters(LocalDate day, int first, int count) {
        char[] q = new char[count];
        Arrays.fill(q, 'M');
        return new IntervalValues(1, "707057500000000018", day, 15, first, flat(count, 100), q, new Estimate[count], MORNING);
    }

    private static DayMerge.Stored stored(DayMerge.Merged m) {
        return new DayMerge.Stored(m.resolutionMinutes(), m.wh(), m.qualities(), m.registered(), m.estimates());
    }

    private static int[] flat(int count, int wh) {
        int[] values = new int[count];
        Arrays.fill(values, wh);
        return values;
    }

    private static char[] qualities(String codes) {
        return codes.toCharArray();
    }

    private static Estimate[] estimates(int count, Map<Integer, Estimate> at) {
        Estimate[] estimates = new Estimate[count];
        at.forEach((i, e) -> estimates[i] = e);
        return estimates;
    }
}
