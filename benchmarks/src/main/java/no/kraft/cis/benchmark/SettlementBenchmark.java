package no.kraft.cis.benchmark;

import java.net.http.HttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.kraft.cis.billing.settlement.MonthSweep;
import no.kraft.cis.security.LocalTokenIssuer;
import no.kraft.cis.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue target: the billing run settles 100 000 metering points × a month of 15-minute values (~300 M values) at
 * ≥ 1 000 000 values/s and within 1.5× a bare sequential JDBC read of the same values, measured in the same run.
 *
 * <p>Set-up (not measured): metering points, customers, contracts and deliveries in SQL; two thirds on Norgespris
 * (900 = 1), one third on strømstøtte (900 = 0); NO1 spot prices for October 2025 (2 980 quarter-hours, with the
 * 25-hour day); the meter values through the API upload. Then: the bare read (twice, the second counted: warm cache,
 * like the settlement after it), the settlement step of the billing run with one partition (sequential, like the read)
 * and with the run's default four partitions.
 */
final class SettlementBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2025, 10);

    private SettlementBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BenchmarkApp app = BenchmarkApp.start()) {
            int port = app.port();
            JdbcClient jdbc = app.bean(JdbcClient.class);
            String token = app.bean(LocalTokenIssuer.class).issue("benchmark", Role.BILLING).accessToken();

            long t0 = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            SuppliedMonth supplied = supplyMonth(app, http, token, points);
            System.out.printf(Locale.ROOT, "set up %,d metering points and %,d values in %.0f s (import %.1f s)%n", points, supplied.values(),
                    seconds(t0), supplied.importSeconds());

            TransactionTemplate tx = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
            bareRead(jdbc, tx);
            long[] read = bareRead(jdbc, tx);
            double readSeconds = read[1] / 1e9;
            System.out.printf(Locale.ROOT, "bare sequential read: %,d values in %.2f s = %,.0f values/s%n", read[0], readSeconds,
                    read[0] / readSeconds);

            MonthSweep sweep = app.bean(MonthSweep.class);
            long start = System.nanoTime();
            MonthSweep.Result one = sweep.settle(MONTH, 0, 1);
            double oneSeconds = seconds(start);
            System.out.printf(Locale.ROOT, "settlement, 1 partition:  %,d points, %,d values in %.2f s = %,.0f values/s = %.2f× the bare read%n",
                    one.settled(), one.values(), oneSeconds, one.values() / oneSeconds, oneSeconds / readSeconds);

            jdbc.sql("delete from settlement").update();
            jdbc.sql("vacuum analyze settlement").update();
            int partitions = 4;
            ExecutorService pool = Executors.newFixedThreadPool(partitions);
            start = System.nanoTime();
            List<Future<MonthSweep.Result>> results = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                int partition = i;
                results.add(pool.submit(() -> sweep.settle(MONTH, partition, partitions)));
            }
            long values = 0;
            int settled = 0;
            for (Future<MonthSweep.Result> r : results) {
                values += r.get().values();
                settled += r.get().settled();
            }
            double fourSeconds = seconds(start);
            pool.shutdown();
            System.out.printf(Locale.ROOT, "settlement, %d partitions: %,d points, %,d values in %.2f s = %,.0f values/s = %.2f× the bare read%n",
                    partitions, settled, values, fourSeconds, values / fourSeconds, fourSeconds / readSeconds);
            String totals = jdbc.sql("""
                    select count(*) || ' settlements, ' || sum(norgespris_covered_wh) / 1000 || ' kWh covered by Norgespris, '
                        || sum(norgespris_amount) || ' NOK Norgespris, ' || sum(stromstotte_amount) || ' NOK strømstøtte'
                    from settlement where not superseded""").query(String.class).single();
            System.out.println("stored: " + totals);
        }
    }

    /** What {@link #supplyMonth} made: the values written, and how long the API took to import them. */
    record SuppliedMonth(long values, double importSeconds) {
    }

    /**
     * {@code points} metering points with customers, contracts and SPOT deliveries, 900 and NO1 spot prices (SQL, not
     * what is measured), and October 2025's 15-minute values through {@code POST /api/v1/meter-values}.
     */
    static SuppliedMonth supplyMonth(BenchmarkApp app, HttpClient http, String token, int points) throws IOException, InterruptedException {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        String[] ids = MeterValueImportBenchmark.registerMeteringPoints(jdbc, points);
        supplyAndClassify(jdbc);
        Path file = app.work().resolve("meter-values.csv");
        long written = MeterValueImportBenchmark.writeFile(file, ids, MONTH.lengthOfMonth());
        MeterValueImportBenchmark.Measured imported = MeterValueImportBenchmark.upload(http, app.port(), token, file);
        Files.delete(file);
        jdbc.sql("vacuum analyze meter_value_day").update();
        return new SuppliedMonth(written, imported.seconds());
    }

    /** The same rows the settlement reads, in the same order, arrays parsed — and nothing else. */
    static long[] bareRead(JdbcClient jdbc, TransactionTemplate tx) {
        long start = System.nanoTime();
        long[] count = {0, 0};
        tx.executeWithoutResult(status -> jdbc.sql("""
                        select metering_point_id, day, quantities_wh from meter_value_day
                        where day >= :from and day < :to order by metering_point_id, day""")
                .param("from", MONTH.atDay(1)).param("to", MONTH.plusMonths(1).atDay(1))
                .withFetchSize(2000)
                .query((ResultSet rs) -> {
                    rs.getLong(1);
                    rs.getObject(2, java.time.LocalDate.class);
                    Array array = rs.getArray(3);
                    Integer[] values = (Integer[]) array.getArray();
                    count[0] += values.length;
                }));
        count[1] = System.nanoTime() - start;
        return count;
    }

    static void supplyAndClassify(JdbcClient jdbc) {
        jdbc.sql("""
                insert into customer (customer_number, kind, organisation_number, organisation_name, search_name, version,
                    created_at, created_by, updated_at, updated_by)
                select 2000000 + id, 'ORGANISATION', (800000000 + id)::text, 'Benchmark ' || id, 'benchmark ' || id, 0,
                    now(), 'benchmark', now(), 'benchmark'
                from metering_point""").update();
        jdbc.sql("""
                insert into contract (contract_number, customer_id, start_date, version, created_at, created_by, updated_at, updated_by)
                select 7000000 + id, id, date '2025-10-01', 0, now(), 'benchmark', now(), 'benchmark' from customer""").update();
        jdbc.sql("""
                insert into delivery (contract_id, metering_point_id, product_code, valid_from, created_at, created_by, updated_at, updated_by)
                select ct.id, mp.id, 'SPOT', date '2025-10-01', now(), 'benchmark', now(), 'benchmark'
                from metering_point mp join customer c on c.customer_number = 2000000 + mp.id join contract ct on ct.customer_id = c.id""")
                .update();
        jdbc.sql("""
                insert into metering_point_property (metering_point_id, code, value, valid_from, created_at, created_by, updated_at, updated_by)
                select id, 900, case when id % 3 = 0 then 0 else 1 end, date '2025-10-01', now(), 'benchmark', now(), 'benchmark'
                from metering_point""").update();
        jdbc.sql("""
                insert into spot_price (price_area, interval_start, interval_end, nok_per_kwh, source, created_at, created_by, updated_at, updated_by)
                select 'NO1', t, t + interval '15 minutes', round(cast(0.55 + 0.45 * sin(extract(epoch from t) / 20000.0) as numeric), 6), 'benchmark',
                    now(), 'benchmark', now(), 'benchmark'
                from generate_series(timestamptz '2025-10-01 00:00:00+02', timestamptz '2025-11-01 00:00:00+01' - interval '15 minutes',
                    interval '15 minutes') t""").update();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
