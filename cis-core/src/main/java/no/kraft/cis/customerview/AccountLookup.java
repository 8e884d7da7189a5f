package no.kraft.cis.customerview;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.CustomerKind;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.MobileNumber;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts for a partner by name, customer number or phone — every criterion given must match — and returns at
 * most {@code limit} of them with what tells them apart. One query: the supply addresses come from a correlated
 * subquery, not one query per match.
 */
@Service
@Transactional(readOnly = true)
public class AccountLookup {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountLookup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The matches, and whether there were more than {@code limit}. */
    public record Matches(List<AccountCandidate> accounts, boolean more) {
    }

    public Matches find(String name, CustomerNumber number, MobileNumber phone, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        CustomerSearch.conditions(new CustomerSearchCriteria(name, number, phone, null, null, null, null), where, params);
        if (where.isEmpty()) {
            throw new IllegalArgumentException("at least one criterion");
        }
        params.put("today", NorwegianTime.today(clock));
        params.put("limit", limit + 1);
        List<AccountCandidate> rows = jdbc.sql("""
                        select c.customer_number, c.kind, coalesce(c.organisation_name, c.first_name || ' ' || c.last_name) as name,
                               c.street, c.city, c.email, c.mobile,
                               array(select distinct ch.street || ', ' || ch.postcode || ' ' || ch.city
                                     from contract k
                                     join delivery d on d.contract_id = k.id
                                          and d.valid_from <= :today and (d.valid_to is null or d.valid_to > :today)
                                     join metering_point_characteristics ch on ch.metering_point_id = d.metering_point_id
                                          and ch.valid_from <= :today and (ch.valid_to is null or ch.valid_to > :today)
                                     where k.customer_id = c.id) as supply
                        from customer c
                        """ + "where " + String.join(" and ", where) + """

                        order by c.search_name, c.id
                        limit :limit""")
                .params(params).query(AccountLookup::candidate).list();
        boolean more = rows.size() > limit;
        return new Matches(more ? rows.subList(0, limit) : rows, more);
    }

    private static AccountCandidate candidate(ResultSet rs, int n) throws SQLException {
        Array supply = rs.getArray("supply");
        List<String> addresses = supply == null ? List.of() : Arrays.asList((String[]) supply.getArray());
        return new AccountCandidate(rs.getLong("customer_number"), CustomerKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("street"), rs.getString("city"), maskEmail(rs.getString("email")), maskMobile(rs.getString("mobile")),
                List.copyOf(addresses));
    }

    /** {@code kari.nordmann@example.no} → {@code k***@example.no}. */
    static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code +4791234567} → {@code ******567}: the last three digits, what a caller can confirm. */
    static String maskMobile(String mobile) {
        return mobile == null ? null : "*".repeat(Math.max(0, mobile.length() - 5)) + mobile.substring(mobile.length() - 3);
    }
}
