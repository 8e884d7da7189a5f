package no.kraft.cis.meteringpoint;

import java.time.LocalDate;
import java.util.Objects;

/** Command: take a metering point into the CIS with its master data as of {@code validFrom}. */
public record NewMeteringPoint(MeteringPointId id, LocalDate validFrom, Characteristics characteristics) {

    public NewMeteringPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(characteristics, "characteristics");
    }
}
