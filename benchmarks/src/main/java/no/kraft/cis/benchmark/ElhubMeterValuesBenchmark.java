package no.kraft.cis.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import no.kraft.cis.elhub.inbound.ElhubReceiving;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.standin.EmifPollStandIn;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue target: ≥ 1 000 000 values/s for meter values from Elhub — 10 000 metering points × a month of 15-minute values
 * in {@code NotifyValidatedDataForBillingEnergy} messages, through the poller: signed PollForData over HTTP to the EMIF
 * stand-in, each batch stored (gzip) before AcknowledgePoll, then processed apart (streaming parse, rules, cut into
 * Norwegian days, merge and COPY into meter_value_day). October 2025 (31 days, the 25-hour day: 2 980 values a point).
 * The stand-in runs in the same JVM and makes each message when it serves it; that time is Elhub's, measured and
 * reported apart, and the rate is given both on the wall clock and without it.
 */
final class ElhubMeterValuesBenchmark {

    private static final LocalDate MONTH = LocalDate.of(2025, 10, 1);

    private ElhubMeterValuesBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perMessage = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (BenchmarkApp app = BenchmarkApp.start("--spring.profiles.include=standins", "--cis.stand-ins.port=" + port,
                "--cis.stand-ins.elhub.poll-batch-size=1", "--cis.elhub.polling.max-batches=1000")) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            String[] ids = MeterValueImportBenchmark.registerMeteringPoints(jdbc, points);
            EmifPollStandIn elhub = app.bean(EmifPollStandIn.class);
            ElhubReceiving receiving = app.bean(ElhubReceiving.class);
            int days = MONTH.lengthOfMonth();
            long values = 0;
            for (int d = 0; d < days; d++) {
                values += (long) NorwegianTime.intervals(MONTH.plusDays(d), 15) * points;
            }
            int messages = (points + perMessage - 1) / perMessage;
            AtomicLong elhubNanos = new AtomicLong();
            AtomicLong xmlBytes = new AtomicLong();
            Instant registered = Instant.parse("2025-11-01T06:00:00Z");
            elhub.enqueueGenerated(PollQueue.METERING_VALUES, messages, n -> {
                long t = System.nanoTime();
                StringBuilder series = new StringBuilder(perMessage * days * 8200);
                for (int p = n * perMessage; p < Math.min(points, (n + 1) * perMessage); p++) {
                    for (int d = 0; d < days; d++) {
                        LocalDate day = MONTH.plusDays(d);
                        ZonedDateTime start = day.atStartOfDay(NorwegianTime.ZONE);
                        int[] wh = new int[NorwegianTime.intervals(day, 15)];
                        for (int i = 0; i < wh.length; i++) {
                            wh[i] = 80 + (i * 37 + p * 11 + d * 5) % 420;   // 0.080–0.499 kWh, varying
                        }
                        series.append(EmifPollStandIn.series(ids[p], start, 15, wh, registered));
                    }
                }
                String message = elhub.meterValues(series.toString());
                xmlBytes.addAndGet(message.length());
                elhubNanos.addAndGet(System.nanoTime() - t);
                return message;
            });
            System.out.printf(Locale.ROOT, "%,d metering points × %s (%d days) of 15-minute values = %,d values in %,d messages of %d points%n",
                    points, MONTH.getMonth(), days, values, messages, perMessage);

            long t0 = System.nanoTime();
            int rounds = 0;
            long applied = 0;
            long failed = 0;
            while (elhub.pending(PollQueue.METERING_VALUES) > 0 || rounds == 0) {
                ElhubReceiving.Round round = receiving.run();
                applied += round.processed().applied();
                failed += round.processed().failed();
                rounds++;
                if (!round.unanswered().isEmpty()) {
                    throw new IllegalStateException("Elhub stand-in did not answer: " + round.unanswered());
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double standIn = elhubNanos.get() / 1e9;
            long stored = jdbc.sql("select coalesce(sum(cardinality(quantities_wh)), 0) from meter_value_day").query(Long.class).single();
            long complete = jdbc.sql("select count(*) from meter_value_day where complete").query(Long.class).single();
            long batchBytes = jdbc.sql("select coalesce(sum(length(body_gzip)), 0) from elhub_poll_batch").query(Long.class).single();
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP)
                    .mapToLong(m -> m.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "%d rounds: %,d messages applied, %d failed; %,d values stored in %,d day rows (%,d complete)%n",
                    rounds, applied, failed, stored, stored == 0 ? 0 : jdbc.sql("select count(*) from meter_value_day").query(Long.class).single(),
                    complete);
            System.out.printf(Locale.ROOT, "XML received: %,d MB; stored as gzip: %,d MB%n", xmlBytes.get() >> 20, batchBytes >> 20);
            System.out.printf(Locale.ROOT, "wall clock %.1f s = %,.0f values/s; of that the stand-in making the messages (Elhub's side) "
                    + "%.1f s; ours %.1f s = %,.0f values/s%n", wall, values / wall, standIn, wall - standIn, values / (wall - standIn));
            System.out.printf(Locale.ROOT, "peak heap (sum of pools' peaks) %,d MB, max heap %,d MB%n", peakHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println(values / (wall - standIn) >= 1_000_000 ? "PASS: ≥ 1 000 000 values/s" : "FAIL: < 1 000 000 values/s");
            if (stored != values || failed > 0) {
                throw new IllegalStateException("expected " + values + " values stored, got " + stored + " (" + failed + " failed)");
            }
        }
    }
}
