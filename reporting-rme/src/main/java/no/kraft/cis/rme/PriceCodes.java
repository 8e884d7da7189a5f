package no.kraft.cis.rme;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The price-code table (priskode) by end-user group and NACE code, read once per report. */
@Component
class PriceCodes {

    private final JdbcClient jdbc;

    PriceCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A snapshot of the table: the exact (group, NACE) row wins over the group's default. */
    record Table(Map<String, String> codes) {

        Optional<String> codeFor(String group, String industryCode) {
            if (industryCode != null && codes.containsKey(group + "|" + industryCode)) {
                return Optional.of(codes.get(group + "|" + industryCode));
            }
            return Optional.ofNullable(codes.get(group + "|"));
        }
    }

    Table load() {
        Map<String, String> codes = new HashMap<>();
        jdbc.sql("select end_user_group, coalesce(industry_code, ''), price_code from rme_price_code")
                .query((java.sql.ResultSet rs) -> {
                    codes.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                });
        return new Table(codes);
    }
}
