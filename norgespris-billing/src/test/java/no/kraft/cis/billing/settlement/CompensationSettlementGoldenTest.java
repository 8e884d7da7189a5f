package no.kraft.cis.billing.settlement;

import static no.kraft.cis.meteringpoint.CompensationClass.NONE;
import static no.kraft.cis.meteringpoint.CompensationClass.NORGESPRIS_HOLIDAY_HOME;
import static no.kraft.cis.meteringpoint.CompensationClass.NORGESPRIS_HOUSEHOLD;
import static no.kraft.cis.meteringpoint.CompensationClass.STROMSTOTTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.kraft.cis.meteringpoint.CompensationClass;
import org.junit.jupiter.api.Test;

/** Cases worked out by hand. Norgespris 0.40 NOK/kWh excl. VAT, strømstøtte 90 % above 0.75, VAT 25 %. */
class CompensationSettlementGoldenTest {

    private static final CompensationRules RULES = CompensationRules.october2025();

    @Test
    void householdInNo1CrossesTheCapInsideAQuarterHour() {
        // January 2026, 1.700 kWh every quarter-hour = 163.2 kWh a day; after 30 days 4 896.0 kWh.
        // 31 January: quarters 0..60 add 61 × 1.7 = 103.7 → 4 999.7; quarter 61 (15:15–15:30) has 1.7 kWh of which 0.3
        // fit under the 5 000 kWh cap; quarters 62..95 are above the cap.
        // Spot 1.00 everywhere except quarter 61 on the 31st at 2.00:
        //   (1.00 − 0.40) × 4 999.7 = 2 999.82;  (2.00 − 0.40) × 0.3 = 0.48;  sum 3 000.30 excl. VAT
        //   × 1.25 = 3 750.375 → 3 750.38 (half up, the only rounding)
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            long[] spot = prices(96, "1.00");
            if (d == 31) {
                spot[61] = PriceUnits.of(new BigDecimal("2.00"));
            }
            days.add(new SettlementDay(LocalDate.of(2026, 1, d), wh(96, 1700), spot, NORGESPRIS_HOUSEHOLD, false, RULES));
        }
        MonthResult result = CompensationSettlement.settle(days);

