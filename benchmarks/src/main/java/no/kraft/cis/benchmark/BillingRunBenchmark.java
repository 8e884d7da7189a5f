package no.kraft.cis.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.Period;
import no.kraft.cis.price.NewPriceCalculation;
import no.kraft.cis.price.PriceFormula;
import no.kraft.cis.price.PriceTables;
import no.kraft.cis.security.LocalTokenIssuer;
import no.kraft.cis.security.Role;
import no.kraft.cis.segment.Segment;
import no.kraft.cis.tariffelement.NewTariffElement;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.TariffPrice;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue target: the whole billing run — settle, invoice lines, invoices, numbers, KID, ledger — for 100 000 customers ×
 * a month of 15-minute values at ≥ 1 000 customers/s, the settlement step still ≤ 1.5× a bare read of the values.
 *
 * <p>Set-up (not measured) as {@code settlement}: one customer, contract and SPOT delivery per metering point, ⅔ on
 * Norgespris (900 = 1, segment 101), ⅓ on strømstøtte (900 = 0, segment 103), NO1 spot prices for October 2025 and
 * the month's values through the API upload; then the product the demo sells: energy from the spot price table
 * (interval by interval), a markup per kWh, a fixed monthly amount, and the Norgespris / strømstøtte elements. Measured:
 * {@code POST /api/v1/billing-runs} for October 2025 until the run has finished (polled over HTTP), the two steps' times
 * from Spring Batch, and the bare read of the same values. Then a second run, which must bill nothing.
 */
final class BillingRunBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2025, 10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BillingRunBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BenchmarkApp app = BenchmarkApp.start()) {
            int port = app.port();
            JdbcClient jdbc = app.bean(JdbcClient.class);
            String token = app.bean(LocalTokenIssuer.class).issue("benchmark", Role.BILLING).accessToken();

            long t0 = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long written = SettlementBenchmark.supplyMonth(app, http, token, customers).values();
            jdbc.sql("""
                    insert into segment_membership (segment_id, metering_point_id, valid_from, created_at, created_by, updated_at, updated_by)
                    select case when value = 1 then 101 else 103 end, metering_point_id, valid_from, now(), 'benchmark', now(), 'benchmark'
                    from metering_point_property where code = 900""").update();
            product(app.bean(Tariffs.class), app.bean(PriceTables.class));
            jdbc.sql("vacuum analyze").update();
            System.out.printf(Locale.ROOT, "set up %,d customers, %,d values in %.0f s%n", customers, written, seconds(t0));

            var tx = new org.springframework.transaction.support.TransactionTemplate(
                    app.bean(org.springframework.transaction.PlatformTransactionManager.class));
            SettlementBenchmark.bareRead(jdbc, tx);
            long[] read = SettlementBenchmark.bareRead(jdbc, tx);
            double readSeconds = read[1] / 1e9;
            System.out.printf(Locale.ROOT, "bare sequential read: %,d values in %.2f s%n", read[0], readSeconds);

            boolean explain = Boolean.getBoolean("explain");
            if (explain) {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
                jdbc.sql("select pg_stat_statements_reset()").query(String.class).list();
            }
            JsonNode run = bill(http, port, token);
            if (explain) {
                System.out.println("database time by statement during the run (pg_stat_statements, top 15):");
                jdbc.sql("""
                        select round(total_exec_time)::bigint, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
                        from pg_stat_statements order by total_exec_time desc limit 15""")
                        .query((java.sql.ResultSet rs) -> {
                            System.out.printf(Locale.ROOT, "  %,8d ms %,9d calls %,10d rows  %s%n", rs.getLong(1), rs.getLong(2),
                                    rs.getLong(3), rs.getString(4));
                        });
                // what one chunk's line insert costs on a quiet machine, and where (foreign-key triggers), rolled back
                tx.executeWithoutResult(status -> {
                    jdbc.sql("""
                            explain (analyze, buffers, format text)
                            insert into invoice_line (invoice_id, line_number, metering_point_id, delivery_id, element_code, text, period_from,
                                period_to, quantity, unit, unit_price, net_amount, vat_rate, vat_amount, created_at, created_by, updated_at, updated_by)
                            select invoice_id, line_number + 100, metering_point_id, delivery_id, element_code, text, period_from, period_to,
                                quantity, unit, unit_price, net_amount, vat_rate, vat_amount, created_at, created_by, updated_at, updated_by
                            from invoice_line order by id limit 500""").query(String.class).list().forEach(l -> System.out.println("  " + l));
                    status.setRollbackOnly();
                });
            }
            double total = run.get("seconds").asDouble();
            Map<String, Double> steps = stepSeconds(jdbc, run.get("id").asLong());
            System.out.printf(Locale.ROOT, "billing run: %s, %,d customers billed, %,d invoices, %,d failed, total %s NOK%n",
                    run.get("status").asString(), run.get("customersBilled").asLong(), run.get("invoices").asLong(),
                    run.get("customersFailed").asLong(), run.get("totalAmount").decimalValue().toPlainString());
            System.out.printf(Locale.ROOT, "whole run %.1f s = %,.0f customers/s; settlement step %.1f s = %.2f× the bare read; "
                            + "billing step %.1f s = %,.0f customers/s%n",
                    total, run.get("customersBilled").asLong() / total, steps.get("settleMonth"), steps.get("settleMonth") / readSeconds,
                    steps.get("billCustomers"), run.get("customersBilled").asLong() / steps.get("billCustomers"));
            String check = jdbc.sql("""
                    select count(*) || ' invoices, numbers ' || min(invoice_number) || '..' || max(invoice_number)
                        || ', distinct KIDs ' || count(distinct kid) from invoice""").query(String.class).single();
            System.out.println("stored: " + check);

