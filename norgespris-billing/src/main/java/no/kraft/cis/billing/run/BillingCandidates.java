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

    BillingCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next {@code limit} customers of the partition after {@code afterCustomerId}, in id order. */
    List<Long> next(YearMonth month, int partition, int partitions, long afterCustomerId, Long customerNumber, int limit) {
        return jdbc.sql("""
                        select candidates.customer_id from (
                            select c.customer_id from contract c join delivery d on d.contract_id = c.id
                            where daterange(d.valid_from, d.valid_to, '[)') && daterange(:from, :to, '[)')
                            union
                            select i.customer_id from invoice i
                            join invoice_line l on l.invoice_id = i.id
                            join recalculation_need r on r.metering_point_id = l.metering_point_id
                                and daterange(r.period_from, r.period_to, '[)') && daterange(l.period_from, l.period_to, '[)')
                            where i.kind = 'INVOICE' and not i.credited and i.period_from < :to and r.period_from < :to
                              and not exists (select 1 from recalculation_need_handled h
                                              where h.need_id = r.id and h.customer_id = i.customer_id)
                            union
                            select c.customer_id from contract c join delivery d on d.contract_id = c.id
                            join recalculation_need r on r.metering_point_id = d.metering_point_id
                                and daterange(r.period_from, r.period_to, '[)') && daterange(d.valid_from, d.valid_to, '[)')
                            where r.period_from < :to
                              and not exists (select 1 from recalculation_need_handled h
                                              where h.need_id = r.id and h.customer_id = c.customer_id)
                        ) candidates
                        join customer cu on cu.id = candidates.customer_id
                        where candidates.customer_id % :partitions = :partition and candidates.customer_id > :after
                          and (cast(:customerNumber as bigint) is null or cu.customer_number = :customerNumber)
                        order by 1 limit :limit""")
                .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .param("partitions", partitions).param("partition", partition).param("after", afterCustomerId)
                .param("customerNumber", customerNumber).param("limit", limit)
                .query(Long.class).list();
    }
}
