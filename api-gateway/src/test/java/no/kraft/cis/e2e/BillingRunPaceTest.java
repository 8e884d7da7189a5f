package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;

/**
 * The daytime pace of a billing run: one customer per partition at a time and a pause after each chunk. A stop is
 * taken during the pause — here one of ten minutes, so the run can only end in this test's time if it is — and a
 * restart keeps the pace and bills each customer once.
 */
class BillingRunPaceTest extends ApiTest {

    private static final YearMonth MAY_2025 = YearMonth.of(2025, 5);   // a month no other test supplies anyone in

    @Test
    void aPacedRunIsStoppedDuringItsPauseAndRestartedAtItsPace() {
        // 7 customers over the 6 partitions (customer id % 6): one partition has two, so one round does not finish the run
        List<Long> customers = PacedRunCustomers.create(api, steps, MAY_2025, 7);
        Api.Response started = api.post(Role.BILLING, "/api/v1/billing-runs",
                json("month", MAY_2025.toString(), "customersPerChunk", 1, "pauseSeconds", 600));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        long id = started.json("/id").asLong();
        assertThat(started.json("/customersTotal").asInt()).isEqualTo(7);

        // round k bills, per partition (customer id % 6, the default 6 partitions), its k-th customer, then every partition
        // that billed waits its ten minutes: stopped in each pause, restarted at the same pace
        Map<Long, Long> perPartition = jdbc.sql("select id % 6 from customer where customer_number in (:numbers)")
                .param("numbers", customers).query(Long.class).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(p -> p, java.util.stream.Collectors.counting()));
        long rounds = perPartition.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(rounds).as("7 customers over 6 partitions take more than one round").isGreaterThan(1);
        for (int k = 1; k <= rounds; k++) {
            final int round = k;
            int expected = (int) perPartition.values().stream().mapToLong(c -> Math.min(c, round)).sum();
            waitUntilDone(id, expected);
            Api.Response stopped = stop(id);
            assertThat(stopped.text("/status")).isEqualTo("STOPPED");
            assertThat(stopped.json("/customersDone").asInt()).isEqualTo(expected);
            assertThat(stopped.json("/invoices").asInt()).isEqualTo(expected);
            assertThat(api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/restart", Map.of()).status()).isEqualTo(202);
        }
        // the last restart: nothing left, so no chunk and no pause — completed
        Api.Response completed = steps.waitForRun(id);
        assertThat(completed.text("/status")).isEqualTo("COMPLETED");
        assertThat(completed.json("/customersDone").asInt()).isEqualTo(7);
        assertThat(completed.json("/customersBilled").asInt()).isEqualTo(7);
        assertThat(completed.json("/invoices").asInt()).isEqualTo(7);
        // each customer once: 31 days × 96 × 0.100 kWh = 297.6 kWh × 1.00 = 297.60 + 25 % VAT 74.40 = 372.00
        for (long customer : customers) {
            var invoices = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/invoices").json("").valueStream().toList();
            assertThat(invoices).as("customer " + customer).hasSize(1);
            assertThat(invoices.getFirst().at("/totalAmount").decimalValue()).isEqualByComparingTo("372.00");
        }
    }

    @Test
    void aPaceOutsideItsBoundsIsAProblemNamingTheFieldAndStartsNothing() {
        record Bad(Map<String, Object> body, String field, String rule) {
        }
        DatabaseSnapshot before = snapshot();
        for (Bad bad : List.of(
                new Bad(json("month", "2025-05", "customersPerChunk", 0), "customersPerChunk", "billingRun.customersPerChunk"),
                new Bad(json("month", "2025-05", "customersPerChunk", 1001), "customersPerChunk", "billingRun.customersPerChunk"),
                new Bad(json("month", "2025-05", "customersPerChunk", 10, "pauseSeconds", -1), "pauseSeconds", "billingRun.pause"),
                new Bad(json("month", "2025-05", "customersPerChunk", 10, "pauseSeconds", 601), "pauseSeconds", "billingRun.pause"),
                new Bad(json("month", "2025-05", "pauseSeconds", 5), "customersPerChunk", "required"))) {
            Api.Response r = api.post(Role.BILLING, "/api/v1/billing-runs", bad.body());
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("/violations/0/field")).as(r.raw()).isEqualTo(bad.field());
            assertThat(r.text("/violations/0/rule")).as(r.raw()).isEqualTo(bad.rule());
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private void waitUntilDone(long id, int done) {
        for (int i = 0; i < 600; i++) {
            Api.Response run = api.get(Role.BILLING, "/api/v1/billing-runs/" + id);
            assertThat(run.text("/status")).as(run.raw()).isEqualTo("STARTED");
            if (run.json("/customersDone").asInt() >= done) {
                assertThat(run.json("/customersDone").asInt()).as(run.raw()).isEqualTo(done);
                return;
            }
            Steps.pause(100);
        }
        throw new AssertionError("billing run " + id + " did not reach " + done + " customers in 60 s");
    }

    /** Stops the run and waits for it to end — which, in a ten-minute pause, only a stop taken during the pause does. */
    private Api.Response stop(long id) {
        Api.Response asked = api.post(Role.BILLING, "/api/v1/billing-runs/" + id + "/stop", Map.of());
        assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
        return steps.waitForRun(id);
    }
}
