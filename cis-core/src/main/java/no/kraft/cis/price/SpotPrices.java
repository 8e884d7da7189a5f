package no.kraft.cis.price;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored spot prices. */
@Service
@Transactional(readOnly = true)
public class SpotPrices {

    private final JdbcClient jdbc;

    SpotPrices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Prices of {@code area} for the Norwegian days {@code [from, to)}, in time order. */
    public List<SpotPrice> forDays(PriceArea area, LocalDate from, LocalDate to) {
        return between(area, from.atStartOfDay(NorwegianTime.ZONE).toInstant(), to.atStartOfDay(NorwegianTime.ZONE).toInstant());
    }

    public List<SpotPrice> between(PriceArea area, Instant from, Instant to) {
        return jdbc.sql("""
                        select interval_start, interval_end, nok_per_kwh, eur_per_mwh, eur_nok from spot_price
                        where price_area = :area and interval_start >= :from and interval_start < :to
                        order by interval_start""")
                .param("area", area.name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new SpotPrice(area, rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }
}
