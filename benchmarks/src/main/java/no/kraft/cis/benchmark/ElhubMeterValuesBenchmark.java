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
            int days = MONTH.lengthOfMonth();
            long values = 0;
            for (int d = 0; d < days; d++) {
                values += (long) NorwegianTime.intervals(MONTH.plusDays(d), 15) * points;
            }
            int messages = (points + perMessage - 1) / perMessage;
            AtomicLong elhubNanos = new AtomicLong();
            AtomicLong elhubCpuNanos = new AtomicLong();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            AtomicLong xmlBytes = new AtomicLong();
            Instant registered = Instant.parse("2025-11-01T06:00:00Z");
            // the stand-in serves on virtual threads, whose CPU time the JVM does not tell: each message is made on this
            // platform thread instead, so its CPU time can be taken out as Elhub's
            java.util.concurrent.ExecutorService maker = java.util.concurrent.Executors.newSingleThreadExecutor(
                    r -> Thread.ofPlatform().name("stand-in-maker").daemon().unstarted(r));
            elhub.enqueueGenerated(PollQueue.METERING_VALUES, messages, n -> {
                try {
                    return maker.submit(() -> make(elhub, ids, n, points, perMessage, days, registered, xmlBytes, elhubNanos, elhubCpuNanos,
                            threads)).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            });

            System.out.printf(Locale.ROOT, "%,d metering points × %s (%d days) of 15-minute values = %,d values in %,d messages of %d points%n",
                    points, MONTH.getMonth(), days, values, messages, perMessage);

            // warm-up (JIT): the first tenth, receiving then processing, timed apart; then the rest as the scheduler runs it,
            // receiving and processing apart and at the same time (two threads), which is what is measured
            no.kraft.cis.elhub.inbound.Poller poller = app.bean(no.kraft.cis.elhub.inbound.Poller.class);
            no.kraft.cis.elhub.inbound.InboundProcessor processor = app.bean(no.kraft.cis.elhub.inbound.InboundProcessor.class);
            long t0 = System.nanoTime();
            long elhubBefore = elhubNanos.get();
            int warmUp = Math.max(1, messages / 10);
            long receivedBytes = 0;
            for (int i = 0; i < warmUp; i++) {
                receivedBytes += poller.pollOnce(PollQueue.METERING_VALUES);
            }
            double receive = (System.nanoTime() - t0) / 1e9 - (elhubNanos.get() - elhubBefore) / 1e9;
            long t1 = System.nanoTime();
            var first = processor.processStored();
            double process = (System.nanoTime() - t1) / 1e9;
            long warmValues = values * warmUp / messages;
            System.out.printf(Locale.ROOT, "warm-up, %d messages one step after the other: receiving (poll, store gzip, acknowledge; the stand-in's "
                    + "time taken out) %.1f s = %,.0f values/s, %.0f MB/s of XML; processing %.1f s = %,.0f values/s%n", warmUp, receive,
                    warmValues / receive, receivedBytes / 1e6 / receive, process, warmValues / process);

            CustomerLookupBenchmark.Resources resources = new CustomerLookupBenchmark.Resources(app.work().resolve("postgres"));
            CustomerLookupBenchmark.Resources.Snapshot cpuBefore = resources.snapshot();
            long elhubCpuBefore = elhubCpuNanos.get();
            long t2 = System.nanoTime();
            long elhubBeforeRest = elhubNanos.get();
            java.util.concurrent.atomic.AtomicBoolean receiving = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread receiver = Thread.ofPlatform().name("receiver").start(() -> {
                try {
                    while (poller.pollOnce(PollQueue.METERING_VALUES) > 0) {
                        // until the queue is empty
                    }
                } finally {
                    receiving.set(false);
                }
            });
            int rounds = 0;
            long applied = first.applied();
            long failed = first.failed();
            while (true) {
                boolean stillReceiving = receiving.get();
                var round = processor.processStored();
                applied += round.applied();
                failed += round.failed();
                rounds++;
                if (!stillReceiving && round.batches() == 0) {
                    break;
                }
                if (round.batches() == 0) {
                    Thread.sleep(20);
                }
            }
            receiver.join();
            double measured = (System.nanoTime() - t2) / 1e9;
            CustomerLookupBenchmark.Resources.Snapshot cpuAfter = resources.snapshot();
            double standInCpu = (elhubCpuNanos.get() - elhubCpuBefore) / 1e9;
            double standInMeasured = (elhubNanos.get() - elhubBeforeRest) / 1e9;
            long measuredValues = values - warmValues;
            double wall = (System.nanoTime() - t0) / 1e9;
            long stored = jdbc.sql("select coalesce(sum(cardinality(quantities_wh)), 0) from meter_value_day").query(Long.class).single();
            long complete = jdbc.sql("select count(*) from meter_value_day where complete").query(Long.class).single();
            long batchBytes = jdbc.sql("select coalesce(sum(length(body_gzip)), 0) from elhub_poll_batch").query(Long.class).single();
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP)
                    .mapToLong(m -> m.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "%d processing rounds: %,d messages applied, %d failed; %,d values stored in %,d day rows (%,d complete)%n",
                    rounds, applied, failed, stored, stored == 0 ? 0 : jdbc.sql("select count(*) from meter_value_day").query(Long.class).single(),
                    complete);
            System.out.printf(Locale.ROOT, "XML received: %,d MB; stored as gzip: %,d MB%n", xmlBytes.get() >> 20, batchBytes >> 20);
            double ours = measuredValues / (measured - standInMeasured);
            System.out.printf(Locale.ROOT, "measured, %d messages received and processed at once: %.1f s = %,.0f values/s on the wall clock; "
                    + "of that the stand-in making the messages (Elhub's side, on the same 2 cores) %.1f s; without it %.1f s = %,.0f values/s%n",
                    messages - warmUp, measured, measuredValues / measured, standInMeasured, measured - standInMeasured, ours);
            System.out.printf(Locale.ROOT, "all %d messages, warm-up included: %.1f s%n", messages, wall);
            // CPU time is what a busy machine distorts least: the wall clock above counts other work on the same cores
            double jvmCpu = (cpuAfter.jvmCpuNanos() - cpuBefore.jvmCpuNanos()) / 1e9 - standInCpu;
            double postgresCpu = (cpuAfter.postgresTicks() - cpuBefore.postgresTicks()) / 100.0;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "CPU, measured part: application JVM %.1f s without the stand-in's %.1f s (%.0f ns/value, GC and JIT "
                            + "included), PostgreSQL %.1f s (%.0f ns/value); together %.0f ns/value = at most %,.0f values/s on %d cores "
                            + "if CPU were the only limit; load average %s%n", jvmCpu, standInCpu, 1e9 * jvmCpu / measuredValues,
                    postgresCpu, 1e9 * postgresCpu / measuredValues, 1e9 * (jvmCpu + postgresCpu) / measuredValues,
                    measuredValues * cores / (jvmCpu + postgresCpu), cores, CustomerLookupBenchmark.loadAverage());
            System.out.printf(Locale.ROOT, "peak heap (sum of pools' peaks) %,d MB, max heap %,d MB%n", peakHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println(ours >= 1_000_000 ? "PASS: ≥ 1 000 000 values/s (without the stand-in's time)"
                    : "FAIL: < 1 000 000 values/s (without the stand-in's time)");
            if (stored != values || failed > 0) {
                throw new IllegalStateException("expected " + values + " values stored, got " + stored + " (" + failed + " failed)");
            }
        }
    }

    /** One message as Elhub would send it, made in the calling thread, its time and CPU time counted as Elhub's. */
    private static String make(EmifPollStandIn elhub, String[] ids, int n, int points, int perMessage, int days, Instant registered,
            AtomicLong xmlBytes, AtomicLong elhubNanos, AtomicLong elhubCpuNanos, java.lang.management.ThreadMXBean threads) {
        long t = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
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
        elhubCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
        return message;
    }
}
