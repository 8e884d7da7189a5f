package no.kraft.cis.api.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kraft.cis.customerview.CustomerOverviewQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Customers")
@RestController
class CustomerOverviewController {

    private final CustomerOverviewQuery overview;

    CustomerOverviewController(CustomerOverviewQuery overview) {
        this.overview = overview;
    }

    @Operation(summary = "Customer 360",
            description = "The customer with contracts, deliveries, metering points, their current master data and "
                    + "properties, and each metering point's grid owner — in one call.")
    @GetMapping("/api/v1/customers/{customerNumber}/overview")
    CustomerOverviewResponse overview(@PathVariable String customerNumber) {
        return CustomerOverviewResponse.of(overview.overview(CustomerController.number(customerNumber)));
    }
}
