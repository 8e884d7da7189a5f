package no.kraft.cis.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.period.Period;
import org.junit.jupiter.api.Test;

/** The runs of Norgespris days the RME report has a row each for. */
class MonthResultTest {

    @Test
    void runsBreakOnAGapAndOnAHouseholdCabinChange() {
        // 1–9 household, 10–14 strømstøtte (cancelled), 15–19 household again, 20–30 cabin
        List<DayResult> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            CompensationClass c = d < 10 ? CompensationClass.NORGESPRIS_HOUSEHOLD : d < 15 ? CompensationClass.STROMSTOTTE
                    : d < 20 ? CompensationClass.NORGESPRIS_HOUSEHOLD : CompensationClass.NORGESPRIS_HOLIDAY_HOME;
            days.add(new DayResult(LocalDate.of(2025, 11, d), c, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, true));
        }
        MonthResult result = new MonthResult(YearMonth.of(2025, 11), 0, SchemeTotal.NONE, SchemeTotal.NONE, days);
        assertThat(result.norgesprisPeriods()).containsExactly(
                Period.of(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 10)),
                Period.of(LocalDate.of(2025, 11, 15), LocalDate.of(2025, 11, 20)),
                Period.of(LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 1)));
        assertThat(result.norgesprisPeriodsText()).isEqualTo("2025-11-01/2025-11-10,2025-11-15/2025-11-20,2025-11-20/2025-12-01");
    }
}
