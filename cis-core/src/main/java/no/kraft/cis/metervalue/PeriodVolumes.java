package no.kraft.cis.metervalue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.rule.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiled metering points' period volumes ({@link PeriodVolume}), every registration kept: the one with the latest
 * registration time for a period is in force; an earlier or equal one arriving later changes nothing in force (it is
 * kept, once). Billing does not read them: a profiled point is billed on the interval series Elhub profiles for it,
 * which arrive as ordinary meter values; the volumes are what the customer's meter said, for the invoice and for
 * disputes.
 */
@org.springframework.stereotype.Service
public class PeriodVolumes {

    /** What a store did: volumes new for their period, ones that replaced an earlier registration, ones seen before. */
    public record Result(int added, int replaced, int unchanged) {
    }

    /** One stored registration, and whether it is the one in force for its period. */
    public record Stored(PeriodVolume volume, String source, Instant storedAt, boolean inForce) {
    }

    private final JdbcClient jdbc;

    public PeriodVolumes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the volumes, all or none: an unknown metering point refuses the call. */
    @Transactional
    public Result store(List<PeriodVolume> volumes, String source) {
        if (volumes.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select gsrn, id from metering_point where gsrn = any(:gsrns)")
                .param("gsrns", volumes.stream().map(PeriodVolume::meteringPointId).distinct().toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        List<Violation> unknown = volumes.stream().map(PeriodVolume::meteringPointId).distinct().filter(p -> !ids.containsKey(p))
                .map(p -> new Violation("meteringPointId", "meteringPoint.unknown", "metering point " + p + " is not registered here")).toList();
        if (!unknown.isEmpty()) {
            throw new MeterValueFileException(unknown);
        }
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        for (PeriodVolume v : volumes) {
            long point = ids.get(v.meteringPointId());
            Instant latest = jdbc.sql("""
                            select max(registered_at) from period_volume
                            where metering_point_id = :mp and period_start = :start and period_end = :end""")
                    .param("mp", point).param("start", Timestamp.from(v.start())).param("end", Timestamp.from(v.end()))
                    .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
            int inserted = jdbc.sql("""
                            insert into period_volume (metering_point_id, period_start, period_end, status, kwh, read_reason,
                                                       meter_reading_start, meter_reading_end, registered_at, source)
                            values (:mp, :start, :end, :status, :kwh, :reason, :readingStart, :readingEnd, :registered, :source)
                            on conflict (metering_point_id, period_start, period_end, registered_at) do nothing""")
                    .param("mp", point).param("start", Timestamp.from(v.start())).param("end", Timestamp.from(v.end()))
                    .param("status", v.status().name()).param("kwh", v.kwh()).param("reason", v.readReason())
                    .param("readingStart", v.meterReadingStart()).param("readingEnd", v.meterReadingEnd())
                    .param("registered", Timestamp.from(v.registeredAt())).param("source", source.length() > 200 ? source.substring(0, 200) : source)
                    .update();
            if (inserted == 0 || (latest != null && !v.registeredAt().isAfter(latest))) {
                unchanged++;
            } else if (latest == null) {
                added++;
            } else {
                replaced++;
            }
        }
        return new Result(added, replaced, unchanged);
    }

    /** A metering point's volumes with a period starting in [from, to), every registration, the one in force marked. */
    public List<Stored> of(long meteringPointId, Instant from, Instant to) {
        return jdbc.sql("""
                        select v.*, p.gsrn,
                               v.registered_at = max(v.registered_at) over (partition by v.period_start, v.period_end) as in_force
                        from period_volume v join metering_point p on p.id = v.metering_point_id
                        where v.metering_point_id = :mp and v.period_start >= :from and v.period_start < :to
                        order by v.period_start, v.period_end, v.registered_at""")
                .param("mp", meteringPointId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new Stored(new PeriodVolume(rs.getString("gsrn"), rs.getTimestamp("period_start").toInstant(),
                        rs.getTimestamp("period_end").toInstant(), PeriodVolume.Status.valueOf(rs.getString("status")),
                        rs.getBigDecimal("kwh"), rs.getString("read_reason"), rs.getBigDecimal("meter_reading_start"),
                        rs.getBigDecimal("meter_reading_end"), rs.getTimestamp("registered_at").toInstant()), rs.getString("source"),
                        rs.getTimestamp("stored_at").toInstant(), rs.getBoolean("in_force")))
                .list();
    }

    /** The kWh in force for the point's periods starting in [from, to); withdrawn periods count nothing. */
    public BigDecimal total(long meteringPointId, Instant from, Instant to) {
        return of(meteringPointId, from, to).stream().filter(Stored::inForce).map(s -> s.volume().kwh()).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
    }
}
