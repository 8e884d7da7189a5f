package no.kraft.cis.customerview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.customer.CustomerKind;
import no.kraft.cis.customer.SearchName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers by name, number, phone, email, metering point, address or national ID — the look-ups customer service and
 * partners make all day. A read model over the customer, contract and delivery tables, ordered by folded name then
 * ID so pages are stable. Name search uses the trigram index on {@code customer.search_name}.
 */
@Service
@Transactional(readOnly = true)
public class CustomerSearch {

    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long customerNumber, String kind, String firstName, String lastName, String organisationName,
            String nationalId, String organisationNumber, String email, String mobile, String city, long total) {
    }

    public PageOf<CustomerSummary> search(CustomerSearchCriteria criteria, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions(criteria, where, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String sql = """
                select c.customer_number, c.kind, c.first_name, c.last_name, c.organisation_name, c.national_id,
                       c.organisation_number, c.email, c.mobile, c.city, count(*) over () as total
                from customer c
                """ + (where.isEmpty() ? "" : "where " + String.join("\n  and ", where)) + """

                order by c.search_name, c.id
                limit :limit offset :offset
                """;
        List<Row> rows = jdbc.sql(sql).params(params).query(Row.class).list();
        long total = rows.isEmpty() ? count(where, params) : rows.getFirst().total();
        List<CustomerSummary> items = rows.stream().map(CustomerSearch::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    /**
     * The SQL conditions on {@code customer c} for the criteria (AND), with their parameters: each folded name word as a
     * {@code like} on the trigram-indexed {@code search_name} (folding leaves only letters and digits, so {@code %} and
     * {@code _} are never wildcards), the rest as equalities. Shared with {@link AccountLookup}.
     */
    static void conditions(CustomerSearchCriteria criteria, List<String> where, Map<String, Object> params) {
        String folded = SearchName.fold(criteria.name());
        if (criteria.name() != null && !criteria.name().isBlank() && folded.isEmpty()) {
            // a name of only signs ("%", "_", "*") matches no one: they are characters, never wildcards
            where.add("false");
        }
        String[] words = folded.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                where.add("c.search_name like :w" + i);
                params.put("w" + i, "%" + words[i] + "%");
            }
        }
        address(criteria.address(), where, params);
        if (criteria.customerNumber() != null) {
            where.add("c.customer_number = :customerNumber");
            params.put("customerNumber", criteria.customerNumber().value());
        }
        if (criteria.mobile() != null) {
            where.add("c.mobile = :mobile");
            params.put("mobile", criteria.mobile().value());
        }
        if (criteria.email() != null) {
            where.add("lower(c.email) = lower(:email)");
            params.put("email", criteria.email().value());
        }
        if (criteria.nationalId() != null) {
            where.add("c.national_id = :nationalId");
            params.put("nationalId", criteria.nationalId().value());
        }
        if (criteria.meteringPointId() != null) {
            where.add("""
                    exists (select 1 from contract k
                            join delivery d on d.contract_id = k.id
                            join metering_point m on m.id = d.metering_point_id
                            where k.customer_id = c.id and m.gsrn = :gsrn)""");
            params.put("gsrn", criteria.meteringPointId().value());
        }
    }

    /**
     * Every folded word in the customer's postal address, or in one address version of a metering point delivered on
     * one of the customer's contracts. Both sides are trigram-indexed ({@code search_address}); the union lets each use
     * its index.
     */
    private static void address(String address, List<String> where, Map<String, Object> params) {
        if (address == null || address.isBlank()) {
            return;
        }
        List<String> words = java.util.Arrays.stream(SearchName.fold(address).split(" ")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            where.add("false");
            return;
        }
        List<String> onCustomer = new ArrayList<>();
        List<String> onPoint = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            onCustomer.add("a.search_address like :a" + i);
            onPoint.add("mc.search_address like :a" + i);
            params.put("a" + i, "%" + words.get(i) + "%");
        }
        where.add("c.id in (select a.id from customer a where " + String.join(" and ", onCustomer) + """

                 union select k.customer_id from metering_point_characteristics mc
                       join delivery d on d.metering_point_id = mc.metering_point_id
                       join contract k on k.id = d.contract_id
                       where """ + " " + String.join(" and ", onPoint) + ")");
    }

    /** A page past the end has no rows to carry the window count. */
    private long count(List<String> where, Map<String, Object> params) {
        if (params.get("offset").equals(0L)) {
            return 0;
        }
        Map<String, Object> countParams = new HashMap<>(params);
        countParams.remove("limit");
        countParams.remove("offset");
        return jdbc.sql("select count(*) from customer c " + (where.isEmpty() ? "" : "where " + String.join(" and ", where)))
                .params(countParams).query(Long.class).single();
    }

    private static CustomerSummary summary(Row r) {
        CustomerKind kind = CustomerKind.valueOf(r.kind());
        String name = kind == CustomerKind.PRIVATE ? r.firstName() + " " + r.lastName() : r.organisationName();
        String masked = r.nationalId() == null ? null : r.nationalId().substring(0, 6) + "*****";
        return new CustomerSummary(r.customerNumber(), kind, name, masked, r.organisationNumber(), r.email(), r.mobile(), r.city());
    }
}
