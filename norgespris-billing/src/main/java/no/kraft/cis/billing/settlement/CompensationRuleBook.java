package no.kraft.cis.billing.settlement;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The dated compensation rules (table {@code compensation_rule}); read fresh per settlement, they are a handful of rows. */
@Service
public class CompensationRuleBook {

    private final JdbcClient jdbc;

    CompensationRuleBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All rules, oldest first. */
    public List<CompensationRules> all() {
        return jdbc.sql("""
                        select valid_from, norgespris_price, household_cap_kwh, holiday_home_cap_kwh, stromstotte_threshold,
                            stromstotte_share, stromstotte_cap_kwh, vat_rate, hourly_settlement
                        from compensation_rule order by valid_from""")
                .query((rs, n) -> new CompensationRules(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBoolean(9)))
                .list();
    }

    /** The rules in force on {@code day}, if any (none before the schemes began). */
    public static java.util.Optional<CompensationRules> on(List<CompensationRules> rules, LocalDate day) {
        CompensationRules found = null;
        for (CompensationRules r : rules) {
            if (!r.validFrom().isAfter(day)) {
                found = r;
            }
        }
        return java.util.Optional.ofNullable(found);
    }
}
