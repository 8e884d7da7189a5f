package no.kraft.cis.price;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.invoice.RecalculationNeed;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import no.kraft.cis.meteringpoint.PriceArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a validated spot-price file in one transaction: new intervals are added, identical ones left alone (so a
 * repeated import changes nothing), and a changed price replaces the stored one after the old value is copied to
 * {@code spot_price_revision} — history is kept.
 */
@Service
public class SpotPriceImport {

    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final MeteringPointService meteringPoints;
    private final RecalculationNeeds recalculation;

    SpotPriceImport(JdbcClient jdbc, AuditStamp audit, MeteringPointService meteringPoints, RecalculationNeeds recalculation) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.meteringPoints = meteringPoints;
        this.recalculation = recalculation;
    }

    /** What an import did, per price area. */
    public record Result(int added, int unchanged, int revised, Map<PriceArea, Range> areas, int recalculationNeeds) {
    }

    /** The time span a file covered for one area. */
    public record Range(Instant from, Instant to, int intervals) {
    }

    private record Stored(Instant start, BigDecimal nokPerKwh) {
    }

    @Transactional
    public Result store(List<SpotPriceLine> lines, String source) {
        SpotPriceRules.check(lines);
        Instant now = audit.now();
        String actor = audit.actor();
        Map<PriceArea, List<SpotPrice>> byArea = new EnumMap<>(PriceArea.class);
        lines.forEach(l -> byArea.computeIfAbsent(l.price().area(), a -> new ArrayList<>()).add(l.price()));
        int added = 0;
        int unchanged = 0;
        int revised = 0;
        int needs = 0;
        Map<PriceArea, Range> ranges = new EnumMap<>(PriceArea.class);
        for (Map.Entry<PriceArea, List<SpotPrice>> entry : byArea.entrySet()) {
            List<SpotPrice> prices = entry.getValue().stream().sorted(Comparator.comparing(SpotPrice::start)).toList();
            Instant from = prices.getFirst().start();
            Instant to = prices.getLast().end();
            Map<Instant, BigDecimal> existing = new HashMap<>();
            jdbc.sql("select interval_start, nok_per_kwh from spot_price where price_area = :area "
                            + "and interval_start >= :from and interval_start < :to")
                    .param("area", entry.getKey().name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                    .query((rs, n) -> new Stored(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)))
                    .list().forEach(s -> existing.put(s.start(), s.nokPerKwh()));
            LocalDate firstRevised = null;
            LocalDate lastRevised = null;
            for (SpotPrice price : prices) {
                BigDecimal stored = existing.get(price.start());
                if (stored == null) {
                    insert(price, source, now, actor);
                    added++;
                } else if (stored.compareTo(price.nokPerKwh()) == 0) {
                    unchanged++;
                } else {
                    revise(price, source, now, actor);
                    revised++;
                    LocalDate day = NorwegianTime.dayOf(price.start());
                    firstRevised = firstRevised == null || day.isBefore(firstRevised) ? day : firstRevised;
                    lastRevised = lastRevised == null || day.isAfter(lastRevised) ? day : lastRevised;
                }
            }
            ranges.put(entry.getKey(), new Range(from, to, prices.size()));
            if (firstRevised != null) {
                needs += raiseNeeds(entry.getKey(), new Period(firstRevised, lastRevised.plusDays(1)), source);
            }
        }
        return new Result(added, unchanged, revised, ranges, needs);
    }

    /** A revised price changes what every metering point in the area was billed for those days. */
    private int raiseNeeds(PriceArea area, Period days, String source) {
        int raised = 0;
        for (long meteringPointId : meteringPoints.inPriceArea(area, days)) {
            if (recalculation.changed(meteringPointId, days, RecalculationNeed.Reason.PRICE,
                    "spot prices " + area + " revised" + (source == null ? "" : " by " + source)).isPresent()) {
                raised++;
            }
        }
        return raised;
    }

    private void insert(SpotPrice p, String source, Instant now, String actor) {
        jdbc.sql("""
                        insert into spot_price (price_area, interval_start, interval_end, nok_per_kwh, eur_per_mwh, eur_nok, source,
                            created_at, created_by, updated_at, updated_by)
                        values (:area, :start, :end, :nok, :eur, :rate, :source, :now, :actor, :now, :actor)""")
                .param("area", p.area().name()).param("start", Timestamp.from(p.start())).param("end", Timestamp.from(p.end()))
                .param("nok", p.nokPerKwh()).param("eur", p.eurPerMwh()).param("rate", p.eurNok()).param("source", source)
                .param("now", Timestamp.from(now)).param("actor", actor)
                .update();
    }

    private void revise(SpotPrice p, String source, Instant now, String actor) {
        jdbc.sql("""
                        insert into spot_price_revision (price_area, interval_start, interval_end, nok_per_kwh, eur_per_mwh, eur_nok,
                            source, stored_at, stored_by, created_at, created_by, updated_at, updated_by)
                        select price_area, interval_start, interval_end, nok_per_kwh, eur_per_mwh, eur_nok, source,
                            updated_at, updated_by, :now, :actor, :now, :actor
                        from spot_price where price_area = :area and interval_start = :start""")
                .param("area", p.area().name()).param("start", Timestamp.from(p.start()))
                .param("now", Timestamp.from(now)).param("actor", actor).update();
        jdbc.sql("""
                        update spot_price set nok_per_kwh = :nok, eur_per_mwh = :eur, eur_nok = :rate, source = :source,
                            updated_at = :now, updated_by = :actor
                        where price_area = :area and interval_start = :start""")
                .param("area", p.area().name()).param("start", Timestamp.from(p.start()))
                .param("nok", p.nokPerKwh()).param("eur", p.eurPerMwh()).param("rate", p.eurNok()).param("source", source)
                .param("now", Timestamp.from(now)).param("actor", actor).update();
    }
}
