package no.kraft.cis.addon;

import java.time.LocalDate;

/** A customer's add-on from {@code validFrom} (inclusive) to {@code validTo} (exclusive, {@code null} = until ended). */
public record Subscription(AddOnProduct product, LocalDate validFrom, LocalDate validTo) {
}
