package no.kraft.cis.billing.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The month's Norgespris per metering point and run of days, streamed in metering-point order from the stored
 * settlements with the end-user group and NACE code in force on the run's first day — what the RME report is made of.
 */
@Service
public class NorgesprisRows {

    private final JdbcClient jdbc;

    NorgesprisRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One metering point's Norgespris for a run of days.
     *
     * @param amount NOK incl. VAT where due, positive paid to the customer, rounded to øre
     */
    public record Row(String meteringPointId, Period period, String endUserGroup, String industryCode, long actualWh, long coveredWh,
            BigDecimal amount) {
    }

    /**
     * The first metering point (by ID) that was supplied in the month and on Norgespris (900 = 1 or 2) on some day of
     * it, but has no standing settlement with Norgespris — a report without it would be silently incomplete.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> firstUnsettled(YearMonth month) {
        return jdbc.sql("""
                        select mp.gsrn from metering_point mp
                        where exists (select 1 from delivery d where d.metering_point_id = mp.id
                                        and daterange(d.valid_from, d.valid_to, '[)') && daterange(:from, :to, '[)'))
                          and exists (select 1 from metering_point_property p where p.metering_point_id = mp.id and p.code = 900
                                        and p.value in (1, 2) and p.valid_to is distinct from p.valid_from
                                        and daterange(p.valid_from, p.valid_to, '[)') && daterange(:from, :to, '[)'))
                          and not exists (select 1 from settlement s where s.metering_point_id = mp.id and s.month = :from
                                        and not s.superseded and s.norgespris_periods is not null)
                        order by mp.gsrn limit 1""")
                .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .query(String.class).optional();
    }

    /**
     * The rows of the month: each run of Norgespris days cut to the days we supplied the metering point (a mid-month
     * switch or move-out reports only our days, with {@code til_dato} the first day after our supply), with the
     * consumption and amount of exactly those days — what the customer was invoiced.
     */
    @Transactional(readOnly = true)
    public void forEach(YearMonth month, Consumer<Row> consumer) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        java.util.Map<String, List<Object[]>> characteristics = new java.util.HashMap<>();
        jdbc.sql("""
                        select mp.gsrn, c.valid_from, c.valid_to, c.end_user_group, c.industry_code
                        from settlement s join metering_point mp on mp.id = s.metering_point_id
                        join metering_point_characteristics c on c.metering_point_id = s.metering_point_id
                        where s.month = :month and not s.superseded and s.norgespris_periods is not null
                          and c.valid_to is distinct from c.valid_from and c.valid_from < :end and (c.valid_to is null or c.valid_to > :month)""")
                .param("month", first).param("end", end)
                .query((ResultSet rs) -> {
                    characteristics.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new Object[] {
                            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)});
                });
        jdbc.sql("""
                        select mp.gsrn, s.norgespris_periods, s.days::text, s.norgespris_actual_wh, s.norgespris_covered_wh,
                            s.norgespris_amount,
                            (select string_agg(d.valid_from || '/' || coalesce(d.valid_to::text, ''), ',' order by d.valid_from)
                             from delivery d where d.metering_point_id = s.metering_point_id
                               and daterange(d.valid_from, d.valid_to, '[)') && daterange(:month, :end, '[)')
                               and d.valid_to is distinct from d.valid_from)
                        from settlement s
                        join metering_point mp on mp.id = s.metering_point_id
                        where s.month = :month and not s.superseded and s.norgespris_periods is not null
                        order by mp.gsrn""")
                .param("month", first).param("end", end)
                .withFetchSize(5000)
                .query((ResultSet rs) -> {
                    String gsrn = rs.getString(1);
                    String[] runs = rs.getString(2).split(",");
                    List<Period> supplied = supplied(rs.getString(7), new Period(first, end));
                    if (runs.length == 1 && supplied.size() == 1 && supplied.getFirst().clippedTo(period(runs[0])).equals(period(runs[0]))) {
                        // the common case: one run of Norgespris days, all of them ours — the stored totals are the row
                        consumer.accept(new Row(gsrn, period(runs[0]), group(characteristics, gsrn, period(runs[0]).from()),
                                industry(characteristics, gsrn, period(runs[0]).from()), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)));
                        return;
                    }
                    List<DayResult> days = SettlementJson.days(rs.getString(3));
                    for (String text : runs) {
                        for (Period supply : supplied) {
                            if (!supply.overlaps(period(text))) {
                                continue;
                            }
                            Period period = period(text).clippedTo(supply);
                            long actual = 0;
                            long covered = 0;
                            BigDecimal amount = BigDecimal.ZERO;
                            for (DayResult d : days) {
                                if (period.contains(d.day()) && d.compensation() != CompensationClass.NONE) {
                                    actual += d.actualWh();
                                    covered += d.coveredWh();
                                    amount = amount.add(d.amount());
                                }
                            }
                            consumer.accept(new Row(gsrn, period, group(characteristics, gsrn, period.from()),
                                    industry(characteristics, gsrn, period.from()), actual, covered, amount.setScale(2, RoundingMode.HALF_UP)));
                        }
                    }
                });
    }

    /** The end-user group in force on {@code day}. */
    private static String group(java.util.Map<String, List<Object[]>> characteristics, String gsrn, LocalDate day) {
        Object[] c = characteristicsOn(characteristics, gsrn, day);
        return c == null ? null : (String) c[2];
    }

    /** The NACE code in force on {@code day}. */
    private static String industry(java.util.Map<String, List<Object[]>> characteristics, String gsrn, LocalDate day) {
        Object[] c = characteristicsOn(characteristics, gsrn, day);
        return c == null ? null : (String) c[3];
    }

    private static Object[] characteristicsOn(java.util.Map<String, List<Object[]>> characteristics, String gsrn, LocalDate day) {
        for (Object[] c : characteristics.getOrDefault(gsrn, List.of())) {
            if (new Period((LocalDate) c[0], (LocalDate) c[1]).contains(day)) {
                return c;
            }
        }
        return null;
    }

    /** Our supply of the metering point inside the month: deliveries clipped to it, back-to-back ones joined. */
    static List<Period> supplied(String deliveries, Period month) {
        List<Period> merged = new java.util.ArrayList<>();
        if (deliveries == null) {
            return merged;
        }
        for (String text : deliveries.split(",")) {
            String[] parts = text.split("/", -1);
            Period delivery = new Period(LocalDate.parse(parts[0]), parts[1].isEmpty() ? null : LocalDate.parse(parts[1]));
            Period inMonth = delivery.clippedTo(month);
            if (!merged.isEmpty() && merged.getLast().to().equals(inMonth.from())) {
                merged.set(merged.size() - 1, new Period(merged.getLast().from(), inMonth.to()));
            } else {
                merged.add(inMonth);
            }
        }
        return merged;
    }

    private static Period period(String text) {
        String[] parts = text.split("/");
        return new Period(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
    }
}
