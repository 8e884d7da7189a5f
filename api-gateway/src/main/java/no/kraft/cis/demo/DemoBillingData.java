package no.kraft.cis.demo;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Map;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.metervalue.MeterValueImport;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import no.kraft.cis.price.NewPriceCalculation;
import no.kraft.cis.price.PriceFormula;
import no.kraft.cis.price.PriceTables;
import no.kraft.cis.price.SpotPriceCsvReader;
import no.kraft.cis.price.SpotPriceImport;
import no.kraft.cis.segment.Segment;
import no.kraft.cis.tariffelement.NewTariffElement;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.TariffPrice;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What the demo needs to be billed: tariff elements for the three products and the compensation lines, last month's
 * spot prices (synthetic, all five areas) with the price table "spot" generated from them, and last month's
 * quarter-hour values for the demo metering points — so {@code POST /api/v1/billing-runs {"month": last month}} works
 * on a fresh local start.
 */
@Component
@ConditionalOnProperty(name = "cis.demo-data.enabled", havingValue = "true")
class DemoBillingData {

    private static final int SPOT_TABLE = 1;

    private final Tariffs tariffs;
    private final PriceTables priceTables;
    private final SpotPriceImport spotPrices;
    private final MeterValueImport meterValues;
    private final Clock clock;

    DemoBillingData(Tariffs tariffs, PriceTables priceTables, SpotPriceImport spotPrices, MeterValueImport meterValues, Clock clock) {
        this.tariffs = tariffs;
        this.priceTables = priceTables;
        this.spotPrices = spotPrices;
        this.meterValues = meterValues;
        this.clock = clock;
    }

    void load(LocalDate elementsFrom, Map<String, Integer> meteringPointsWithWhPerQuarter) {
        YearMonth month = YearMonth.from(NorwegianTime.today(clock)).minusMonths(1);
        spotPrices.store(SpotPriceCsvReader.read(new StringReader(spotCsv(month))), "demo");
        priceTables.define(new NewPriceCalculation(SPOT_TABLE, "Spot", "Spotpris NOK/kWh", PriceFormula.parse(":a"), null, Map.of()));
        for (PriceArea area : PriceArea.values()) {
            priceTables.generate(SPOT_TABLE, area, month.atDay(1), month.plusMonths(1).atDay(1));
        }
        Period from = Period.from(elementsFrom);
        element("SPOT-ENERGI", "KRAFT", "SPOT", TariffElement.Kind.ENERGY_PRICE, "Strøm, spotpris", null,
                new TariffPrice.FromPriceTable(SPOT_TABLE), from);
        element("SPOT-PASLAG", "KRAFT", "SPOT", TariffElement.Kind.MARKUP, "Påslag", null, fixed("0.049"), from);
        element("SPOT-FAST", "KRAFT", "SPOT", TariffElement.Kind.FIXED_MONTHLY, "Fastbeløp", null, fixed("39.00"), from);
        element("VAR-ENERGI", "KRAFT", "VARIABEL", TariffElement.Kind.ENERGY_PRICE, "Strøm, variabel pris", null, fixed("1.10"), from);
        element("VAR-FAST", "KRAFT", "VARIABEL", TariffElement.Kind.FIXED_MONTHLY, "Fastbeløp", null, fixed("49.00"), from);
        element("FAST12-ENERGI", "KRAFT", "FAST12", TariffElement.Kind.ENERGY_PRICE, "Strøm, fastpris", null, fixed("0.89"), from);
        Period schemes = Period.from(LocalDate.of(2025, 10, 1));
        element("NORGESPRIS", "STROMSTOTTE", null, TariffElement.Kind.COMPENSATION, "Norgespris", Segment.NORGESPRIS_HOUSEHOLD,
                fixed("0.40"), schemes);
        element("NORGESPRIS-HYTTE", "STROMSTOTTE", null, TariffElement.Kind.COMPENSATION, "Norgespris fritidsbolig",
                Segment.NORGESPRIS_HOLIDAY_HOME, fixed("0.40"), schemes);
        element("STROMSTOTTE", "STROMSTOTTE", null, TariffElement.Kind.COMPENSATION, "Strømstøtte", Segment.STROMSTOTTE,
                fixed("0.75"), schemes);
        meterValues.importCsv(new ByteArrayInputStream(valuesCsv(month, meteringPointsWithWhPerQuarter).getBytes(StandardCharsets.UTF_8)),
                "demo");
    }

    private void element(String code, String group, String product, TariffElement.Kind kind, String text, Integer segment,
            TariffPrice price, Period validity) {
        tariffs.define(new NewTariffElement(code, group, product, kind, text, TariffElement.Vat.STANDARD, segment, validity, price));
    }

    private static TariffPrice fixed(String amount) {
        return new TariffPrice.Fixed(new BigDecimal(amount));
    }

    /** A day-shaped price per area: cheaper at night, dearer at the morning and evening peaks; NO1/NO2 dearest. */
    private static String spotCsv(YearMonth month) {
        StringBuilder csv = new StringBuilder(SpotPriceCsvReader.HEADER).append('\n');
        for (PriceArea area : PriceArea.values()) {
            BigDecimal level = switch (area) {
                case NO1, NO2 -> new BigDecimal("0.85");
                case NO5 -> new BigDecimal("0.70");
                case NO3, NO4 -> new BigDecimal("0.35");
            };
            ZonedDateTime at = month.atDay(1).atStartOfDay(NorwegianTime.ZONE);
            ZonedDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(NorwegianTime.ZONE);
            while (at.isBefore(end)) {
                ZonedDateTime next = at.plus(Duration.ofMinutes(15));
                int hour = at.getHour();
                BigDecimal peak = hour >= 7 && hour <= 9 || hour >= 17 && hour <= 20 ? new BigDecimal("0.45")
                        : hour < 6 ? new BigDecimal("-0.20") : BigDecimal.ZERO;
                csv.append(at.toOffsetDateTime()).append(',').append(next.toOffsetDateTime()).append(',').append(area).append(',')
                        .append(level.add(peak).toPlainString()).append('\n');
                at = next;
            }
        }
        return csv.toString();
    }

    private static String valuesCsv(YearMonth month, Map<String, Integer> points) {
        StringBuilder csv = new StringBuilder("metering_point_id,day,resolution,values\n");
        for (Map.Entry<String, Integer> point : points.entrySet()) {
            for (LocalDate day = month.atDay(1); day.isBefore(month.plusMonths(1).atDay(1)); day = day.plusDays(1)) {
                int quarters = NorwegianTime.intervals(day, 15);
                csv.append(point.getKey()).append(',').append(day).append(",PT15M,");
                for (int q = 0; q < quarters; q++) {
                    int hour = q / 4;
                    int wh = point.getValue() * (hour >= 7 && hour <= 9 || hour >= 17 && hour <= 21 ? 2 : 1);
                    csv.append(q == 0 ? "" : " ").append(new BigDecimal(wh).movePointLeft(3).toPlainString());
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }
}
