package no.kraft.cis.metervalue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a metering point's stored meter values, current and superseded. */
@Service
@Transactional(readOnly = true)
public class MeterValues {

    private final JdbcClient jdbc;

    MeterValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored day, current or a superseded revision. */
    public record StoredDay(LocalDate day, int version, String source, Instant storedAt, String storedBy, List<MeterValue> values) {
    }

    /** The current values of the Norwegian days {@code [from, to)}, interval by interval in time order. */
    public List<MeterValue> values(long meteringPointId, LocalDate from, LocalDate to) {
        return days(meteringPointId, from, to).stream().flatMap(d -> d.values().stream()).toList();
    }

    public List<StoredDay> days(long meteringPointId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select day, resolution_minutes, quantities_wh, qualities, version, source, updated_at, updated_by
                        from meter_value_day where metering_point_id = :mp and day >= :from and day < :to order by day""")
                .param("mp", meteringPointId).param("from", from).param("to", to)
                .query((rs, n) -> storedDay(rs, rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /** A day's quantities as stored: Wh per interval from midnight. */
    public record DayQuantities(LocalDate day, int resolutionMinutes, int[] wh) {
    }

    /**
     * The current quantities of the complete Norwegian days in {@code [from, to)} without per-value objects — the
     * billing path. A day still missing intervals is left out, as if it had no values: it is not billed yet.
     */
    public java.util.Map<LocalDate, DayQuantities> quantities(long meteringPointId, LocalDate from, LocalDate to) {
        return quantities(List.of(meteringPointId), from, to).get(meteringPointId);
    }

    /** As {@link #quantities(long, LocalDate, LocalDate)} for many metering points in one read, by metering point. */
    public java.util.Map<Long, java.util.Map<LocalDate, DayQuantities>> quantities(java.util.Collection<Long> meteringPointIds,
            LocalDate from, LocalDate to) {
        java.util.Map<Long, java.util.Map<LocalDate, DayQuantities>> points = new java.util.HashMap<>();
        for (Long id : meteringPointIds) {
            points.put(id, new java.util.TreeMap<>());
        }
        jdbc.sql("""
                        select metering_point_id, day, resolution_minutes, quantities_wh from meter_value_day
                        where metering_point_id = any(:mps) and day >= :from and day < :to and complete""")
                .param("mps", meteringPointIds.toArray(Long[]::new)).param("from", from).param("to", to)
                .query(rs -> {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    points.get(rs.getLong(1)).put(day, new DayQuantities(day, rs.getInt(3), toInts(rs.getArray(4))));
                });
        return points;
    }

    private static final java.util.regex.Pattern ESTIMATE = java.util.regex.Pattern.compile("\"(\\d+)\"\\s*:\\s*\\{([^}]*)}");
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\"(quality|validation|estimation)\"\\s*:\\s*\"([A-Z0-9]+)\"");

    /** {@code meter_value_day.estimates} read back (our own JSON, see {@link Estimate}); empty for {@code null}. */
    static java.util.Map<Integer, Estimate> estimates(String json) {
        java.util.Map<Integer, Estimate> estimates = new java.util.TreeMap<>();
        if (json == null) {
            return estimates;
        }
        java.util.regex.Matcher entry = ESTIMATE.matcher(json);
        while (entry.find()) {
            java.util.Map<String, String> codes = new java.util.HashMap<>();
            java.util.regex.Matcher code = CODE.matcher(entry.group(2));
            while (code.find()) {
                codes.put(code.group(1), code.group(2));
            }
            estimates.put(Integer.valueOf(entry.group(1)), new Estimate(codes.get("quality"), codes.get("validation"), codes.get("estimation")));
        }
        return estimates;
    }

    /** A PostgreSQL {@code integer[]} as an {@code int[]}. */
    public static int[] toInts(Array array) throws SQLException {
        Integer[] boxed = (Integer[]) array.getArray();
        int[] values = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    /** Earlier versions of one day, oldest first. */
    public List<StoredDay> revisions(long meteringPointId, LocalDate day) {
        return jdbc.sql("""
                        select day, resolution_minutes, quantities_wh, qualities, version, source, stored_at, stored_by
                        from meter_value_day_revision where metering_point_id = :mp and day = :day order by version, id""")
                .param("mp", meteringPointId).param("day", day)
                .query((rs, n) -> storedDay(rs, rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    private static StoredDay storedDay(ResultSet rs, Instant storedAt, String storedBy) throws SQLException {
        LocalDate day = rs.getObject(1, LocalDate.class);
        Duration step = Duration.ofMinutes(rs.getInt(2));
        Array array = rs.getArray(3);
        Integer[] wh = (Integer[]) array.getArray();
        String qualities = rs.getString(4);
        Instant at = day.atStartOfDay(NorwegianTime.ZONE).toInstant();
        List<MeterValue> values = new ArrayList<>(wh.length);
        for (int i = 0; i < wh.length; i++) {
            if (qualities.charAt(i) != Quality.MISSING.code()) {   // an interval not received yet is no value
                values.add(new MeterValue(at, at.plus(step), BigDecimal.valueOf(wh[i], 3), Quality.ofCode(qualities.charAt(i))));
            }
            at = at.plus(step);
        }
        return new StoredDay(day, rs.getInt(5), rs.getString(6), storedAt, storedBy, values);
    }
}
