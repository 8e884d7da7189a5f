package no.kraft.cis.billing.run;

import java.time.YearMonth;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which customers a run for a month looks at: those supplied in the month, and those with open recalculation needs. */
@Component
class BillingCandidates {

    private final JdbcClient jdbc;

    BillingCandidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> next(YearMonth month, int partition, int partitions, long afterCustomerId, Long customerNumber) {
        return jdbc.sql("""
                        select candidates.customer_id from (
                            select c.customer_id from contract c join delivery d on d.contract_id = c.id
                            where daterange(d.valid_from, d.valid_to, '[)') && daterange(:from, :to, '[)')
                            union
                            select c.customer_id from recalculation_need r
                            join delivery d on d.metering_point_id = r.metering_point_id
                            join contract c on c.id = d.contract_id
                            where r.consumed_at is null and r.period_from < :to
                        ) candidates
                        join customer cu on cu.id = candidates.customer_id
                        where candidates.customer_id % :partitions = :partition and candidates.customer_id > :after
                          and (cast(:customerNumber as bigint) is null or cu.customer_number = :customerNumber)
                        order by 1 limit 1""")
                .param("from", month.atDay(1)).param("to", month.plusMonths(1).atDay(1))
                .param("partitions", partitions).param("partition", partition).param("after", afterCustomerId)
                .param("customerNumber", customerNumber)
                .query(Long.class).optional();
    }
}
