package no.kraft.cis.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import no.kraft.cis.rme.RmeReports;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue target: 250 000 metering points → the RME file in ≤ 10 s, streamed with flat memory. Set-up (not measured):
 * metering points and one stored October 2025 settlement each, in SQL (a sixth cabins, a tenth with a partial period).
 * Measured: {@link RmeReports#produce} — stream, validate, write, checksum, archive — and the peak heap sampled every
 * 10 ms while it runs. Run it with a small heap ({@code -Xmx256m}) to see that the file's size does not matter.
 */
final class RmeReportBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2025, 10);

    private RmeReportBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
        try (BenchmarkApp app = BenchmarkApp.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            MeterValueImportBenchmark.registerMeteringPoints(jdbc, points);
            jdbc.sql("update metering_point_characteristics set end_user_group = '36' where metering_point_id % 6 = 0").update();
            jdbc.sql("""
                    insert into settlement (metering_point_id, month, actual_wh, norgespris_actual_wh, norgespris_covered_wh,
                        norgespris_amount, norgespris_net, stromstotte_actual_wh, stromstotte_covered_wh, stromstotte_amount,
                        stromstotte_net, assumed_zero_days, days, fingerprint, norgespris_from, norgespris_periods,
                        created_at, created_by, updated_at, updated_by)
                    select id, date '2025-10-01', 1200000 + id % 1000 * 1000, 1200000 + id % 1000 * 1000,
                        least(1200000 + id % 1000 * 1000, case when id % 6 = 0 then 1000000 else 5000000 end),
                        round((id % 997) * 1.37, 2), round((id % 997) * 1.096, 2), 0, 0, 0, 0, 0, '[]'::jsonb, md5(id::text),
                        case when id % 10 = 0 then date '2025-10-16' else date '2025-10-01' end,
                        case when id % 10 = 0 then '2025-10-16/2025-11-01' else '2025-10-01/2025-11-01' end,
                        now(), 'benchmark', now(), 'benchmark'
                    from metering_point""").update();
            jdbc.sql("vacuum analyze settlement").update();

            RmeReports reports = app.bean(RmeReports.class);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            RmeReports.Produced produced = reports.produce(MONTH, RmeReports.Trigger.API);
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            sampler.join();
            System.out.printf(Locale.ROOT, "RME file for %,d metering points: %,d rows, %,d bytes, in %.2f s; heap before %d MB, peak %d MB "
                            + "(max heap %d MB)%n", points, produced.report().rowCount(),
                    reports.content(produced.report().id()).length, seconds, baseline >> 20, peak.get() >> 20,
                    memory.getHeapMemoryUsage().getMax() >> 20);
            start = System.nanoTime();
            RmeReports.Produced again = reports.produce(MONTH, RmeReports.Trigger.API);
            System.out.printf(Locale.ROOT, "regenerated unchanged in %.2f s: new version = %s, same checksum = %s%n",
                    (System.nanoTime() - start) / 1e9, again.newVersion(), again.report().sha256().equals(produced.report().sha256()));
        }
    }
}
