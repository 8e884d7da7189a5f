package no.kraft.cis.api.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Partner: audit", description = "Who called the partner API about whom, and when (admin)")
@RestController
class PartnerCallController {

    private final JdbcClient jdbc;

    PartnerCallController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PartnerCall(String clientId, String role, String method, String function, List<Long> customerNumbers, int status,
            Instant calledAt) {
    }

    @Operation(summary = "Partner API calls, newest first (at most 500)", description = "Filter by client and/or customer number.")
    @GetMapping("/api/v1/partner-calls")
    List<PartnerCall> calls(@RequestParam(required = false) String clientId, @RequestParam(required = false) String customerNumber) {
        CustomerNumber number = customerNumber == null ? null
                : FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber));
        return jdbc.sql("""
                        select client_id, role, method, function, customer_numbers, status, called_at from partner_call
                        where (cast(:client as varchar) is null or client_id = :client)
                          and (cast(:customer as bigint) is null or customer_numbers @> array[cast(:customer as bigint)])
                        order by id desc limit 500""")
                .param("client", clientId).param("customer", number == null ? null : number.value())
                .query((rs, n) -> new PartnerCall(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of((Long[]) rs.getArray(5).getArray()), rs.getInt(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
