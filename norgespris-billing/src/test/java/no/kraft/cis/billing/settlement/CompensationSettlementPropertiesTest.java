package no.kraft.cis.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.kraft.cis.meteringpoint.CompensationClass;

/** Invariants of the settlement over random months: random consumption, prices (negative too), schemes and VAT. */
class CompensationSettlementPropertiesTest {

    private static final CompensationRules RULES = CompensationRules.october2025();

    /** A random prefix of a month: 1–10 days from the 1st of a month in 2026, quarter-hour metered. */
    record Month(List<SettlementDay> days) {
    }

    @Property(tries = 200)
    void coveredNeverExceedsTheCapOrTheConsumption(@ForAll("months") Month month) {
        MonthResult result = CompensationSettlement.settle(month.days());
        long cap = month.days().stream().allMatch(d -> d.compensation() == CompensationClass.NORGESPRIS_HOLIDAY_HOME)
                ? RULES.holidayHomeCapKwh() * 1000 : RULES.householdCapKwh() * 1000;
        assertThat(result.norgespris().coveredWh()).isLessThanOrEqualTo(cap);
        assertThat(result.stromstotte().coveredWh()).isLessThanOrEqualTo(RULES.stromstotteCapKwh() * 1000);
        assertThat(result.norgespris().coveredWh() + result.stromstotte().coveredWh())
                .as("one month-to-date counter for all schemes").isLessThanOrEqualTo(RULES.householdCapKwh() * 1000);
        for (DayResult day : result.days()) {
            assertThat(day.coveredWh()).isBetween(0L, day.actualWh());
        }
    }

    @Property(tries = 200)
    void coveredPlusUncoveredIsTheActualConsumption(@ForAll("months") Month month) {
        MonthResult result = CompensationSettlement.settle(month.days());
        long metered = month.days().stream().flatMapToInt(d -> java.util.Arrays.stream(d.wh())).asLongStream().sum();
        long covered = result.days().stream().mapToLong(DayResult::coveredWh).sum();
        long uncovered = result.days().stream().mapToLong(d -> d.actualWh() - d.coveredWh()).sum();
        assertThat(result.actualWh()).isEqualTo(metered);
        assertThat(covered + uncovered).isEqualTo(metered);
        assertThat(result.days().getLast().monthToDateWh()).isEqualTo(metered);
    }

    @Property(tries = 200)
    void belowTheCapAmountsScaleLinearlyWithConsumption(@ForAll("months") Month month, @ForAll("factors") int factor) {
        MonthResult once = CompensationSettlement.settle(month.days());
        // stay below every cap after scaling: only months whose scaled total is under the smallest cap (1 000 kWh)
        if (once.actualWh() * factor > RULES.holidayHomeCapKwh() * 1000) {
            return;
        }
        List<SettlementDay> scaled = month.days().stream().map(d -> new SettlementDay(d.day(),
                java.util.Arrays.stream(d.wh()).map(w -> w * factor).toArray(), d.spot(), d.compensation(), d.vatExempt(), d.rules()))
                .toList();
        MonthResult times = CompensationSettlement.settle(scaled);
        BigDecimal k = BigDecimal.valueOf(factor);
        assertThat(times.norgespris().exactAmount()).isEqualByComparingTo(once.norgespris().exactAmount().multiply(k));
        assertThat(times.stromstotte().exactAmount()).isEqualByComparingTo(once.stromstotte().exactAmount().multiply(k));
        assertThat(times.norgespris().coveredWh()).isEqualTo(once.norgespris().coveredWh() * factor);
    }

    @Property(tries = 200)
    void theDaysAddUpToTheMonthAndAPrefixSettlesTheSameDays(@ForAll("months") Month month) {
        MonthResult whole = CompensationSettlement.settle(month.days());
        BigDecimal daySum = whole.days().stream().map(DayResult::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(daySum).isEqualByComparingTo(whole.norgespris().exactAmount().add(whole.stromstotte().exactAmount()));

        int k = 1 + month.days().size() / 2;
        MonthResult prefix = CompensationSettlement.settle(month.days().subList(0, k));
        assertThat(prefix.days()).isEqualTo(whole.days().subList(0, k));
    }

    @Provide
    Arbitrary<Integer> factors() {
        return Arbitraries.integers().between(2, 5);
    }

    @Provide
    Arbitrary<Month> months() {
        Arbitrary<CompensationClass> scheme = Arbitraries.of(CompensationClass.class);
        Arbitrary<int[]> consumption = Arbitraries.integers().between(0, 30_000).array(int[].class).ofSize(96)
                .injectDuplicates(0.3);
        Arbitrary<long[]> prices = Arbitraries.integers().between(-50, 600).map(c -> c * 1_000_000L).array(long[].class).ofSize(96);
        Arbitrary<SettlementDay> dayShape = Combinators.combine(consumption, prices, scheme, Arbitraries.of(true, false))
                .as((wh, spot, s, exempt) -> new SettlementDay(LocalDate.of(2026, 1, 1), wh, spot, s, exempt, RULES));
        // half the months keep one scheme all through (so the cap is crossed under it), half change scheme day by day
        Arbitrary<CompensationClass> steady = Arbitraries.of(CompensationClass.class).injectNull(0.5);
        return Combinators.combine(Arbitraries.integers().between(1, 12), dayShape.list().ofMinSize(1).ofMaxSize(10), steady)
                .as((monthOfYear, shapes, one) -> {
                    List<SettlementDay> days = new ArrayList<>();
                    for (int i = 0; i < shapes.size(); i++) {
                        SettlementDay s = shapes.get(i);
                        days.add(new SettlementDay(LocalDate.of(2026, monthOfYear, 1 + i), s.wh(), s.spot(),
                                one != null ? one : s.compensation(), s.vatExempt(), RULES));
                    }
                    return new Month(days);
                });
    }
}
