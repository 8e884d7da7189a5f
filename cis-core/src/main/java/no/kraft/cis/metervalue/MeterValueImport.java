package no.kraft.cis.metervalue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.invoice.RecalculationNeed;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.Violation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of meter values in one transaction: the file is streamed through {@link MeterValueCsvReader} into a
 * temporary staging table with {@code COPY}, checked as a whole (unknown metering points, a day twice, resolution
 * against the metering point's master data), then merged: new days added, identical days left alone, changed days
 * replaced after their old values are copied to {@code meter_value_day_revision}. A changed day inside the billed
 * period raises a recalculation need. Any error rolls everything back, so a file killed half-way can simply be sent
 * again.
 */
@Service
public class MeterValueImport {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final RecalculationNeeds recalculation;

    MeterValueImport(DataSource dataSource, JdbcClient jdbc, AuditStamp audit, RecalculationNeeds recalculation) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.audit = audit;
        this.recalculation = recalculation;
    }

    /** What an import did. */
    public record Result(long values, int days, int added, int corrected, int unchanged, int recalculationNeeds) {
    }

    private record ChangedDay(long meteringPointId, LocalDate day) {
    }

    @Transactional
    public Result importCsv(InputStream csv, String source) {
        return stageAndMerge(rows -> MeterValueCsvReader.read(csv, rows::write), source);
    }

    /**
     * Values that arrive interval by interval (Elhub's BRS-NO-313): merged into the stored days ({@link DayMerge}: a
     * missing interval is filled, a later registration replaces an earlier one, the rest is kept), then checked and
     * stored as the CSV import does, in one transaction: unknown metering points, resolutions against the master data
     * and days not yet ended refuse the whole call and change nothing. A day still missing intervals is stored as
     * incomplete and is not billed until it is whole.
     */
    @Transactional
    public Result importIntervals(List<IntervalValues> values, String source) {
        Map<DayKey, List<IntervalValues>> byDay = new java.util.LinkedHashMap<>();
        for (IntervalValues v : values) {
            byDay.computeIfAbsent(new DayKey(v.meteringPointId(), v.day()), k -> new ArrayList<>()).add(v);
        }
        Map<DayKey, DayMerge.Stored> stored = stored(byDay.keySet());
        long count = values.stream().mapToLong(v -> v.wh().length).sum();
        return stageAndMerge(rows -> {
            for (Map.Entry<DayKey, List<IntervalValues>> day : byDay.entrySet()) {
                DayMerge.merge(stored.get(day.getKey()), day.getValue()).ifPresent(m -> rows.write(new DaySeries(
                        day.getValue().getFirst().series(), day.getKey().meteringPointId(), day.getKey().day(), m.resolutionMinutes(),
                        m.wh(), m.qualities(), m.registered(), estimatesJson(m.estimates()))));
            }
            return count;
        }, source);
    }

    private record DayKey(String meteringPointId, LocalDate day) {
    }

    /**
     * The stored days among {@code keys}: by metering point and the keys' day range, so PostgreSQL reads only the
     * month partitions in it (a join on the keys' days could prune none), then kept to the keys.
     */
    private Map<DayKey, DayMerge.Stored> stored(java.util.Collection<DayKey> keys) {
        Map<DayKey, DayMerge.Stored> days = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return days;
        }
        java.util.Set<DayKey> wanted = new java.util.HashSet<>(keys);
        LocalDate from = keys.stream().map(DayKey::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = keys.stream().map(DayKey::day).max(LocalDate::compareTo).orElseThrow().plusDays(1);
        List<String> points = keys.stream().map(DayKey::meteringPointId).distinct().toList();
        for (int i = 0; i < points.size(); i += 1000) {
            jdbc.sql("""
                            select m.gsrn, d.day, d.resolution_minutes, d.quantities_wh, d.qualities, d.registered_at, d.estimates,
                                   d.registration_codes
                            from metering_point m join meter_value_day d on d.metering_point_id = m.id
                            where m.gsrn = any(:gsrns) and d.day >= :from and d.day < :to""")
                    .param("gsrns", points.subList(i, Math.min(points.size(), i + 1000)).toArray(String[]::new))
                    .param("from", from).param("to", to)
                    .query(rs -> {
                        DayKey key = new DayKey(rs.getString(1), rs.getObject(2, LocalDate.class));
                        if (!wanted.contains(key)) {
                            return;
                        }
                        java.sql.Array registered = rs.getArray(6);
                        days.put(key, new DayMerge.Stored(rs.getInt(3), MeterValues.toInts(rs.getArray(4)), rs.getString(5),
                                registered == null ? null : Registrations.decode(
                                        java.util.Arrays.stream((Long[]) registered.getArray()).mapToLong(Long::longValue).toArray(),
                                        rs.getString(8)),
                                MeterValues.estimates(rs.getString(7))));
                    });
        }
        return days;
    }

    private static String estimatesJson(Map<Integer, Estimate> estimates) {
        if (estimates.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("{");
        estimates.forEach((i, e) -> out.append(out.length() > 1 ? "," : "").append('"').append(i).append("\":").append(e.json()));
        return out.append('}').toString();
    }

    /** Writes day rows to the staging table and says how many values they hold. */
    private interface Stager {
        long stage(CopyRows rows);
    }

    private Result stageAndMerge(Stager stager, String source) {
        jdbc.sql("""
                create temp table meter_value_stage (
                    line integer, gsrn varchar(18), day date, resolution_minutes integer,
                    quantities_wh integer[], qualities varchar(100), registered_at bigint[], registration_codes varchar(100),
                    estimates jsonb) on commit drop""").update();
        long values;
        long staged;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy meter_value_stage (line, gsrn, day, "
                    + "resolution_minutes, quantities_wh, qualities, registered_at, registration_codes, estimates) from stdin");
            try {
                CopyRows rows = new CopyRows(copy);
                values = stager.stage(rows);
                rows.flush();
                copy.endCopy();
                staged = rows.count();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not stage meter values", e);
        }
        if (staged > 20_000) {
            // a file's worth: the merge's plan needs to know the stage's size; a message's few thousand rows do not
            jdbc.sql("analyze meter_value_stage").update();
        }
        requireConsistent();
        return merge(values, source);
    }

    private void requireConsistent() {
        List<Violation> violations = new ArrayList<>();
        jdbc.sql("""
                        select s.line, s.gsrn from meter_value_stage s
                        where not exists (select 1 from metering_point m where m.gsrn = s.gsrn)
                        order by s.line limit 100""")
                .query((rs, n) -> MeterValueFileException.at(rs.getInt(1), "meteringPoint.unknown",
                        "metering point " + rs.getString(2) + " is not registered"))
                .list().forEach(violations::add);
        // every line that repeats an earlier line's point and day, each naming the first
        jdbc.sql("""
                        select line, first_line, gsrn, day from (
                            select line, gsrn, day, min(line) over (partition by gsrn, day) as first_line from meter_value_stage) d
                        where line > first_line order by line limit 100""")
                .query((rs, n) -> MeterValueFileException.at(rs.getInt(1), "meterValue.duplicateDay",
                        rs.getString(3) + " " + rs.getDate(4) + " is also on line " + rs.getInt(2)))
                .list().forEach(violations::add);
        jdbc.sql("""
                        select s.line, s.gsrn, s.day, c.resolution from meter_value_stage s
                        join metering_point m on m.gsrn = s.gsrn
                        join metering_point_characteristics c on c.metering_point_id = m.id
                             and c.valid_from <= s.day and (c.valid_to is null or c.valid_to > s.day)
                        where c.resolution <> case s.resolution_minutes when 15 then 'PT15M' else 'PT1H' end
                        order by s.line limit 100""")
                .query((rs, n) -> MeterValueFileException.at(rs.getInt(1), "meterValue.resolution",
                        rs.getString(2) + " is metered " + rs.getString(4) + " on " + rs.getDate(3)))
                .list().forEach(violations::add);
        // a day the metering point has no registered master data on, or a day that has not ended: nothing was measured
        LocalDate today = LocalDate.ofInstant(audit.now(), no.kraft.cis.period.NorwegianTime.ZONE);
        jdbc.sql("""
                        select s.line, s.gsrn, s.day, s.day >= :today from meter_value_stage s
                        join metering_point m on m.gsrn = s.gsrn
                        where s.day >= :today
                           or not exists (select 1 from metering_point_characteristics c where c.metering_point_id = m.id
                                          and c.valid_from <= s.day and (c.valid_to is null or c.valid_to > s.day)
                                          and c.valid_to is distinct from c.valid_from)
                        order by s.line limit 100""")
                .param("today", today)
                .query((rs, n) -> rs.getBoolean(4)
                        ? MeterValueFileException.at(rs.getInt(1), "meterValue.future", rs.getDate(3) + " has not ended yet (today is "
                                + today + "): values are for whole past days")
                        : MeterValueFileException.at(rs.getInt(1), "meterValue.outsideRegistration", rs.getString(2)
                                + " has no registered master data on " + rs.getDate(3)))
                .list().forEach(violations::add);
        if (!violations.isEmpty()) {
            throw new MeterValueFileException(violations);
        }
    }

    private Result merge(long values, String source) {
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        record Span(int days, LocalDate from, LocalDate to) {
        }
        Span span = jdbc.sql("select count(*), min(day), max(day) + 1 from meter_value_stage")
                .query((rs, n) -> new Span(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))).single();
        int days = span.days();
        if (days == 0) {
            return new Result(values, 0, 0, 0, 0, 0);
        }
        List<ChangedDay> changed = jdbc.sql("""
                        insert into meter_value_day_revision (metering_point_id, day, resolution_minutes, quantities_wh, qualities,
                            registered_at, registration_codes, estimates, version, source, stored_at, stored_by, created_at, created_by,
                            updated_at, updated_by)
                        select d.metering_point_id, d.day, d.resolution_minutes, d.quantities_wh, d.qualities, d.registered_at,
                            d.registration_codes, d.estimates, d.version, d.source, d.updated_at, d.updated_by, :now, :actor, :now, :actor
                        from meter_value_stage s
                        join metering_point m on m.gsrn = s.gsrn
                        join meter_value_day d on d.metering_point_id = m.id and d.day = s.day
                        where d.day >= :from and d.day < :to   -- the stage's days: only their month partitions are read
                          -- a correction is a change of what was measured; a later registration of the same value only moves
                          -- its registration time (stored below) and keeps no revision, raises no recalculation need
                          and (d.quantities_wh, d.qualities, d.resolution_minutes, d.estimates)
                              is distinct from (s.quantities_wh, s.qualities, s.resolution_minutes, s.estimates)
                        returning metering_point_id, day""")
                .param("now", now).param("actor", actor).param("from", span.from()).param("to", span.to())
                .query((rs, n) -> new ChangedDay(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                .list();
        int written = jdbc.sql("""
                        insert into meter_value_day (metering_point_id, day, resolution_minutes, quantities_wh, qualities,
                            registered_at, registration_codes, estimates, version, source, created_at, created_by, updated_at, updated_by)
                        select m.id, s.day, s.resolution_minutes, s.quantities_wh, s.qualities, s.registered_at, s.registration_codes,
                            s.estimates, 1,
                            :source, :now, :actor, :now, :actor
                        from meter_value_stage s join metering_point m on m.gsrn = s.gsrn
                        on conflict (metering_point_id, day) do update
                            set quantities_wh = excluded.quantities_wh, qualities = excluded.qualities,
                                registered_at = excluded.registered_at, registration_codes = excluded.registration_codes,
                                estimates = excluded.estimates,
                                resolution_minutes = excluded.resolution_minutes, version = meter_value_day.version + 1,
                                source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                            where (meter_value_day.quantities_wh, meter_value_day.qualities, meter_value_day.resolution_minutes,
                                   meter_value_day.registered_at, meter_value_day.registration_codes, meter_value_day.estimates)
                                  is distinct from (excluded.quantities_wh, excluded.qualities, excluded.resolution_minutes,
                                   excluded.registered_at, excluded.registration_codes, excluded.estimates)""")
                .param("source", source).param("now", now).param("actor", actor)
                .update();
        int needs = raiseRecalculationNeeds(changed, source);
        return new Result(values, days, written - changed.size(), changed.size(), days - written, needs);
    }

    /** One need per metering point, spanning its corrected days that lie inside the billed period. */
    private int raiseRecalculationNeeds(List<ChangedDay> changed, String source) {
        Map<Long, List<LocalDate>> byPoint = new TreeMap<>();
        changed.forEach(c -> byPoint.computeIfAbsent(c.meteringPointId(), k -> new ArrayList<>()).add(c.day()));
        int raised = 0;
        for (Map.Entry<Long, List<LocalDate>> point : byPoint.entrySet()) {
            LocalDate first = point.getValue().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = point.getValue().stream().max(LocalDate::compareTo).orElseThrow();
            if (recalculation.changed(point.getKey(), new Period(first, last.plusDays(1)), RecalculationNeed.Reason.METER_VALUES,
                    point.getValue().size() + " corrected day(s) from " + source).isPresent()) {
                raised++;
            }
        }
        return raised;
    }
}
