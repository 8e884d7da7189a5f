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

/**
 * Cases worked out by hand. Norgespris 0.40 NOK/kWh excl. VAT, strømstøtte 90 % above 0.75 (2025) or 0.77 (2026), VAT
 * 25 %. The rule in force settles per hour (the law's hour); {@link CompensationRules#perQuarterHour()} is the switch
 * kept for a future regulation.
 */
class CompensationSettlementGoldenTest {

    private static final CompensationRules RULES = CompensationRules.october2025();
    private static final CompensationRules RULES_2026 = CompensationRules.year2026();

    @Test
    void quarterHourHouseholdWhoseConsumptionVariesInsideTheHoursCrossesTheCapInsideAnHour() {
        // January 2026, 15-minute household. Every hour the quarter-hours use 1.0, 2.0, 3.0, 4.5 kWh = 10.5 kWh an hour,
        // 252 kWh a day, priced 0.80, 1.00, 1.20, 1.40 → the hour's price is their mean, 1.10.
        // After 19 days 19 × 252 = 4 788 kWh; on the 20th hours 0..19 add 20 × 10.5 = 210 → 4 998; hour 20 (20:00–21:00)
        // crosses the cap: 2.0 of its 10.5 kWh are covered, at that hour's price. Its quarter prices are 2.00, 2.20, 2.40,
        // 2.60 → mean 2.30.
        // Per hour:        4 998 × (1.10 − 0.40) + 2.0 × (2.30 − 0.40) = 3 498.60 + 3.80 = 3 502.40 × 1.25 = 4 378.00
        // Per quarter-hour: an ordinary hour 1.0 × 0.40 + 2.0 × 0.60 + 3.0 × 0.80 + 4.5 × 1.00 = 8.50; 476 hours = 4 046.00;
        //                  the crossing hour 1.0 × (2.00 − 0.40) + 1.0 of 2.0 × (2.20 − 0.40) = 1.60 + 1.80 = 3.40;
        //                  4 049.40 × 1.25 = 5 061.75 — what the older reading would have credited
        List<SettlementDay> days = januaryCrossingTheCapInHour20();
        MonthResult perHour = CompensationSettlement.settle(days);
        assertThat(perHour.norgespris().coveredWh()).isEqualTo(5_000_000);
        assertThat(perHour.days().get(19).coveredWh()).isEqualTo(212_000);          // 20 × 10.5 + 2.0
        assertThat(perHour.days().get(20).coveredWh()).isZero();
        assertThat(perHour.norgespris().exactAmount()).isEqualByComparingTo("4378.00");
        assertThat(perHour.norgespris().amount()).isEqualTo(new BigDecimal("4378.00"));
        assertThat(perHour.days()).allMatch(DayResult::perHour);
        assertThat(perHour.days().getFirst().settledPer()).isEqualTo("PT60M");

        List<SettlementDay> perQuarterDays = days.stream().map(d -> new SettlementDay(d.day(), d.wh(), d.spot(), d.compensation(),
                d.vatExempt(), RULES_2026.perQuarterHour())).toList();
        MonthResult perQuarter = CompensationSettlement.settle(perQuarterDays);
        assertThat(perQuarter.norgespris().coveredWh()).isEqualTo(5_000_000);
        assertThat(perQuarter.norgespris().amount()).isEqualTo(new BigDecimal("5061.75"));
        assertThat(perQuarter.days().getFirst().settledPer()).isEqualTo("PT15M");
    }

