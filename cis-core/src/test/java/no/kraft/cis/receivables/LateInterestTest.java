package no.kraft.cis.receivables;

import static no.kraft.cis.receivables.TestData.RATES;
import static no.kraft.cis.receivables.TestData.day;
import static no.kraft.cis.receivables.TestData.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LateInterestTest {

    /*
     * NOK 1 000 due 2025-06-20, interest through 2025-08-10, across the 1 July rate change.
     *   1H 2025 at 12.50 %: 2025-06-21 … 2025-06-30 = 10 days
     *   2H 2025 at 12.25 %: 2025-07-01 … 2025-08-10 = 31 + 10 = 41 days
     *   1000 × 12.50 × 10 / 36 500 = 125 000 / 36 500 =  3.424657…
     *   1000 × 12.25 × 41 / 36 500 = 502 250 / 36 500 = 13.760273…
     *   sum 627 250 / 36 500 = 17.184931… → 17.18
     */
    @Test
    void nokThousandAcrossTheFirstOfJuly() {
        assertThat(LateInterest.on(nok("1000.00"), day("2025-06-20"), day("2025-08-10"), RATES)).isEqualByComparingTo("17.18");
    }

    /*
     * The same claim, NOK 400 paid on 2025-07-15 (the payment day still bears interest on the whole amount):
     *   1000 × 12.50 × 10 (06-21 … 06-30)  = 125 000
     *   1000 × 12.25 × 15 (07-01 … 07-15)  = 183 750
     *    600 × 12.25 × 26 (07-16 … 08-10)  = 191 100
     *   sum 499 850 / 36 500 = 13.694520… → 13.69
     */
    @Test
    void aPartPaymentInTheMiddle() {
        List<BalanceChange> changes = List.of(new BalanceChange(day("2025-06-01"), nok("1000.00")),
                new BalanceChange(day("2025-07-15"), nok("-400.00")));
        assertThat(LateInterest.on(changes, day("2025-06-20"), day("2025-08-10"), RATES)).isEqualByComparingTo("13.69");
    }

    /*
     * Rounding only at the end: NOK 333.33 for 3 days at 12.25 % and 3 days at 12.00 % (2025-12-29 … 2026-01-03).
     *   333.33 × 12.25 × 3 = 12 249.8775 → /36 500 = 0.335613… (0.34 alone)
     *   333.33 × 12.00 × 3 = 11 999.88   → /36 500 = 0.328763… (0.33 alone)
     *   together 24 249.7575 / 36 500 = 0.664377… → 0.66 (rounding each side would give 0.67)
     */
    @Test
    void roundsOnceAtTheEnd() {
        assertThat(LateInterest.on(nok("333.33"), day("2025-12-28"), day("2026-01-03"), RATES)).isEqualByComparingTo("0.66");
    }

    /* The due date itself bears nothing; the day after is the first day: 1000 × 12.5 × 1 / 36 500 = 0.342… → 0.34. */
    @Test
    void firstDayOfInterestIsTheDayAfterTheDueDate() {
        assertThat(LateInterest.on(nok("1000"), day("2025-03-10"), day("2025-03-10"), RATES)).isEqualByComparingTo("0.00");
        assertThat(LateInterest.on(nok("1000"), day("2025-03-10"), day("2025-03-11"), RATES)).isEqualByComparingTo("0.34");
    }

    /*
     * Actual/365 in a leap year: 2028-02-01 … 2028-03-01 is 29 days (the 29th counts as a day), each 1/365 of the rate.
     *   10 000 × 10 × 29 / 36 500 = 2 900 000 / 36 500 = 79.452… → 79.45
     */
    @Test
    void leapDayIsOneMoreDayOverThreeSixtyFive() {
        List<LateInterestRate> rates = List.of(LateInterestRate.of(day("2028-01-01"), "10", false, "example"));
        assertThat(LateInterest.on(nok("10000"), day("2028-01-31"), day("2028-02-29"), rates)).isEqualByComparingTo("79.45");
    }

    @Test
    void aDayWithoutARateRefuses() {
        assertThatThrownBy(() -> LateInterest.on(nok("1000"), day("2026-06-20"), day("2026-07-02"), RATES))
                .isInstanceOf(MissingInterestRateException.class)
                .satisfies(e -> assertThat(((MissingInterestRateException) e).day()).isEqualTo(day("2026-07-01")));
    }

    @Test
    void creditBearsNothing() {
        List<BalanceChange> overpaid = List.of(new BalanceChange(day("2025-02-01"), nok("500")),
                new BalanceChange(day("2025-02-10"), nok("-600")));
        // 500 × 12.5 × 9 (02-02 … 02-10) / 36 500 = 56 250 / 36 500 = 1.541… → 1.54; nothing after the over-payment
        assertThat(LateInterest.on(overpaid, day("2025-02-01"), day("2025-06-30"), RATES)).isEqualByComparingTo("1.54");
    }

    private static final LocalDate FIRST = day("2025-01-01");

    @Property
    void growsWithTheDays(@ForAll @LongRange(min = 1, max = 10_000_000) long ore, @ForAll @IntRange(min = 0, max = 300) int due,
            @ForAll @IntRange(min = 0, max = 250) int days, @ForAll @IntRange(min = 0, max = 200) int more) {
        BigDecimal amount = BigDecimal.valueOf(ore, 2);
        LocalDate dueDate = FIRST.plusDays(due).minusDays(1);
        LocalDate through = clip(dueDate.plusDays(days));
        LocalDate later = clip(through.plusDays(more));
        assertThat(LateInterest.on(amount, dueDate, later, RATES)).isGreaterThanOrEqualTo(LateInterest.on(amount, dueDate, through, RATES));
    }

    @Property
    void growsWithTheAmount(@ForAll @LongRange(min = 0, max = 10_000_000) long ore, @ForAll @LongRange(min = 0, max = 10_000_000) long extra,
            @ForAll @IntRange(min = 0, max = 500) int due, @ForAll @IntRange(min = 0, max = 500) int days) {
        LocalDate dueDate = FIRST.plusDays(due).minusDays(1);
        LocalDate through = clip(dueDate.plusDays(days));
        assertThat(LateInterest.on(BigDecimal.valueOf(ore + extra, 2), dueDate, through, RATES))
                .isGreaterThanOrEqualTo(LateInterest.on(BigDecimal.valueOf(ore, 2), dueDate, through, RATES));
    }

    @Property
    void zeroForNothingOpen(@ForAll @LongRange(min = -10_000_000, max = 0) long ore, @ForAll @IntRange(min = 0, max = 500) int due,
            @ForAll @IntRange(min = 0, max = 500) int days) {
        LocalDate dueDate = FIRST.plusDays(due).minusDays(1);
        assertThat(LateInterest.on(BigDecimal.valueOf(ore, 2), dueDate, clip(dueDate.plusDays(days)), RATES)).isZero();
    }

    /** The seeded rates end on 2026-06-30. */
    private static LocalDate clip(LocalDate day) {
        LocalDate last = day("2026-06-30");
        return day.isAfter(last) ? last : day;
    }
}