        assertThat(result.actualWh()).isEqualTo(5_059_200);                 // 31 × 163.2 kWh
        assertThat(result.norgespris().coveredWh()).isEqualTo(5_000_000);
        assertThat(result.days().get(29).coveredWh()).isEqualTo(163_200);
        assertThat(result.days().get(30).coveredWh()).isEqualTo(103_700 + 300);
        assertThat(result.norgespris().exactAmount()).isEqualByComparingTo("3750.375");
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("3750.38"));
        assertThat(result.stromstotte()).isEqualTo(SchemeTotal.NONE);
    }

    @Test
    void cabinCrossesItsThousandKwhCapWithHourlyValuesAndQuarterHourPrices() {
        // February 2026, hourly metered cabin, 3.000 kWh every hour = 72 kWh a day; 13 days = 936 kWh.
        // 14 February: hours 0..20 add 63 → 999; hour 21 has 3 kWh of which 1 fits under the 1 000 kWh cap.
        // Each hour's quarter-hour prices are 0.80, 0.90, 1.00, 1.10 → the hour's price is their mean, 0.95.
        //   (0.95 − 0.40) × 1 000 = 550.00 excl. VAT × 1.25 = 687.50
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 28; d++) {
            long[] spot = new long[96];
            for (int q = 0; q < 96; q++) {
                spot[q] = PriceUnits.of(new BigDecimal(new String[] {"0.80", "0.90", "1.00", "1.10"}[q % 4]));
            }
            days.add(new SettlementDay(LocalDate.of(2026, 2, d), wh(24, 3000), spot, NORGESPRIS_HOLIDAY_HOME, false, RULES));
        }
        MonthResult result = CompensationSettlement.settle(days);

        assertThat(result.actualWh()).isEqualTo(2_016_000);                 // 28 × 72 kWh
        assertThat(result.norgespris().coveredWh()).isEqualTo(1_000_000);
        assertThat(result.days().get(13).coveredWh()).isEqualTo(63_000 + 1_000);
        assertThat(result.days().get(14).coveredWh()).isZero();
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("687.50"));
    }

    @Test
    void agreementStartingMidMonthAfterTheCapWasUsedGetsNothing() {
        // April 2026: strømstøtte household until the 19th, Norgespris from the 20th. 2.800 kWh a quarter = 268.8 kWh a
        // day; by the end of the 19th, 19 × 268.8 = 5 107.2 kWh — the month's cap is used before Norgespris starts.
        // Spot 0.70 is below the strømstøtte threshold 0.75, so strømstøtte pays 0 for its covered 5 000 kWh.
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            CompensationClass scheme = d < 20 ? STROMSTOTTE : NORGESPRIS_HOUSEHOLD;
            days.add(new SettlementDay(LocalDate.of(2026, 4, d), wh(96, 2800), prices(96, "0.70"), scheme, false, RULES));
        }
        MonthResult result = CompensationSettlement.settle(days);

        assertThat(result.norgespris().actualWh()).isEqualTo(11 * 268_800);  // 20..30 April
        assertThat(result.norgespris().coveredWh()).isZero();
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(result.stromstotte().coveredWh()).isEqualTo(5_000_000);
        assertThat(result.stromstotte().amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void negativeSpotPriceIsAChargeToTheCustomer() {
        // 1 May 2026: 0.500 kWh a quarter = 48 kWh, spot −0.10: (−0.10 − 0.40) × 48 = −24.00 × 1.25 = −30.00
        MonthResult result = oneDay(LocalDate.of(2026, 5, 1), 96, 500, "-0.10", NORGESPRIS_HOUSEHOLD, false);
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("-30.00"));
    }

    @Test
    void spotBelowTheNorgesprisPriceIsAChargeToTheCustomer() {
        // spot 0.20: (0.20 − 0.40) × 48 = −9.60 × 1.25 = −12.00 — the customer still pays 0.50 incl. VAT per kWh
        MonthResult result = oneDay(LocalDate.of(2026, 5, 1), 96, 500, "0.20", NORGESPRIS_HOUSEHOLD, false);
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("-12.00"));
    }

    @Test
    void vatExemptMeteringPointInNo4GetsTheDifferenceWithoutVat() {
        // Tromsø: spot 1.20, 48 kWh: (1.20 − 0.40) × 48 = 38.40, no VAT
        MonthResult result = oneDay(LocalDate.of(2026, 5, 1), 96, 500, "1.20", NORGESPRIS_HOUSEHOLD, true);
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("38.40"));
    }

    @Test
    void octoberDstDayHasOneHundredQuarterHours() {
        // 25 October 2026 (clocks back): 100 quarter-hours × 0.100 kWh = 10.0 kWh; spot 1.00:
        // (1.00 − 0.40) × 10.0 = 6.00 × 1.25 = 7.50 (a 96-quarter day would give 7.20). 1–24 October: no consumption.
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 24; d++) {
            days.add(new SettlementDay(LocalDate.of(2026, 10, d), wh(96, 0), prices(96, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES));
        }
        days.add(new SettlementDay(LocalDate.of(2026, 10, 25), wh(100, 100), prices(100, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES));
        MonthResult result = CompensationSettlement.settle(days);
        assertThat(result.days().getLast().actualWh()).isEqualTo(10_000);
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void marchDstDayHasNinetyTwoQuarterHoursAndHourlyPointsTwentyThreeHours() {
        // 29 March 2026 (clocks forward): 92 × 0.100 kWh = 9.2 kWh × 0.60 = 5.52 × 1.25 = 6.90
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 28; d++) {
            days.add(new SettlementDay(LocalDate.of(2026, 3, d), wh(96, 0), prices(96, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES));
        }
        days.add(new SettlementDay(LocalDate.of(2026, 3, 29), wh(92, 100), prices(92, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES));
        assertThat(CompensationSettlement.settle(days).norgespris().amount()).isEqualTo(new BigDecimal("6.90"));

        // An hourly metered point the same day: 23 hours × 0.400 kWh = 9.2 kWh against 92 quarter-hour prices → 6.90
        days.set(28, new SettlementDay(LocalDate.of(2026, 3, 29), wh(23, 400), prices(92, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES));
        assertThat(CompensationSettlement.settle(days).norgespris().amount()).isEqualTo(new BigDecimal("6.90"));
    }

    @Test
    void householdWithoutNorgesprisGetsStromstotteAboveTheThreshold() {
        // spot 1.35, 48 kWh: 0.90 × (1.35 − 0.75) × 48 = 0.54 × 48 = 25.92 × 1.25 = 32.40
        MonthResult result = oneDay(LocalDate.of(2026, 5, 1), 96, 500, "1.35", STROMSTOTTE, false);
        assertThat(result.stromstotte().coveredWh()).isEqualTo(48_000);
        assertThat(result.stromstotte().amount()).isEqualTo(new BigDecimal("32.40"));
        assertThat(result.norgespris()).isEqualTo(SchemeTotal.NONE);

        // spot below the threshold: nothing, never a charge
        assertThat(oneDay(LocalDate.of(2026, 5, 1), 96, 500, "0.50", STROMSTOTTE, false).stromstotte().amount())
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void businessWithNoCompensationGetsNothing() {
        MonthResult result = oneDay(LocalDate.of(2026, 5, 1), 96, 500, "2.00", NONE, false);
        assertThat(result.actualWh()).isEqualTo(48_000);
        assertThat(result.norgespris()).isEqualTo(SchemeTotal.NONE);
        assertThat(result.stromstotte()).isEqualTo(SchemeTotal.NONE);
        assertThat(result.days().getFirst().coveredWh()).isZero();
    }

    @Test
    void hourlySettlementOfQuarterHourValuesUsesTheHoursMeanPrice() {
        // Rules with hourly settlement: quarter-hours of 0.5 kWh priced 0.40, 0.40, 0.40, 2.40 → per quarter-hour
        // (0 + 0 + 0 + 2.00 × 0.5) = 1.00 an hour; per hour 2.0 kWh × (0.90 − 0.40) = 1.00 too — equal here because the
        // consumption is flat. With 0.2, 0.2, 0.2, 1.4 kWh: per quarter-hour 2.00 × 1.4 = 2.80; per hour 2.0 × 0.50 = 1.00.
        CompensationRules hourly = new CompensationRules(RULES.validFrom(), RULES.norgesprisPrice(), 5_000, 1_000,
                RULES.stromstotteThreshold(), RULES.stromstotteShare(), 5_000, RULES.vatRate(), true);
        int[] wh = new int[96];
        long[] spot = new long[96];
        for (int q = 0; q < 96; q++) {
            wh[q] = q % 4 == 3 ? 1400 : 200;
            spot[q] = PriceUnits.of(new BigDecimal(q % 4 == 3 ? "2.40" : "0.40"));
        }
        var perHour = CompensationSettlement.settle(List.of(new SettlementDay(LocalDate.of(2026, 5, 1), wh, spot, NORGESPRIS_HOUSEHOLD, true, hourly)));
        var perQuarter = CompensationSettlement.settle(List.of(new SettlementDay(LocalDate.of(2026, 5, 1), wh, spot, NORGESPRIS_HOUSEHOLD, true, RULES)));
        assertThat(perHour.norgespris().amount()).isEqualTo(new BigDecimal("24.00"));      // 24 h × 1.00, VAT-exempt
        assertThat(perQuarter.norgespris().amount()).isEqualTo(new BigDecimal("67.20"));   // 24 h × 2.80
    }

    private static MonthResult oneDay(LocalDate day, int intervals, int whEach, String price, CompensationClass scheme, boolean exempt) {
        assertThat(YearMonth.from(day).atDay(1)).isEqualTo(day);
        return CompensationSettlement.settle(List.of(new SettlementDay(day, wh(intervals, whEach), prices(intervals, price), scheme, exempt, RULES)));
    }

    static int[] wh(int intervals, int each) {
        int[] wh = new int[intervals];
        Arrays.fill(wh, each);
        return wh;
    }

    static long[] prices(int intervals, String nokPerKwh) {
        long[] spot = new long[intervals];
        Arrays.fill(spot, PriceUnits.of(new BigDecimal(nokPerKwh)));
        return spot;
    }
}