    @Test
    void theExplanationOfTheDayTheCapFillsShowsEachHourAndSumsToTheDay() {
        // The case above: 20 January 2026, 10.5 kWh an hour at 1.10 (the mean of its quarter-hours), 4 788 kWh used before
        // the day. Hours 0..19 are covered whole: 10.5 × (1.10 − 0.40) × 1.25 = 9.1875 each; hour 20 crosses the cap with
        // 2.0 of its 10.5 kWh at 2.30: 2.0 × 1.90 × 1.25 = 4.75; hours 21..23 above the cap: nothing.
        // The day: 20 × 9.1875 + 4.75 = 188.50 — the same as the day in the month's settlement.
        List<SettlementDay> days = januaryCrossingTheCapInHour20();
        CompensationSettlement.DayExplanation why = CompensationSettlement.explain(days, LocalDate.of(2026, 1, 20));
        assertThat(why.monthToDateBeforeWh()).isEqualTo(4_788_000);
        assertThat(why.capWh()).isEqualTo(5_000_000);
        assertThat(why.referenceUnits()).isEqualTo(PriceUnits.of(new BigDecimal("0.40")));
        assertThat(why.intervals()).hasSize(24);
        assertThat(why.intervals().get(0).wh()).isEqualTo(10_500);
        assertThat(why.intervals().get(0).priceUnits()).isEqualTo(PriceUnits.of(new BigDecimal("1.10")));
        assertThat(why.intervals().get(0).amount()).isEqualByComparingTo("9.1875");
        assertThat(why.intervals().subList(0, 20)).allMatch(i -> i.coveredWh() == 10_500);
        CompensationSettlement.Interval crossing = why.intervals().get(20);
        assertThat(crossing.coveredWh()).isEqualTo(2_000);
        assertThat(crossing.priceUnits()).isEqualTo(PriceUnits.of(new BigDecimal("2.30")));
        assertThat(crossing.amount()).isEqualByComparingTo("4.75");
        assertThat(crossing.monthToDateWh()).isEqualTo(5_008_500);     // 4 998 + 10.5
        assertThat(why.intervals().subList(21, 24)).allMatch(i -> i.coveredWh() == 0 && i.amount().signum() == 0);
        assertThat(why.day().amount()).isEqualByComparingTo("188.50");
        assertThat(why.intervals().stream().map(CompensationSettlement.Interval::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(why.day().amount());
        assertThat(why.day()).isEqualTo(CompensationSettlement.settle(days).days().get(19));
    }

    /**
     * January 2026, a 15-minute household: every hour's quarters use 1.0, 2.0, 3.0, 4.5 kWh priced 0.80, 1.00, 1.20, 1.40;
     * on the 20th, hour 20's quarters are priced 2.00, 2.20, 2.40, 2.60 (the hour in which the 5 000 kWh cap fills).
     */
    private static List<SettlementDay> januaryCrossingTheCapInHour20() {
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            int[] wh = new int[96];
            long[] spot = new long[96];
            for (int q = 0; q < 96; q++) {
                wh[q] = new int[] {1000, 2000, 3000, 4500}[q % 4];
                boolean crossing = d == 20 && q / 4 == 20;
                spot[q] = PriceUnits.of(new BigDecimal(crossing ? new String[] {"2.00", "2.20", "2.40", "2.60"}[q % 4]
                        : new String[] {"0.80", "1.00", "1.20", "1.40"}[q % 4]));
            }
            days.add(new SettlementDay(LocalDate.of(2026, 1, d), wh, spot, NORGESPRIS_HOUSEHOLD, false, RULES_2026));
        }
        return days;
    }

    @Test
    void perQuarterHourRuleCrossesTheCapInsideAQuarterHour() {
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
            days.add(new SettlementDay(LocalDate.of(2026, 1, d), wh(96, 1700), spot, NORGESPRIS_HOUSEHOLD, false,
                    RULES_2026.perQuarterHour()));
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
            days.add(new SettlementDay(LocalDate.of(2026, 2, d), wh(24, 3000), spot, NORGESPRIS_HOLIDAY_HOME, false, RULES_2026));
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
            days.add(new SettlementDay(LocalDate.of(2026, 4, d), wh(96, 2800), prices(96, "0.70"), scheme, false, RULES_2026));
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
            days.add(new SettlementDay(LocalDate.of(2026, 10, d), wh(96, 0), prices(96, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES_2026));
        }
        days.add(new SettlementDay(LocalDate.of(2026, 10, 25), wh(100, 100), prices(100, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES_2026));
        MonthResult result = CompensationSettlement.settle(days);
        assertThat(result.days().getLast().actualWh()).isEqualTo(10_000);
        assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void marchDstDayHasNinetyTwoQuarterHoursAndHourlyPointsTwentyThreeHours() {
        // 29 March 2026 (clocks forward): 92 × 0.100 kWh = 9.2 kWh × 0.60 = 5.52 × 1.25 = 6.90
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d <= 28; d++) {
            days.add(new SettlementDay(LocalDate.of(2026, 3, d), wh(96, 0), prices(96, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES_2026));
        }
        days.add(new SettlementDay(LocalDate.of(2026, 3, 29), wh(92, 100), prices(92, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES_2026));
        assertThat(CompensationSettlement.settle(days).norgespris().amount()).isEqualTo(new BigDecimal("6.90"));

        // An hourly metered point the same day: 23 hours × 0.400 kWh = 9.2 kWh against 92 quarter-hour prices → 6.90
        days.set(28, new SettlementDay(LocalDate.of(2026, 3, 29), wh(23, 400), prices(92, "1.00"), NORGESPRIS_HOUSEHOLD, false, RULES_2026));
        assertThat(CompensationSettlement.settle(days).norgespris().amount()).isEqualTo(new BigDecimal("6.90"));
    }

    @Test
    void householdWithoutNorgesprisGetsStromstotteAboveTheThreshold() {
        // 2025 (threshold 0.75): spot 1.35, 48 kWh: 0.90 × (1.35 − 0.75) × 48 = 0.54 × 48 = 25.92 × 1.25 = 32.40
        MonthResult result = oneDay(LocalDate.of(2025, 11, 1), 96, 500, "1.35", STROMSTOTTE, false, RULES);
        assertThat(result.stromstotte().coveredWh()).isEqualTo(48_000);
        assertThat(result.stromstotte().amount()).isEqualTo(new BigDecimal("32.40"));
        assertThat(result.norgespris()).isEqualTo(SchemeTotal.NONE);

        // spot below the threshold: nothing, never a charge
        assertThat(oneDay(LocalDate.of(2025, 11, 1), 96, 500, "0.50", STROMSTOTTE, false, RULES).stromstotte().amount())
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void stromstotteIn2026PaysAbove77Ore() {
        // May 2026 (threshold 0.77 ex VAT = 96.25 øre incl.): spot 1.35, 48 kWh:
        // 0.90 × (1.35 − 0.77) × 48 = 0.522 × 48 = 25.056 × 1.25 = 31.32; with 2025's 0.75 it would have been 32.40
        MonthResult result = oneDay(LocalDate.of(2026, 5, 1), 96, 500, "1.35", STROMSTOTTE, false, RULES_2026);
        assertThat(result.stromstotte().exactAmount()).isEqualByComparingTo("31.32");
        assertThat(result.stromstotte().amount()).isEqualTo(new BigDecimal("31.32"));
        // spot 0.77 exactly pays nothing; in a VAT-exempt county 0.90 × (1.35 − 0.77) × 48 = 25.056 → 25.06 without VAT
        assertThat(oneDay(LocalDate.of(2026, 5, 1), 96, 500, "0.77", STROMSTOTTE, false, RULES_2026).stromstotte().amount())
                .isEqualTo(new BigDecimal("0.00"));
        assertThat(oneDay(LocalDate.of(2026, 5, 1), 96, 500, "1.35", STROMSTOTTE, true, RULES_2026).stromstotte().amount())
                .isEqualTo(new BigDecimal("25.06"));
    }

    @Test
    void housingCooperativesCapIsFiveThousandKwhPerDwellingUnit() {
        // January 2026, a borettslag's common meter with 3 dwelling units on strømstøtte: 2.000 kWh a quarter = 192 kWh a
        // day, 31 days = 5 952 kWh, all under the cap of 3 × 5 000 = 15 000. Spot 1.27: 0.90 × (1.27 − 0.77) = 0.45;
        // 0.45 × 5 952 = 2 678.40 × 1.25 = 3 348.00. One dwelling unit: 5 000 covered → 0.45 × 5 000 × 1.25 = 2 812.50
        List<SettlementDay> three = new ArrayList<>();
        List<SettlementDay> one = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            three.add(new SettlementDay(LocalDate.of(2026, 1, d), wh(96, 2000), prices(96, "1.27"), STROMSTOTTE, false, RULES_2026, 3));
            one.add(new SettlementDay(LocalDate.of(2026, 1, d), wh(96, 2000), prices(96, "1.27"), STROMSTOTTE, false, RULES_2026, 1));
        }
        assertThat(CompensationSettlement.settle(three).stromstotte().coveredWh()).isEqualTo(5_952_000);
        assertThat(CompensationSettlement.settle(three).stromstotte().amount()).isEqualTo(new BigDecimal("3348.00"));
        assertThat(CompensationSettlement.settle(one).stromstotte().coveredWh()).isEqualTo(5_000_000);
        assertThat(CompensationSettlement.settle(one).stromstotte().amount()).isEqualTo(new BigDecimal("2812.50"));
    }

    @Test
    void dstDaysSettleTwentyFiveAndTwentyThreeHoursOfFourQuarterHoursEach() {
        // Each hour's quarter-hours use 0.1, 0.2, 0.3, 0.4 kWh (1.0 kWh an hour) priced 0.40, 0.40, 0.40, 2.40: the
        // hour's price is 0.90, so an hour is 1.0 × (0.90 − 0.40) = 0.50. Quarter by quarter it would be 0.4 × 2.00 = 0.80.
        // 25 October 2026 (clocks back, 100 quarter-hours = 25 hours): 25 × 0.50 = 12.50 × 1.25 = 15.625 → 15.63
        //   (a 24-hour day: 15.00; per quarter-hour: 25 × 0.80 × 1.25 = 25.00)
        // 29 March 2026 (clocks forward, 92 quarter-hours = 23 hours): 23 × 0.50 = 11.50 × 1.25 = 14.375 → 14.38
        assertThat(dstMonth(YearMonth.of(2026, 10), 25, 100, RULES_2026).norgespris().amount()).isEqualTo(new BigDecimal("15.63"));
        assertThat(dstMonth(YearMonth.of(2026, 10), 25, 100, RULES_2026.perQuarterHour()).norgespris().amount())
                .isEqualTo(new BigDecimal("25.00"));
        MonthResult march = dstMonth(YearMonth.of(2026, 3), 29, 92, RULES_2026);
        assertThat(march.norgespris().amount()).isEqualTo(new BigDecimal("14.38"));
        assertThat(march.days().getLast().actualWh()).isEqualTo(23_000);
    }

    @Test
    void hourlyMeteredPointTakesTheMeanOfTheQuarterHourPrices() {
        // An hourly metered household, 1 May 2026: 2.000 kWh every hour = 48 kWh; each hour's quarter prices 0.40, 0.40,
        // 0.40, 2.40 → 0.90. 48 × (0.90 − 0.40) = 24.00 × 1.25 = 30.00 — per hour under either rule
        long[] spot = new long[96];
        for (int q = 0; q < 96; q++) {
            spot[q] = PriceUnits.of(new BigDecimal(q % 4 == 3 ? "2.40" : "0.40"));
        }
        for (CompensationRules rules : List.of(RULES_2026, RULES_2026.perQuarterHour())) {
            MonthResult result = CompensationSettlement.settle(List.of(new SettlementDay(LocalDate.of(2026, 5, 1), wh(24, 2000), spot,
                    NORGESPRIS_HOUSEHOLD, false, rules)));
            assertThat(result.norgespris().amount()).isEqualTo(new BigDecimal("30.00"));
            assertThat(result.days().getFirst().perHour()).isTrue();
        }
    }

    /** Zero consumption until {@code dstDay}, then that day's {@code quarters} with the hour pattern of the DST test. */
    private static MonthResult dstMonth(YearMonth month, int dstDay, int quarters, CompensationRules rules) {
        List<SettlementDay> days = new ArrayList<>();
        for (int d = 1; d < dstDay; d++) {
            days.add(new SettlementDay(month.atDay(d), wh(96, 0), prices(96, "1.00"), NORGESPRIS_HOUSEHOLD, false, rules));
        }
        int[] wh = new int[quarters];
        long[] spot = new long[quarters];
        for (int q = 0; q < quarters; q++) {
            wh[q] = 100 * (q % 4 + 1);
            spot[q] = PriceUnits.of(new BigDecimal(q % 4 == 3 ? "2.40" : "0.40"));
        }
        days.add(new SettlementDay(month.atDay(dstDay), wh, spot, NORGESPRIS_HOUSEHOLD, false, rules));
        return CompensationSettlement.settle(days);
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
        CompensationRules hourly = RULES_2026;
        int[] wh = new int[96];
        long[] spot = new long[96];
        for (int q = 0; q < 96; q++) {
            wh[q] = q % 4 == 3 ? 1400 : 200;
            spot[q] = PriceUnits.of(new BigDecimal(q % 4 == 3 ? "2.40" : "0.40"));
        }
        var perHour = CompensationSettlement.settle(List.of(new SettlementDay(LocalDate.of(2026, 5, 1), wh, spot, NORGESPRIS_HOUSEHOLD, true, hourly)));
        var perQuarter = CompensationSettlement.settle(List.of(new SettlementDay(LocalDate.of(2026, 5, 1), wh, spot, NORGESPRIS_HOUSEHOLD, true,
                RULES_2026.perQuarterHour())));
        assertThat(perHour.norgespris().amount()).isEqualTo(new BigDecimal("24.00"));      // 24 h × 1.00, VAT-exempt
        assertThat(perQuarter.norgespris().amount()).isEqualTo(new BigDecimal("67.20"));   // 24 h × 2.80
    }

    private static MonthResult oneDay(LocalDate day, int intervals, int whEach, String price, CompensationClass scheme, boolean exempt) {
        return oneDay(day, intervals, whEach, price, scheme, exempt, RULES_2026);
    }

    private static MonthResult oneDay(LocalDate day, int intervals, int whEach, String price, CompensationClass scheme, boolean exempt,
            CompensationRules rules) {
        assertThat(YearMonth.from(day).atDay(1)).isEqualTo(day);
        return CompensationSettlement.settle(List.of(new SettlementDay(day, wh(intervals, whEach), prices(intervals, price), scheme, exempt,
                rules)));
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
