package no.kraft.cis.billing.settlement;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.metervalue.MeterValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The I/O around {@link CompensationSettlement}: gathers a metering point's month (900 per day, VAT exemption, meter
 * values, spot prices of its price area, the rules in force), settles it, and stores the result, superseding the
 * previous settlement of that month.
 */
@Service
public class Settlements {

    private final MeterValues meterValues;
    private final MonthPrices monthPrices;
    private final JdbcClient jdbc;
    private final AuditStamp audit;

    Settlements(MeterValues meterValues, MonthPrices monthPrices, JdbcClient jdbc, AuditStamp audit) {
        this.meterValues = meterValues;
        this.monthPrices = monthPrices;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A settlement as stored. */
    public record Stored(long id, long meteringPointId, YearMonth month, MonthResult result, int assumedZeroDays) {
    }

    /**
     * Settles the whole month and stores it. Days outside {@code supplied} without meter values are counted as 0 kWh (we
     * only receive values while we supply; days after the supply ends do not change the earlier days' cap); a missing
     * day inside it stops the settlement.
     *
     * @return nothing if the metering point has no compensation scheme on any day of the month
     * @throws MissingBillingData if meter values or spot prices are missing
     */
    @Transactional(noRollbackFor = MissingBillingData.class)
    public Optional<Stored> settle(MeteringPoint point, YearMonth month, no.kraft.cis.period.Period supplied) {
        return settle(point, month, supplied, monthPrices.current(), null, null);
    }

    /** The id and fingerprint of a month's current stored settlement. */
    public record Current(long id, String fingerprint) {
    }

    /** The month's current stored settlements of these metering points, by metering point — a chunk reads them once. */
    @Transactional(readOnly = true)
    public Map<Long, Current> current(java.util.Collection<Long> meteringPointIds, YearMonth month) {
        Map<Long, Current> current = new java.util.HashMap<>();
        jdbc.sql("""
                        select metering_point_id, id, fingerprint from settlement
                        where metering_point_id = any(:mps) and month = :month and not superseded""")
                .param("mps", meteringPointIds.toArray(Long[]::new)).param("month", month.atDay(1))
                .query((java.sql.ResultSet rs) -> {
                    current.put(rs.getLong(1), new Current(rs.getLong(2), rs.getString(3)));
                });
        return current;
    }

    /**
     * As {@link #settle(MeteringPoint, YearMonth, no.kraft.cis.period.Period)}, with the month-wide data and — when the
     * caller has read them already — the month's meter values and the current stored settlements ({@link #current};
     * {@code null}: read here).
     */
    // missing data is found before anything is written: the caller's transaction (a chunk of customers) stays usable
    @Transactional(noRollbackFor = MissingBillingData.class)
    public Optional<Stored> settle(MeteringPoint point, YearMonth month, no.kraft.cis.period.Period supplied, MonthPrices.Snapshot prices,
            Map<LocalDate, MeterValues.DayQuantities> monthValues, Map<Long, Current> stored) {
        Optional<Input> input = input(point, month, supplied, prices, monthValues);
        if (input.isEmpty()) {
            // no scheme on any day (any more): an earlier settlement of the month no longer stands
            jdbc.sql("update settlement set superseded = true, updated_at = :now, updated_by = :actor "
                            + "where metering_point_id = :mp and month = :month and not superseded")
                    .param("mp", point.id()).param("month", month.atDay(1)).param("now", Timestamp.from(audit.now()))
                    .param("actor", audit.actor()).update();
            return Optional.empty();
        }
        MonthResult result = CompensationSettlement.settle(input.get().days());
        return Optional.of(store(point.id(), result, input.get().assumedZeroDays(), stored));
    }

    /**
     * Why a day of the month came to what it did (the cost explainer): the month settled again in memory — nothing is
     * stored — up to that day, with the day's intervals. Days without meter values count as 0 kWh outside the span of
     * days that have them (as the billing run counts the days outside the supply).
     *
     * @return empty if the metering point has no scheme in the month or no meter values in it
     */
    @Transactional(readOnly = true)
    public Optional<CompensationSettlement.DayExplanation> explain(MeteringPoint point, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        Map<LocalDate, MeterValues.DayQuantities> values = meterValues.quantities(point.id(), month.atDay(1), month.plusMonths(1).atDay(1));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = values.keySet().stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = values.keySet().stream().max(LocalDate::compareTo).orElseThrow();
        return input(point, month, new no.kraft.cis.period.Period(first, last.plusDays(1)), monthPrices.current(), values)
                .map(input -> CompensationSettlement.explain(input.days(), day));
    }

    /** The current stored settlement of a month. */
    @Transactional(readOnly = true)
    public Optional<Stored> current(long meteringPointId, YearMonth month) {
        return jdbc.sql("""
                        select id, actual_wh, norgespris_actual_wh, norgespris_covered_wh, stromstotte_actual_wh, stromstotte_covered_wh,
                            assumed_zero_days, days::text
                        from settlement where metering_point_id = :mp and month = :month and not superseded""")
                .param("mp", meteringPointId).param("month", month.atDay(1))
                .query((rs, n) -> {
                    List<DayResult> days = SettlementJson.days(rs.getString(8));
                    SchemeTotal norgespris = SchemeTotal.NONE;
                    SchemeTotal stromstotte = SchemeTotal.NONE;
                    for (DayResult d : days) {
                        switch (d.compensation()) {
                            case NORGESPRIS_HOUSEHOLD, NORGESPRIS_HOLIDAY_HOME -> norgespris = norgespris.plus(d);
                            case STROMSTOTTE -> stromstotte = stromstotte.plus(d);
                            case NONE -> { }
                        }
                    }
                    return new Stored(rs.getLong(1), meteringPointId, month,
                            new MonthResult(month, rs.getLong(2), norgespris, stromstotte, days), rs.getInt(7));
                })
                .optional();
    }

    private record Input(List<SettlementDay> days, int assumedZeroDays) {
    }

    private Optional<Input> input(MeteringPoint point, YearMonth month, no.kraft.cis.period.Period supplied, MonthPrices.Snapshot prices,
            Map<LocalDate, MeterValues.DayQuantities> monthValues) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        List<CompensationRules> rules = prices.rules();
        SettlementInput.DayFacts[] facts = new SettlementInput.DayFacts[month.lengthOfMonth()];
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
            LocalDate day = d;
            facts[d.getDayOfMonth() - 1] = point.characteristicsOn(d).map(c -> new SettlementInput.DayFacts(
                    point.propertyOn(PropertyCode.SETTLED_COMPENSATION, day)
                            .map(v -> CompensationClass.ofCode(v.value(), PropertyCode.SETTLED_COMPENSATION))
                            .orElse(null),
                    c.vatExempt(), c.priceArea(), (int) c.resolution().length().toMinutes(), c.dwellingUnits(),
                    c.endUserGroup().isHousehold() || c.endUserGroup().isHolidayHome())).orElse(null);
        }
        if (!SettlementInput.anyScheme(facts)) {
            return Optional.empty();
        }
        Map<LocalDate, MeterValues.DayQuantities> values = monthValues != null ? monthValues
                : meterValues.quantities(point.id(), first, end);
        SettlementInput.Assembled assembled = SettlementInput.assemble(point.meteringPointId().value(), month, facts,
                day -> values.containsKey(day) ? values.get(day).wh() : null, supplied::contains, supplied.from(),
                (area, day) -> prices.spot(area, month).on(day), rules);
        return Optional.of(new Input(assembled.days(), assembled.assumedZeroDays()));
    }

    private Stored store(long meteringPointId, MonthResult result, int assumedZeroDays, Map<Long, Current> stored) {
        String json = SettlementJson.of(result.days());
        String fingerprint = SettlementJson.fingerprint(json, assumedZeroDays);
        Optional<Long> same = stored != null
                ? Optional.ofNullable(stored.get(meteringPointId)).filter(c -> c.fingerprint().equals(fingerprint)).map(Current::id)
                : jdbc.sql("select id from settlement where metering_point_id = :mp and month = :month and not superseded "
                                + "and fingerprint = :fp")
                        .param("mp", meteringPointId).param("month", result.month().atDay(1)).param("fp", fingerprint)
                        .query(Long.class).optional();
        if (same.isPresent()) {
            return new Stored(same.get(), meteringPointId, result.month(), result, assumedZeroDays);
        }
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        jdbc.sql("update settlement set superseded = true, updated_at = :now, updated_by = :actor "
                        + "where metering_point_id = :mp and month = :month and not superseded")
                .param("mp", meteringPointId).param("month", result.month().atDay(1)).param("now", now).param("actor", actor).update();
        long id = jdbc.sql("""
                        insert into settlement (metering_point_id, month, actual_wh, norgespris_actual_wh, norgespris_covered_wh,
                            norgespris_amount, norgespris_net, stromstotte_actual_wh, stromstotte_covered_wh, stromstotte_amount,
                            stromstotte_net, assumed_zero_days, days, fingerprint, norgespris_from, norgespris_periods, created_at, created_by,
                            updated_at, updated_by)
                        values (:mp, :month, :actual, :npActual, :npCovered, :npAmount, :npNet, :ssActual, :ssCovered, :ssAmount,
                            :ssNet, :assumed, cast(:days as jsonb), :fp, :npFrom, :npPeriods, :now, :actor, :now, :actor)
                        returning id""")
                .param("mp", meteringPointId).param("month", result.month().atDay(1)).param("actual", result.actualWh())
                .param("npActual", result.norgespris().actualWh()).param("npCovered", result.norgespris().coveredWh())
                .param("npAmount", result.norgespris().amount()).param("npNet", result.norgespris().net())
                .param("ssActual", result.stromstotte().actualWh()).param("ssCovered", result.stromstotte().coveredWh())
                .param("ssAmount", result.stromstotte().amount()).param("ssNet", result.stromstotte().net())
                .param("assumed", assumedZeroDays).param("days", json).param("fp", fingerprint)
                .param("npFrom", result.norgesprisPeriods().stream().findFirst().map(no.kraft.cis.period.Period::from).orElse(null))
                .param("npPeriods", result.norgesprisPeriodsText())
                .param("now", now).param("actor", actor)
                .query(Long.class).single();
        if (stored != null) {
            stored.put(meteringPointId, new Current(id, fingerprint));   // a second delivery on the point this month compares with this
        }
        return new Stored(id, meteringPointId, result.month(), result, assumedZeroDays);
    }
}
