package no.kraft.cis.billing.run;

import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which customers a run for a month looks at: those supplied in the month, and those a recalculation need up to the
 * month concerns that they have not had handled — through lines of a standing invoice (what was billed) or through a
 * delivery (what should have been billed).
 */
@Component
class BillingCandidates {

    private final JdbcClient jdbc;
    private final no.kraft.cis.customer.CustomerService customers;

    BillingCandidates(JdbcClient jdbc, no.kraft.cis.customer.CustomerService customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** The internal id of a customer number (the run for one customer); -1 for none, which matches no one. */
    private long customerId(long customerNumber) {
        return customers.find(new no.kraft.cis.customer.CustomerNumber(customerNumber)).map(no.kraft.cis.customer.Customer::id)
                .orElse(-1L);
    }

    /** The next {@code limit} customers of the partition after {@code afterCustomerId}, in id order. */
    List<Long> next(YearMonth month, int partition, int partitions, long afterCustomerId, Long customerNumber, int limit) {
        // each branch walks its own index from the cursor and stops after `limit` distinct customers, so a chunk reads
        // about `limit` × partitions rows, not every delivery of the month: the k first of the union are among the k first
        // of each branch (the query was once a union of everything, sorted per chunk — quadratic in the customers)
        return jdbc.sql("""
                        select customer_id from (
                            (select distinct c.customer_id from contract c join delivery d on d.contract_id = c.id
                             where c.customer_id > :after and c.customer_id % :partitions = :partition and (cast(:one as bigint) is null or c.customer_id = cast(:one as bigint))
                               and daterange(d.valid_from, d.valid_to, '[)') && daterange(:from, :to, '[)')
                             order by 1 limit :limit)
                            union
                            (select distinct i.customer_id from invoice i
                             join invoice_line l on l.invoice_id = i.id
                             join recalculation_need r on r.metering_point_id = l.metering_point_id
                                 and daterange(r.period_from, r.period_to, '[)') && daterange(l.period_from, l.period_to, '[)')
                             where i.customer_id > :after and i.customer_id % :partitions = :partition and (cast(:one as bigint) is null or i.customer_id = cast(:one as bigint))
                               and i.kind = 'INVOICE' and not i.credited and i.period_from < :to and r.period_from < :to
                               and not exists (select 1 from recalculation_need_handled h
                                               where h.need_id = r.id and h.customer_id = i.customer_id)
                             order by 1 limit :limit)
                            union
                            (select distinct c.customer_id from contract c join delivery d on d.contract_id = c.id
                             join recalculation_need r on r.metering_point_id = d.metering_point_id
                                 and daterange(r.period_from, r.period_to, '[)') && daterange(d.valid_from, d.valid_to, '[)')
                             where c.customer_id > :after and c.customer_id % :partitions = :partition and (cast(:one as bigint) is null or c.customer_id = cast(:one as bigint))
                               and r.period_from < :to
                               and not exists (select 1 from recalculation_need_handled h
                                               where h.need_id = r.id and h.customer_id = c.customer_id)
                             order by 1 limit :limit)
                        ) candidates
                        order by 1 limit :limit""")
                .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .param("partitions", partitions).param("partition", partition).param("after", afterCustomerId)
                .param("one", customerNumber == null ? null : customerId(customerNumber)).param("limit", limit)
                .query(Long.class).list();
    }

    /**
     * How many customers a run for the month looks at, counted once when it starts (the progress "done of total").
     * Customers whose needs are handled meanwhile still count: the number is what the run set out to do.
     */
    int count(YearMonth month, Long customerNumber) {
        return jdbc.sql("""
                        select count(*) from (
                            select c.customer_id from contract c join delivery d on d.contract_id = c.id
                             where (cast(:one as bigint) is null or c.customer_id = cast(:one as bigint))
                               and daterange(d.valid_from, d.valid_to, '[)') && daterange(:from, :to, '[)')
                            union
                            select i.customer_id from invoice i
                             join invoice_line l on l.invoice_id = i.id
                             join recalculation_need r on r.metering_point_id = l.metering_point_id
                                 and daterange(r.period_from, r.period_to, '[)') && daterange(l.period_from, l.period_to, '[)')
                             where (cast(:one as bigint) is null or i.customer_id = cast(:one as bigint))
                               and i.kind = 'INVOICE' and not i.credited and i.period_from < :to and r.period_from < :to
                               and not exists (select 1 from recalculation_need_handled h
                                               where h.need_id = r.id and h.customer_id = i.customer_id)
                            union
                            select c.customer_id from contract c join delivery d on d.contract_id = c.id
                             join recalculation_need r on r.metering_point_id = d.metering_point_id
                                 and daterange(r.period_from, r.period_to, '[)') && daterange(d.valid_from, d.valid_to, '[)')
                             where (cast(:one as bigint) is null or c.customer_id = cast(:one as bigint))
                               and r.period_from < :to
                               and not exists (select 1 from recalculation_need_handled h
                                               where h.need_id = r.id and h.customer_id = c.customer_id)
                        ) candidates""")
                .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .param("one", customerNumber == null ? null : customerId(customerNumber))
                .query(Integer.class).single();
    }
}
