package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;

/**
 * Customers for a paced billing run, set up through the API as staff would: a variable-price product defined by an admin
 * (energy 1.00 kr/kWh from 2024), and {@code count} businesses (end-user group 42: no compensation to settle) each with
 * one metering point supplied on it for exactly {@code month} and a whole month of values — so a run for the month
 * (a month no other test supplies anyone in) bills exactly them.
 */
final class PacedRunCustomers {

    private PacedRunCustomers() {
    }

    static List<Long> create(Api api, Steps steps, YearMonth month, int count) {
        String product = "E2E-TEMPO-" + TestData.unique();
        Api.Response defined = api.post(Role.ADMIN, "/api/v1/products", json("code", product, "name", "Tempo " + product, "kind", "VARIABLE",
                "validFrom", "2024-01-01", "energyPrice", json("amount", "1.00")));
        assertThat(defined.status()).as(defined.raw()).isEqualTo(201);
        String gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Tempo nett AS"));
        String from = month.atDay(1).toString();
        String to = month.plusMonths(1).atDay(1).toString();
        List<Long> customers = new ArrayList<>();
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String point = TestData.meteringPointId();
            Map<String, Object> shop = TestData.meteringPoint(point, "NO5", gridOwner, "42", "4621");
            shop.put("validFrom", "2024-01-01");
            Api.Response registered = api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", shop);
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            long customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", TestData.person(TestData.nationalId(), "Tempo", "Kunde" + i))
                    .json("/customerNumber").asLong();
            Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts",
                    TestData.contract(customer, from, List.of(TestData.delivery(point, product, from, to))));
            assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
            customers.add(customer);
            values.put(point, 100);
        }
        steps.meterValues(month, values);
        return customers;
    }
}
