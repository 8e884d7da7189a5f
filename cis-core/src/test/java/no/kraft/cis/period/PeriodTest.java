package no.kraft.cis.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import no.kraft.cis.rule.InvalidValueException;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);

    @Test
    void halfOpenEndIsExclusive() {
        Period march = Period.of(MAR_1, APR_1);
        assertThat(march.contains(MAR_1)).isTrue();
        assertThat(march.contains(LocalDate.of(2026, 3, 31))).isTrue();
        assertThat(march.contains(APR_1)).isFalse();
        assertThat(march.overlaps(Period.from(APR_1))).isFalse();          // back to back
        assertThat(march.overlaps(Period.of(LocalDate.of(2026, 3, 31), APR_1))).isTrue();
        assertThat(Period.from(MAR_1).overlaps(Period.from(LocalDate.of(2030, 1, 1)))).isTrue();
    }

    @Test
    void emptyPeriodOverlapsNothing() {
        assertThat(Period.of(MAR_1, MAR_1).isEmpty()).isTrue();
        assertThat(Period.of(MAR_1, MAR_1).overlaps(Period.from(LocalDate.of(2020, 1, 1)))).isFalse();
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThatThrownBy(() -> Period.of(APR_1, MAR_1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("period.endBeforeStart"));
    }

    @Test
    void clippingKeepsTheDaysInsideTheOtherPeriod() {
        Period march = Period.of(MAR_1, APR_1);
        assertThat(Period.from(LocalDate.of(2026, 3, 10)).clippedTo(march)).isEqualTo(Period.of(LocalDate.of(2026, 3, 10), APR_1));
        assertThat(Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 5)).clippedTo(march))
                .isEqualTo(Period.of(MAR_1, LocalDate.of(2026, 3, 5)));
        assertThat(Period.from(LocalDate.of(2026, 1, 1)).clippedTo(Period.from(MAR_1))).isEqualTo(Period.from(MAR_1));
    }
}
