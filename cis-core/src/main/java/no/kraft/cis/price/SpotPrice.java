package no.kraft.cis.price;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import no.kraft.cis.meteringpoint.PriceArea;

/**
 * A day-ahead price (spotpris) for one price area and one interval {@code [start, end)}, in NOK/kWh with six decimals.
 * When the price came in EUR/MWh (ENTSO-E), the source price and the EUR→NOK rate used are kept beside it.
 */
public record SpotPrice(PriceArea area, Instant start, Instant end, BigDecimal nokPerKwh, BigDecimal eurPerMwh,
        BigDecimal eurNok) {

    public static final int SCALE = 6;

    public SpotPrice {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        nokPerKwh = nokPerKwh.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** NOK/kWh = EUR/MWh × EUR→NOK ÷ 1000, rounded half-up to six decimals. */
    public static SpotPrice fromEuro(PriceArea area, Instant start, Instant end, BigDecimal eurPerMwh, BigDecimal eurNok) {
        BigDecimal nok = eurPerMwh.multiply(eurNok).movePointLeft(3).setScale(SCALE, RoundingMode.HALF_UP);
        return new SpotPrice(area, start, end, nok, eurPerMwh, eurNok);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
