package no.kraft.cis.billing.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
                        select valid_from, valid_to, norgespris_price, household_cap_kwh, holiday_home_cap_kwh, stromstotte_threshold,
                            stromstotte_share, stromstotte_cap_kwh, vat_rate, hourly_settlement
                        from compensation_rule order by valid_from""")
                .query((rs, n) -> new CompensationRules(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8),
                        rs.getBigDecimal(9), rs.getBoolean(10)))
                .list();
    }

    /** The rules whose period covers {@code day}, if any — never the last row carried past its {@code valid_to}. */
    public static Optional<CompensationRules> on(List<CompensationRules> rules, LocalDate day) {
        for (CompensationRules r : rules) {
            if (r.covers(day)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Why {@code day} under {@code scheme} cannot be settled: the rule row that is missing. */
    static String missing(LocalDate day, no.kraft.cis.meteringpoint.CompensationClass scheme) {
        return "no compensation rule (compensation_rule) for " + scheme.name().toLowerCase().replace('_', ' ') + " covers " + day
                + ": add the rule row for that period before billing it";
    }
}
