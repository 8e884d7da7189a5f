package no.kraft.cis.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class InstalmentSplitTest {

    @Test
    void twoThousandThreeHundredFortyFiveSixtySevenOverThreeMonthsSplitsEvenly() {
        // 2 345.67 ÷ 3 = 781.89 exactly (3 × 781.89 = 2 345.67): nothing left over
        List<InstalmentSplit.Part> parts = InstalmentSplit.of(new BigDecimal("2345.67"), 3, LocalDate.of(2026, 3, 29));
        assertThat(parts).extracting(p -> p.amount().toPlainString()).containsExactly("781.89", "781.89", "781.89");
        assertThat(parts).extracting(InstalmentSplit.Part::dueDate)
                .containsExactly(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 4, 29), LocalDate.of(2026, 5, 29));
    }

    @Test
    void theOreLeftOverGoOnTheLastInstalment() {
        // 1 000.00 ÷ 3 = 333.333… → 333.33 twice (down), the last 1 000.00 − 666.66 = 333.34
        assertThat(InstalmentSplit.of(new BigDecimal("1000.00"), 3, LocalDate.of(2026, 1, 10)))
                .extracting(p -> p.amount().toPlainString()).containsExactly("333.33", "333.33", "333.34");
        // 2 345.68 ÷ 4 = 586.42; 100.00 ÷ 6 = 16.66 × 5 = 83.30, last 16.70
        assertThat(InstalmentSplit.of(new BigDecimal("2345.68"), 4, LocalDate.of(2026, 1, 10)))
                .extracting(p -> p.amount().toPlainString()).containsExactly("586.42", "586.42", "586.42", "586.42");
        assertThat(InstalmentSplit.of(new BigDecimal("100.00"), 6, LocalDate.of(2026, 1, 10)).getLast().amount())
                .isEqualByComparingTo("16.70");
    }

    @Test
    void dueDatesCountFromTheFirstAndClampToTheMonthsEnd() {
        assertThat(InstalmentSplit.of(new BigDecimal("900.00"), 3, LocalDate.of(2026, 1, 31))).extracting(InstalmentSplit.Part::dueDate)
                .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
    }

    @Property
    void theInstalmentsAlwaysSumToTheAmountExactlyAndAreNeverNegative(@ForAll @LongRange(min = 1, max = 10_000_000_00L) long ore,
            @ForAll @IntRange(min = 1, max = 36) int count) {
        BigDecimal amount = BigDecimal.valueOf(ore, 2);
        List<InstalmentSplit.Part> parts = InstalmentSplit.of(amount, count, LocalDate.of(2026, 3, 15));
        assertThat(parts).hasSize(count);
        assertThat(parts.stream().map(InstalmentSplit.Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
        BigDecimal first = parts.getFirst().amount();
        for (InstalmentSplit.Part p : parts) {
            assertThat(p.amount().signum()).isGreaterThanOrEqualTo(0);
            assertThat(p.amount().scale()).isEqualTo(2);
            // the last carries less than one øre per instalment more than the others
            assertThat(p.amount().subtract(first)).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(count - 1L, 2));
        }
    }
}
