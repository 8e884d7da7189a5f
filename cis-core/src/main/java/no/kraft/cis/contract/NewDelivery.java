package no.kraft.cis.contract;

import java.util.Objects;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.Period;

/** Command part: supply {@code meteringPointId} under {@code productCode} during {@code period}. */
public record NewDelivery(MeteringPointId meteringPointId, String productCode, Period period) {

    public NewDelivery {
        Objects.requireNonNull(meteringPointId, "meteringPointId");
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(period, "period");
    }
}
