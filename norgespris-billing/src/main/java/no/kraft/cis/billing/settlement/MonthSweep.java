package no.kraft.cis.billing.settlement;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.meteringpoint.PropertyCode;
import no.kraft.cis.metervalue.MeterValues;
import no.kraft.cis.price.SpotPrice;
import no.kraft.cis.price.SpotPrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles a whole month for every supplied metering point of one partition in one sequential pass over the meter
 * values — the first step of a billing run. Everything else a settlement needs (900 per day, VAT exemption, resolution,
 * the spot prices of the five areas, the rules) is read up front in bulk, so the pass is a read of the day rows plus
 * the arithmetic. The results are written in batches; the per-customer billing then uses them. A metering point with a
 * missing day inside its supply is left unsettled (its customer's billing reports it).
 */
@Service
public class MonthSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MonthSweep.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final SpotPrices spotPrices;
    private final CompensationRuleBook ruleBook;
    private final AuditStamp audit;

    MonthSweep(JdbcClient jdbc, SpotPrices spotPrices, CompensationRuleBook ruleBook, AuditStamp audit) {
        this.jdbc = jdbc;
        this.spotPrices = spotPrices;
        this.ruleBook = ruleBook;
        this.audit = audit;
    }

    /** What a sweep did. */
    public record Result(int settled, int skipped, long values) {
    }

    /** What is known of a metering point for the month. */
    private static final class Point {
        final SettlementInput.DayFacts[] days;
        LocalDate suppliedFrom;
        final List<no.kraft.cis.period.Period> supplied = new ArrayList<>();

        boolean suppliedOn(LocalDate day) {
            return supplied.stream().anyMatch(p -> p.contains(day));
        }
        boolean compensated;

        Point(int days) {
            this.days = new SettlementInput.DayFacts[days];
        }
    }

    @Transactional
    public Result settle(YearMonth month, int partition, int partitions) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        List<CompensationRules> rules = ruleBook.all();
        Map<Long, Point> points = facts(month, partition, partitions);
        Map<PriceArea, DayPrices> spot = new EnumMap<>(PriceArea.class);
        for (PriceArea area : PriceArea.values()) {
            spot.put(area, DayPrices.of(spotPrices.forDays(area, first, end), SpotPrice::start, SpotPrice::nokPerKwh));
        }

        Map<Long, String> fingerprints = new HashMap<>();
        jdbc.sql("select metering_point_id, fingerprint from settlement where month = :month and not superseded and metering_point_id % :n = :i")
                .param("month", first).param("n", partitions).param("i", partition)
                .query((ResultSet rs) -> {
                    fingerprints.put(rs.getLong(1), rs.getString(2));
                });
        List<Object[]> pending = new ArrayList<>();
        List<Long> confirmed = new ArrayList<>();
        int[] counts = new int[2];
        long[] values = new long[1];
        Map<LocalDate, int[]> current = new HashMap<>();
        long[] currentId = {-1};
        jdbc.sql("""
                        select metering_point_id, day, quantities_wh from meter_value_day
                        where day >= :from and day < :to and metering_point_id % :n = :i and complete
                        order by metering_point_id, day""")
                .param("from", first).param("to", end).param("n", partitions).param("i", partition)
                .withFetchSize(2000)
                .query((ResultSet rs) -> {
                    long id = rs.getLong(1);
                    if (id != currentId[0]) {
                        finish(currentId[0], current, points, month, spot, rules, pending, counts, fingerprints, confirmed);
                        current.clear();
                        currentId[0] = id;
                    }
                    int[] wh = MeterValues.toInts(rs.getArray(3));
                    values[0] += wh.length;
                    current.put(rs.getObject(2, LocalDate.class), wh);
                    if (pending.size() >= BATCH) {
                        write(month, pending);
                    }
                });
        finish(currentId[0], current, points, month, spot, rules, pending, counts, fingerprints, confirmed);
        // supplied and compensated, but no meter values at all this month
        counts[1] += (int) points.values().stream().filter(p -> p.compensated && p.suppliedFrom != null).count();
        write(month, pending);
        // settlements of this partition's month that this sweep did not confirm no longer stand (scheme gone, data missing)
        jdbc.sql("""
                        update settlement set superseded = true, updated_at = :now, updated_by = :actor
                        where month = :month and not superseded and metering_point_id % :n = :i
                          and not (metering_point_id = any(:confirmed))""")
                .param("month", first).param("n", partitions).param("i", partition)
                .param("confirmed", confirmed.toArray(Long[]::new)).param("now", Timestamp.from(audit.now()))
                .param("actor", audit.actor()).update();
        LOG.info("settlement sweep {} partition {}/{}: {} settled, {} skipped, {} values", month, partition, partitions, counts[0],
                counts[1], values[0]);
        return new Result(counts[0], counts[1], values[0]);
    }

    private void finish(long id, Map<LocalDate, int[]> values, Map<Long, Point> points, YearMonth month, Map<PriceArea, DayPrices> spot,
            List<CompensationRules> rules, List<Object[]> pending, int[] counts, Map<Long, String> fingerprints, List<Long> confirmed) {
        try {
            if (settleOne(id, values, points, month, spot, rules, pending, counts, fingerprints)) {
                confirmed.add(id);
            }
        } catch (RuntimeException e) {
            // one bad metering point (e.g. a day whose values do not fit its length) is left to its customer's billing,
            // which reports the reason; the run goes on
            counts[1]++;
            LOG.warn("settlement sweep {}: metering point {} skipped: {}", month, id, e.toString());
        }
    }

    /** @return whether the metering point has a settlement standing for the month now */
    private boolean settleOne(long id, Map<LocalDate, int[]> values, Map<Long, Point> points, YearMonth month, Map<PriceArea, DayPrices> spot,
            List<CompensationRules> rules, List<Object[]> pending, int[] counts, Map<Long, String> fingerprints) {
        Point point = points.remove(id);
        if (point == null || !point.compensated || point.suppliedFrom == null) {
            return false;
        }
        SettlementInput.Assembled assembled;
        try {
            assembled = SettlementInput.assemble(Long.toString(id), month, point.days, values::get, point::suppliedOn,
                    point.suppliedFrom, (area, day) -> spot.get(area).on(day), rules);
        } catch (MissingBillingData missing) {
            counts[1]++;
            return false;   // the customer's billing reports it
        }
        List<SettlementDay> days = assembled.days();
        int assumedZero = assembled.assumedZeroDays();
        MonthResult result = CompensationSettlement.settle(days);
        String json = SettlementJson.of(result.days());
        String fingerprint = SettlementJson.fingerprint(json, assumedZero);
        counts[0]++;
        if (!fingerprint.equals(fingerprints.get(id))) {
            pending.add(new Object[] {id, result, assumedZero, json, fingerprint});
        }
        return true;
    }

    private void write(YearMonth month, List<Object[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        Long[] ids = pending.stream().map(p -> (Long) p[0]).toArray(Long[]::new);
        jdbc.sql("update settlement set superseded = true, updated_at = :now, updated_by = :actor "
                        + "where month = :month and not superseded and metering_point_id = any(:ids)")
                .param("month", month.atDay(1)).param("now", now).param("actor", actor).param("ids", ids).update();
        StringBuilder sql = new StringBuilder("""
                insert into settlement (metering_point_id, month, actual_wh, norgespris_actual_wh, norgespris_covered_wh,
                    norgespris_amount, norgespris_net, stromstotte_actual_wh, stromstotte_covered_wh, stromstotte_amount,
                    stromstotte_net, assumed_zero_days, days, fingerprint, norgespris_from, norgespris_periods, created_at, created_by,
                    updated_at, updated_by) values """);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Object[] p = pending.get(i);
            MonthResult r = (MonthResult) p[1];
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,cast(? as jsonb),?,?,?,?,?,?,?)");
            args.addAll(List.of(p[0], month.atDay(1), r.actualWh(), r.norgespris().actualWh(), r.norgespris().coveredWh(),
                    r.norgespris().amount(), r.norgespris().net(), r.stromstotte().actualWh(), r.stromstotte().coveredWh(),
                    r.stromstotte().amount(), r.stromstotte().net(), p[2], p[3], p[4]));
            List<no.kraft.cis.period.Period> runs = r.norgesprisPeriods();
            args.add(runs.isEmpty() ? null : runs.getFirst().from());
            args.add(r.norgesprisPeriodsText());
            args.addAll(List.of(now, actor, now, actor));
        }
        jdbc.sql(sql.toString()).params(args).update();
        pending.clear();
    }

    /** 900, characteristics and supply of the partition's metering points, day by day. */
    private Map<Long, Point> facts(YearMonth month, int partition, int partitions) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        int length = month.lengthOfMonth();
        Map<Long, Point> points = new HashMap<>();
        Map<Long, List<Object[]>> compensation = new HashMap<>();
        jdbc.sql("""
                        select metering_point_id, value, valid_from, valid_to from metering_point_property
                        where code = :code and valid_from < :to and (valid_to is null or valid_to > :from) and valid_to is distinct from valid_from
                          and metering_point_id % :n = :i""")
                .param("code", PropertyCode.SETTLED_COMPENSATION.code()).param("from", first).param("to", end)
                .param("n", partitions).param("i", partition)
                .query((ResultSet rs) -> {
                    compensation.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Object[] {rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)});
                });
        jdbc.sql("""
                        select metering_point_id, price_area, vat_exempt, resolution, valid_from, valid_to, dwelling_units,
                            end_user_group in ('35', '36')
                        from metering_point_characteristics
                        where valid_from < :to and (valid_to is null or valid_to > :from) and valid_to is distinct from valid_from
                          and metering_point_id % :n = :i""")
                .param("from", first).param("to", end).param("n", partitions).param("i", partition)
                .query((ResultSet rs) -> {
                    long id = rs.getLong(1);
                    Point point = points.computeIfAbsent(id, k -> new Point(length));
                    PriceArea area = PriceArea.valueOf(rs.getString(2));
                    boolean exempt = rs.getBoolean(3);
                    int minutes = rs.getString(4).equals("PT15M") ? 15 : 60;
                    LocalDate from = rs.getObject(5, LocalDate.class);
                    LocalDate to = rs.getObject(6, LocalDate.class);
                    int dwellingUnits = rs.getInt(7);
                    boolean householdUse = rs.getBoolean(8);
                    List<Object[]> classes = compensation.getOrDefault(id, List.of());
                    for (int d = 0; d < length; d++) {
                        LocalDate day = first.plusDays(d);
                        if (day.isBefore(from) || (to != null && !day.isBefore(to))) {
                            continue;
                        }
                        CompensationClass c = null;   // no 900 in force
                        for (Object[] v : classes) {
                            LocalDate vf = (LocalDate) v[1];
                            LocalDate vt = (LocalDate) v[2];
                            if (!day.isBefore(vf) && (vt == null || day.isBefore(vt))) {
                                c = CompensationClass.ofCode((Integer) v[0], PropertyCode.SETTLED_COMPENSATION);
                            }
                        }
                        point.days[d] = new SettlementInput.DayFacts(c, exempt, area, minutes, dwellingUnits, householdUse);
                        point.compensated |= c == null ? householdUse : c != CompensationClass.NONE;
                    }
                });
        jdbc.sql("""
                        select metering_point_id, valid_from, valid_to from delivery
                        where valid_from < :to and (valid_to is null or valid_to > :from) and metering_point_id % :n = :i""")
                .param("from", first).param("to", end).param("n", partitions).param("i", partition)
                .query((ResultSet rs) -> {
                    Point point = points.get(rs.getLong(1));
                    if (point != null) {
                        // each delivery on its own, as the billing sees them (a gap between two tenants is not ours)
                        LocalDate from = rs.getObject(2, LocalDate.class);
                        point.supplied.add(new no.kraft.cis.period.Period(from, rs.getObject(3, LocalDate.class)));
                        point.suppliedFrom = point.suppliedFrom == null || from.isBefore(point.suppliedFrom) ? from : point.suppliedFrom;
                    }
                });
        return points;
    }

}