            JsonNode again = bill(http, port, token);
            System.out.printf(Locale.ROOT, "second run: %s in %.1f s, %,d invoices, %,d credit notes%n", again.get("status").asString(),
                    again.get("seconds").asDouble(), again.get("invoices").asLong(), again.get("creditNotes").asLong());
        }
    }

    /** The demo's spot product: energy from the spot table, markup, fixed amount; and the compensation elements. */
    static void product(Tariffs tariffs, PriceTables priceTables) {
        int table = 1;
        priceTables.define(new NewPriceCalculation(table, "Spot", "Spotpris NOK/kWh", PriceFormula.parse(":a"), null, Map.of()));
        priceTables.generate(table, PriceArea.NO1, MONTH.atDay(1), MONTH.plusMonths(1).atDay(1));   // every point is in NO1
        Period from = Period.from(LocalDate.of(2025, 1, 1));
        Period schemes = Period.from(LocalDate.of(2025, 10, 1));
        List.of(
                new NewTariffElement("SPOT-ENERGI", "KRAFT", "SPOT", TariffElement.Kind.ENERGY_PRICE, "Strøm, spotpris",
                        TariffElement.Vat.STANDARD, null, from, new TariffPrice.FromPriceTable(table)),
                new NewTariffElement("SPOT-PASLAG", "KRAFT", "SPOT", TariffElement.Kind.MARKUP, "Påslag", TariffElement.Vat.STANDARD,
                        null, from, new TariffPrice.Fixed(new BigDecimal("0.049"))),
                new NewTariffElement("SPOT-FAST", "KRAFT", "SPOT", TariffElement.Kind.FIXED_MONTHLY, "Fastbeløp", TariffElement.Vat.STANDARD,
                        null, from, new TariffPrice.Fixed(new BigDecimal("39.00"))),
                new NewTariffElement("NORGESPRIS", "STROMSTOTTE", null, TariffElement.Kind.COMPENSATION, "Norgespris",
                        TariffElement.Vat.STANDARD, Segment.NORGESPRIS_HOUSEHOLD, schemes, new TariffPrice.Fixed(new BigDecimal("0.40"))),
                new NewTariffElement("STROMSTOTTE", "STROMSTOTTE", null, TariffElement.Kind.COMPENSATION, "Strømstøtte",
                        TariffElement.Vat.STANDARD, Segment.STROMSTOTTE, schemes, new TariffPrice.Fixed(new BigDecimal("0.75"))))
                .forEach(tariffs::define);
    }

    /** Starts a run for the month over HTTP and polls it until it is over; adds {@code seconds}, from start to seen over. */
    static JsonNode bill(HttpClient http, int port, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/billing-runs"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"" + MONTH + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("run not started: " + started.statusCode() + " " + started.body());
        }
        long id = JSON.readTree(started.body()).get("id").asLong();
        while (true) {
            Thread.sleep(200);
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/billing-runs/" + id))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode run = JSON.readTree(got.body());
            if (!run.get("status").asString().equals("STARTED")) {
                ((tools.jackson.databind.node.ObjectNode) run).put("seconds", seconds(start));
                return run;
            }
        }
    }

    /** Wall time of the two steps of the run's last job execution, from Spring Batch's own tables. */
    private static Map<String, Double> stepSeconds(JdbcClient jdbc, long runId) {
        Map<String, Double> seconds = new java.util.HashMap<>();
        jdbc.sql("""
                        select s.step_name, extract(epoch from s.end_time - s.start_time)
                        from batch_step_execution s
                        where s.step_name in ('settleMonth', 'billCustomers') and s.job_execution_id = (
                            select max(p.job_execution_id) from batch_job_execution_params p
                            where p.parameter_name = 'runId' and p.parameter_value = :run)""")
                .param("run", Long.toString(runId))
                .query((java.sql.ResultSet rs) -> {
                    seconds.put(rs.getString(1), rs.getDouble(2));
                });
        return seconds;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
