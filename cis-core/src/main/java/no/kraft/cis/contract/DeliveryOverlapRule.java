package no.kraft.cis.contract;

import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A metering point is supplied under at most one delivery on any day, across all contracts and customers. Checked here
 * to give a clear answer naming the delivery in the way; the database's exclusion constraint
 * {@code delivery_no_overlap} is the backstop against two concurrent requests.
 */
@Component
class DeliveryOverlapRule {

    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    private final JdbcClient jdbc;

    DeliveryOverlapRule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Existing(long contractNumber, LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * @param ignoredDeliveryId a delivery being replaced by this one (product change), or {@code null}
     * @throws ConflictException {@code delivery.overlap} naming the first delivery in the way
     */
    void requireFree(long meteringPointId, MeteringPointId gsrn, Period period, Long ignoredDeliveryId, String field) {
        inTheWay(meteringPointId, gsrn, period, ignoredDeliveryId).ifPresent(why -> {
            throw new ConflictException(field, "delivery.overlap", why);
        });
    }

    /** What supplies the point on some day of {@code period} (besides {@code ignoredDeliveryId}), or empty: free. */
    java.util.Optional<String> inTheWay(long meteringPointId, MeteringPointId gsrn, Period period, Long ignoredDeliveryId) {
        List<Existing> overlapping = overlapping(meteringPointId, period, ignoredDeliveryId);
        if (overlapping.isEmpty()) {
            return java.util.Optional.empty();
        }
        Existing first = overlapping.getFirst();
        return java.util.Optional.of("metering point " + gsrn + " is already supplied on contract " + first.contractNumber() + " in "
                + new Period(first.validFrom(), first.validTo()) + ", which overlaps " + period);
    }

    private List<Existing> overlapping(long meteringPointId, Period period, Long ignoredDeliveryId) {
        return jdbc.sql("""
                        select c.contract_number, d.valid_from, d.valid_to
                        from delivery d join contract c on c.id = d.contract_id
                        where d.metering_point_id = :mp
                          and d.id <> :ignored
                          and d.valid_from < :to
                          and coalesce(d.valid_to, date '9999-12-31') > :from
                        order by d.valid_from
                        """)
                .param("mp", meteringPointId)
                .param("ignored", ignoredDeliveryId == null ? -1L : ignoredDeliveryId)
                .param("from", period.from())
                .param("to", period.to() == null ? OPEN_END : period.to())
                .query(Existing.class)
                .list();
    }
}
