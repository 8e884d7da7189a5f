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

    @Transactional(readOnly = true)
    public void forEach(YearMonth month, Consumer<Row> consumer) {
        // the few metering points with more than one run need the group and NACE code of each run's first day
        java.util.Map<String, List<Object[]>> characteristics = new java.util.HashMap<>();
        jdbc.sql("""
                        select mp.gsrn, c.valid_from, c.valid_to, c.end_user_group, c.industry_code
                        from settlement s join metering_point mp on mp.id = s.metering_point_id
                        join metering_point_characteristics c on c.metering_point_id = s.metering_point_id
                        where s.month = :month and not s.superseded and s.norgespris_periods like '%,%'
                          and c.valid_to is distinct from c.valid_from""")
                .param("month", month.atDay(1))
                .query((ResultSet rs) -> {
                    characteristics.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new Object[] {
                            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)});
                });
        jdbc.sql("""
                        select mp.gsrn, s.norgespris_periods, s.norgespris_actual_wh, s.norgespris_covered_wh, s.norgespris_amount,
                            case when s.norgespris_periods like '%,%' then s.days::text end,
                            c.end_user_group, c.industry_code
                        from settlement s
                        join metering_point mp on mp.id = s.metering_point_id
                        left join metering_point_characteristics c on c.metering_point_id = s.metering_point_id
                            and c.valid_from <= s.norgespris_from and (c.valid_to is null or c.valid_to > s.norgespris_from)
                            and c.valid_to is distinct from c.valid_from
                        where s.month = :month and not s.superseded and s.norgespris_periods is not null
                        order by mp.gsrn""")
                .param("month", month.atDay(1))
                .withFetchSize(5000)
                .query((ResultSet rs) -> {
                    String gsrn = rs.getString(1);
                    String[] periods = rs.getString(2).split(",");
                    String group = rs.getString(7);
                    String industry = rs.getString(8);
                    if (periods.length == 1) {
                        consumer.accept(new Row(gsrn, period(periods[0]), group, industry, rs.getLong(3), rs.getLong(4),
                                rs.getBigDecimal(5)));
                        return;
                    }
                    List<DayResult> days = SettlementJson.days(rs.getString(6));
                    for (String text : periods) {
                        Period period = period(text);
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
                        String runGroup = group;
                        String runIndustry = industry;
                        for (Object[] c : characteristics.getOrDefault(gsrn, List.of())) {
                            if (new Period((LocalDate) c[0], (LocalDate) c[1]).contains(period.from())) {
                                runGroup = (String) c[2];
                                runIndustry = (String) c[3];
                            }
                        }
                        consumer.accept(new Row(gsrn, period, runGroup, runIndustry, actual, covered,
                                amount.setScale(2, RoundingMode.HALF_UP)));
                    }
                });
    }

    private static Period period(String text) {
        String[] parts = text.split("/");
        return new Period(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
    }
}
