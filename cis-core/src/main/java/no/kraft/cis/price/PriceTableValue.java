package no.kraft.cis.price;

import java.math.BigDecimal;
import java.time.Instant;

/** One interval of a generated price table, in NOK/kWh. */
public record PriceTableValue(Instant start, Instant end, BigDecimal value) {
}
