package no.kraft.cis.api.partner;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.security.PartnerCallGate;
import org.springframework.stereotype.Component;

/** The account a partner call is about, from the path: parsed at the edge (400), 404 when unknown, noted for the audit. */
@Component
class Accounts {

    private final CustomerService customers;
    private final Clock clock;

    Accounts(CustomerService customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    Customer get(String rawNumber, HttpServletRequest request) {
        return customers.get(number(rawNumber, request));
    }

    /** The account number from the path, parsed and noted for the audit, without loading the customer. */
    CustomerNumber number(String rawNumber, HttpServletRequest request) {
        CustomerNumber number = FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(rawNumber));
        PartnerCallGate.concerns(request, List.of(number.value()));
        return number;
    }

    LocalDate today() {
        return NorwegianTime.today(clock);
    }
}
