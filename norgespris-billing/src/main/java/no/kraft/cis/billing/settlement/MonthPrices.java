package no.kraft.cis.billing.settlement;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.price.PriceTableValue;
import no.kraft.cis.price.PriceTables;
import no.kraft.cis.price.SpotPrice;
import no.kraft.cis.price.SpotPrices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month-wide data every customer's billing reads — a month's spot prices per area, generated price tables, the
 * compensation rules — held in memory per <em>revision</em> of that data, so a run reads them once, not once per
 * customer (thousands of rows each).
 *
 * <p>Every write of those tables moves one counter on, in the writer's transaction (table
 * {@code billing_data_revision}, statement triggers). {@link #current()} reads it — one row — and gives the data of
 * that revision: a {@link Snapshot} whose entries were all loaded by callers that had read the same revision first, so
 * an entry is never older than the revision it is filed under. Called after the customer's billing horizons are locked,
 * it gives what a fresh read would: a price change committed before is seen; one committed after waits for the
 * horizon (its recalculation need is raised against the new horizon), exactly as without the cache.
 */
@Component
public class MonthPrices {

    private final JdbcClient jdbc;
    private final SpotPrices spotPrices;
    private final PriceTables priceTables;
    private final CompensationRuleBook ruleBook;
    private volatile Snapshot latest;

    MonthPrices(JdbcClient jdbc, SpotPrices spotPrices, PriceTables priceTables, CompensationRuleBook ruleBook) {
        this.jdbc = jdbc;
        this.spotPrices = spotPrices;
        this.priceTables = priceTables;
        this.ruleBook = ruleBook;
    }

    /** The data as committed now; call inside the transaction that uses it. */
    public Snapshot current() {
        long revision = jdbc.sql("select revision from billing_data_revision").query(Long.class).single();
        Snapshot s = latest;
        if (s != null && s.revision == revision) {
            return s;
        }
        synchronized (this) {
            s = latest;
            if (s == null || revision > s.revision) {
                latest = new Snapshot(revision);
                return latest;
            }
            // an older revision than one already seen (a slow reader): its own data, not shared
            return s.revision == revision ? s : new Snapshot(revision);
        }
    }

    /** One revision's data, loaded on first use. */
    public final class Snapshot {

        private final long revision;
        private final Map<Object, Object> loaded = new ConcurrentHashMap<>();

        private Snapshot(long revision) {
            this.revision = revision;
        }

        private record Spot(PriceArea area, YearMonth month) {
        }

        private record Table(int calculation, PriceArea area, YearMonth month) {
        }

        /** The area's spot prices for the month's days. */
        public DayPrices spot(PriceArea area, YearMonth month) {
            return (DayPrices) loaded.computeIfAbsent(new Spot(area, month), k -> DayPrices.of(
                    spotPrices.forDays(area, month.atDay(1), month.plusMonths(1).atDay(1)), SpotPrice::start, SpotPrice::nokPerKwh));
        }

        /** A price table's values in the area for the month's days. */
        public DayPrices table(int calculation, PriceArea area, YearMonth month) {
            return (DayPrices) loaded.computeIfAbsent(new Table(calculation, area, month), k -> DayPrices.of(
                    priceTables.values(calculation, area, month.atDay(1), month.plusMonths(1).atDay(1)), PriceTableValue::start,
                    PriceTableValue::value));
        }

        /** All compensation rules, oldest first. */
        @SuppressWarnings("unchecked")
        public List<CompensationRules> rules() {
            return (List<CompensationRules>) loaded.computeIfAbsent("rules", k -> List.copyOf(ruleBook.all()));
        }
    }
}
