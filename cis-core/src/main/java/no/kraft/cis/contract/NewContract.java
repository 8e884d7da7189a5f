package no.kraft.cis.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import no.kraft.cis.customer.CustomerNumber;

/** Command: open a contract for a customer with its first deliveries (possibly none yet). */
public record NewContract(CustomerNumber customerNumber, LocalDate startDate, List<NewDelivery> deliveries) {

    public NewContract {
        Objects.requireNonNull(customerNumber, "customerNumber");
        Objects.requireNonNull(startDate, "startDate");
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }
}
