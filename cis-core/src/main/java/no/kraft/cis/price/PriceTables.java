package no.kraft.cis.price;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The price-table generator: keeps the named calculations and turns a price area's spot prices for a period into a
 * price table at the spot prices' own resolution (hourly before October 2025, quarter-hourly after; DST days have
 * 23/25 hours or 92/100 quarter-hours like the spot prices). Each generation is kept; readers see the newest.
 */
@Service
@Transactional
public class PriceTables {

    private final PriceCalculationRepository calculations;
    private final SpotPrices spotPrices;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditStamp audit;

    PriceTables(PriceCalculationRepository calculations, SpotPrices spotPrices, JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            AuditStamp audit) {
        this.calculations = calculations;
        this.spotPrices = spotPrices;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.audit = audit;
    }

    /** What one generation produced. */
    public record Generation(long id, int calculation, PriceArea area, LocalDate from, LocalDate to, String formula,
            BigDecimal threshold, int intervals) {
    }

    public PriceCalculation define(NewPriceCalculation definition) {
        if (calculations.existsById(definition.number())) {
            throw new ConflictException("number", "priceCalculation.exists",
                    "calculation " + definition.number() + " already exists; change it instead");
        }
        return calculations.saveAndFlush(new PriceCalculation(definition));
    }

    public PriceCalculation redefine(long expectedVersion, NewPriceCalculation definition) {
        PriceCalculation calculation = get(definition.number());
        if (calculation.version() != expectedVersion) {
            throw ConflictException.staleVersion("calculation " + definition.number(), expectedVersion, calculation.version());
        }
        calculation.redefine(definition);
        return calculations.saveAndFlush(calculation);
    }

    @Transactional(readOnly = true)
    public List<PriceCalculation> all() {
        return calculations.findAll(Sort.by("number"));
    }

    @Transactional(readOnly = true)
    public boolean exists(int number) {
        return calculations.existsById(number);
    }

    @Transactional(readOnly = true)
    public PriceCalculation get(int number) {
        return calculations.findById(number).orElseThrow(() -> new NotFoundException("price calculation", number));
    }

    /**
     * Generates the table for {@code area} and the Norwegian days {@code [from, to)}.
     *
     * @throws ConflictException {@code priceTable.spotPricesMissing} if the spot prices do not cover the period
     */
    public Generation generate(int number, PriceArea area, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw ValidationFailedException.of("to", "period.endBeforeStart", "to must be after from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ValidationFailedException.of("to", "priceTable.periodTooLong", "generate at most one year at a time");
        }
        NewPriceCalculation.Rule rule = get(number).ruleFor(area);
        List<SpotPrice> prices = spotPrices.forDays(area, from, to);
        requireComplete(area, from, to, prices);
        List<PriceTableValue> values = new ArrayList<>(prices.size());
        for (SpotPrice price : prices) {
            values.add(new PriceTableValue(price.start(), price.end(), rule.formula().evaluate(price.nokPerKwh(), rule.threshold())));
        }
        Instant now = audit.now();
        String actor = audit.actor();
        long id = jdbc.sql("""
                        insert into price_table_generation (calculation_number, price_area, period_from, period_to, formula, threshold,
                            interval_count, created_at, created_by, updated_at, updated_by)
                        values (:number, :area, :from, :to, :formula, :threshold, :count, :now, :actor, :now, :actor)
                        returning id""")
                .param("number", number).param("area", area.name()).param("from", from).param("to", to)
                .param("formula", rule.formula().text()).param("threshold", rule.threshold()).param("count", values.size())
                .param("now", Timestamp.from(now)).param("actor", actor)
                .query(Long.class).single();
        jdbcTemplate.batchUpdate("""
                        insert into price_table_value (generation_id, calculation_number, price_area, interval_start, interval_end, value,
                            created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                values, 1000, (ps, v) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, number);
                    ps.setString(3, area.name());
                    ps.setTimestamp(4, Timestamp.from(v.start()));
                    ps.setTimestamp(5, Timestamp.from(v.end()));
                    ps.setBigDecimal(6, v.value());
                    ps.setTimestamp(7, Timestamp.from(now));
                    ps.setString(8, actor);
                    ps.setTimestamp(9, Timestamp.from(now));
                    ps.setString(10, actor);
                });
        return new Generation(id, number, area, from, to, rule.formula().text(), rule.threshold(), values.size());
    }

    /** The newest generated value of every interval of the Norwegian days {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<PriceTableValue> values(int number, PriceArea area, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select distinct on (interval_start) interval_start, interval_end, value
                        from price_table_value
                        where calculation_number = :number and price_area = :area and interval_start >= :from and interval_start < :to
                        order by interval_start, generation_id desc""")
                .param("number", number).param("area", area.name())
                .param("from", Timestamp.from(from.atStartOfDay(NorwegianTime.ZONE).toInstant()))
                .param("to", Timestamp.from(to.atStartOfDay(NorwegianTime.ZONE).toInstant()))
                .query((rs, n) -> new PriceTableValue(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)))
                .list();
    }

    private static void requireComplete(PriceArea area, LocalDate from, LocalDate to, List<SpotPrice> prices) {
        Instant expected = from.atStartOfDay(NorwegianTime.ZONE).toInstant();
        Instant end = to.atStartOfDay(NorwegianTime.ZONE).toInstant();
        for (SpotPrice price : prices) {
            if (!price.start().equals(expected)) {
                throw missing(area, expected);
            }
            expected = price.end();
        }
        if (expected.isBefore(end)) {
            throw missing(area, expected);
        }
    }

    private static ConflictException missing(PriceArea area, Instant at) {
        return new ConflictException("from", "priceTable.spotPricesMissing", "no " + area + " spot price for the interval starting "
                + at.atZone(NorwegianTime.ZONE).toOffsetDateTime() + "; import spot prices first");
    }

}
