package no.kraft.cis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import no.kraft.cis.billing.settlement.MonthPrices;
import no.kraft.cis.meteringpoint.PriceArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The billing's in-memory month data is never older than what is committed: every write of spot prices, price tables
 * or compensation rules moves the revision on, and the next {@link MonthPrices#current()} reads afresh.
 */
class MonthPricesTest extends ApiTest {

    private static final YearMonth MONTH = YearMonth.of(2024, 3);   // a month no other test prices

    @Autowired
    MonthPrices monthPrices;

    @Test
    void heldWhileNothingChangesAndReadAfreshAfterEveryKindOfWrite() {
        MonthPrices.Snapshot first = monthPrices.current();
        assertThat(first.spot(PriceArea.NO4, MONTH).on(MONTH.atDay(2))).isNull();
        assertThat(monthPrices.current()).isSameAs(first);

        insertSpotPrice("0.500000");
        MonthPrices.Snapshot afterInsert = monthPrices.current();
        assertThat(afterInsert).isNotSameAs(first);
        // 0.5 NOK/kWh in the billing's price units of 10⁻⁸ NOK/kWh
        assertThat(afterInsert.spot(PriceArea.NO4, MONTH).on(MONTH.atDay(2))).startsWith(50_000_000L);
        assertThat(first.spot(PriceArea.NO4, MONTH).on(MONTH.atDay(2))).as("an old snapshot keeps what it read").isNull();

        jdbc.sql("update spot_price set nok_per_kwh = 0.25 where price_area = 'NO4' and interval_start = :at")
                .param("at", java.sql.Timestamp.from(MONTH.atDay(2).atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE).toInstant()))
                .update();
        assertThat(monthPrices.current().spot(PriceArea.NO4, MONTH).on(MONTH.atDay(2))).startsWith(25_000_000L);

        MonthPrices.Snapshot beforeRule = monthPrices.current();
        jdbc.sql("update compensation_rule set updated_at = now() where valid_from = date '2026-01-01'").update();
        assertThat(monthPrices.current()).isNotSameAs(beforeRule);

        jdbc.sql("delete from spot_price where price_area = 'NO4' and interval_start >= :from and interval_start < :to")
                .param("from", java.sql.Timestamp.from(MONTH.atDay(1).atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE).toInstant()))
                .param("to", java.sql.Timestamp.from(MONTH.plusMonths(1).atDay(1).atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE).toInstant()))
                .update();
        assertThat(monthPrices.current().spot(PriceArea.NO4, MONTH).on(MONTH.atDay(2))).isNull();
    }

    private void insertSpotPrice(String nokPerKwh) {
        var start = MONTH.atDay(2).atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE).toInstant();
        jdbc.sql("""
                insert into spot_price (price_area, interval_start, interval_end, nok_per_kwh, source, created_at, created_by, updated_at, updated_by)
                values ('NO4', :start, :end, cast(:price as numeric), 'test', now(), 'test', now(), 'test')""")
                .param("start", java.sql.Timestamp.from(start)).param("end", java.sql.Timestamp.from(start.plusSeconds(3600)))
                .param("price", nokPerKwh).update();
    }
}
