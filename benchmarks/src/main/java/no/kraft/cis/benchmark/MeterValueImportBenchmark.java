package no.kraft.cis.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.security.LocalTokenIssuer;
import no.kraft.cis.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue target: ≥ 1 000 000 values/s importing a month of 15-minute values for 10 000 metering points (~30 M values)
 * through the same path as the API upload ({@code POST /api/v1/meter-values}, streamed CSV). Also measures an
 * identical re-import (all days unchanged) and the storage the day-row layout takes compared with a row per value.
 */
final class MeterValueImportBenchmark {

    private static final LocalDate MONTH = LocalDate.of(2025, 10, 1);   // 31 days, with the 25-hour DST day

    private MeterValueImportBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 31;
        try (BenchmarkApp app = BenchmarkApp.start()) {
            Path work = app.work();
            int port = app.port();
            JdbcClient jdbc = app.bean(JdbcClient.class);
            String token = app.bean(LocalTokenIssuer.class).issue("benchmark", Role.BILLING).accessToken();

            long t0 = System.nanoTime();
            String[] ids = registerMeteringPoints(jdbc, points);
            Path file = work.resolve("meter-values.csv");
            long values = writeFile(file, ids, days);
            double prepare = seconds(t0);
            System.out.printf(Locale.ROOT, "prepared %,d metering points and %,d values (%,d MB file) in %.1f s%n",
                    points, values, Files.size(file) >> 20, prepare);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Measured first = upload(http, port, token, file);
            System.out.printf(Locale.ROOT, "first import:   %,d values in %.2f s = %,.0f values/s  %s%n",
                    values, first.seconds, values / first.seconds, first.body);
            Measured second = upload(http, port, token, file);
            System.out.printf(Locale.ROOT, "re-import (all unchanged): %.2f s = %,.0f values/s  %s%n",
                    second.seconds, values / second.seconds, second.body);

            long dayRowBytes = jdbc.sql("""
                    select sum(pg_total_relation_size(relid)) from pg_partition_tree('meter_value_day')""")
                    .query(Long.class).single();
            System.out.printf(Locale.ROOT, "storage, day rows: %,d MB = %.1f bytes per value (table + index)%n",
                    dayRowBytes >> 20, (double) dayRowBytes / values);
            long perValue = rowPerValueBytesPerValue(jdbc);
            System.out.printf(Locale.ROOT, "storage, one row per value (sampled on one day of all points): %.1f bytes per value%n",
                    perValue / 1000.0);
        }
    }

    record Measured(double seconds, String body) {
    }

    static Measured upload(HttpClient http, int port, String token, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/meter-values?source=benchmark"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = seconds(start);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
        return new Measured(seconds, response.body());
    }

    /** Registers the metering points straight in SQL: setting up is not what is measured. */
    static String[] registerMeteringPoints(JdbcClient jdbc, int count) {
        jdbc.sql("""
                insert into grid_owner (gln, name, version, created_at, created_by, updated_at, updated_by)
                values ('7080000000012', 'Benchmark Nett AS', 0, now(), 'benchmark', now(), 'benchmark')""").update();
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            String body = MeteringPointId.NORWEGIAN_PREFIX + String.format("%08d", i + 1);
            for (int d = 0; d <= 9; d++) {
                try {
                    ids[i] = new MeteringPointId(body + d).value();
                    break;
                } catch (RuntimeException wrongCheckDigit) {
                    // try the next digit
                }
            }
        }
        jdbc.sql("""
                insert into metering_point (gsrn, version, created_at, created_by, updated_at, updated_by)
                select unnest(cast(:ids as varchar[])), 0, now(), 'benchmark', now(), 'benchmark'""")
                .param("ids", ids).update();
        jdbc.sql("""
                insert into metering_point_characteristics (metering_point_id, valid_from, price_area, grid_owner_gln, street,
                    postcode, city, municipality_number, end_user_group, resolution, vat_exempt,
                    created_at, created_by, updated_at, updated_by)
                select id, date '2025-01-01', 'NO1', '7080000000012', 'Benchmarkveien 1', '0150', 'Oslo', '0301', '35',
                    'PT15M', false, now(), 'benchmark', now(), 'benchmark'
                from metering_point""").update();
        return ids;
    }

    /** A realistic household curve: a base load with morning and evening peaks, random noise, a few estimated values. */
    static long writeFile(Path file, String[] ids, int days) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        long values = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("metering_point_id,day,resolution,values\n");
            StringBuilder line = new StringBuilder(1024);
            for (String id : ids) {
                for (int d = 0; d < days; d++) {
                    LocalDate day = MONTH.plusDays(d);
                    int quarters = NorwegianTime.intervals(day, 15);
                    line.setLength(0);
                    line.append(id).append(',').append(day).append(",PT15M,");
                    for (int q = 0; q < quarters; q++) {
                        int hour = q / 4;
                        int wh = 120 + (hour >= 6 && hour <= 9 || hour >= 16 && hour <= 21 ? 380 : 60) + random.nextInt(150);
                        if (q > 0) {
                            line.append(' ');
                        }
                        line.append(wh / 1000).append('.').append((char) ('0' + wh / 100 % 10)).append((char) ('0' + wh / 10 % 10))
                                .append((char) ('0' + wh % 10));
                        if (random.nextInt(500) == 0) {
                            line.append('E');
                        }
                    }
                    line.append('\n');
                    out.append(line);
                    values += quarters;
                }
            }
        }
        return values;
    }

    /** Bytes per value (× 1000) of the alternative layout, measured on one day's values of all points. */
    private static long rowPerValueBytesPerValue(JdbcClient jdbc) {
        jdbc.sql("""
                create table value_row_sample (metering_point_id bigint, interval_start timestamptz, quantity_wh integer,
                    quality char(1), primary key (metering_point_id, interval_start))""").update();
        long rows = jdbc.sql("""
                insert into value_row_sample
                select d.metering_point_id, (d.day::timestamp at time zone 'Europe/Oslo') + (v.i - 1) * interval '15 minutes',
                       v.wh, substr(d.qualities, v.i::int, 1)
                from meter_value_day d, unnest(d.quantities_wh) with ordinality as v(wh, i)
                where d.day = date '2025-10-02'""").update();
        long bytes = jdbc.sql("select pg_total_relation_size('value_row_sample')").query(Long.class).single();
        jdbc.sql("drop table value_row_sample").update();
        return bytes * 1000 / Math.max(rows, 1);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
