package no.kraft.cis.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import no.kraft.cis.customer.OrganisationNumber;
import no.kraft.cis.delivery.document.DocumentProduction;
import no.kraft.cis.price.PriceTables;
import no.kraft.cis.security.LocalTokenIssuer;
import no.kraft.cis.security.Role;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19's target: the documents for 100 000 invoices from a billing run (PDF, and EHF where due) at ≥ 200
 * documents/s with memory flat — through the application's own path, what the nightly job does.
 *
 * <p>Set-up (not measured) as {@code billing-run}: N customers with one metering point each, a month of 15-minute
 * values, the demo's spot product, and the billing run for October 2025 through {@code POST /api/v1/billing-runs}; then
 * every customer gets a postal address and a valid organisation number, and every 20th is put in the Peppol list as
 * taking invoices (its EHF is due). Measured: {@link DocumentProduction#produceMissing()}, the bean the nightly job
 * calls — the invoices read from PostgreSQL, each gathered ({@code InvoiceDocuments}), rendered (PDF/A-2b; the EHF
 * validated with the Peppol rules) and stored in {@code invoice_document}; a tenth of the invoices first as warm-up,
 * apart. Reported: documents/s, CPU per document of the JVM and of PostgreSQL, peak heap and the heap left after
 * collections, with the load average; then a second round, which must make nothing.
 */
final class InvoiceDocumentsBenchmark {

    private InvoiceDocumentsBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BenchmarkApp app = BenchmarkApp.start()) {
            JdbcClient jdbc = app.bean(JdbcClient.class);
            String token = app.bean(LocalTokenIssuer.class).issue("benchmark", Role.BILLING).accessToken();
            long t0 = System.nanoTime();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            SettlementBenchmark.supplyMonth(app, http, token, customers);
            jdbc.sql("""
                    insert into segment_membership (segment_id, metering_point_id, valid_from, created_at, created_by, updated_at, updated_by)
                    select case when value = 1 then 101 else 103 end, metering_point_id, valid_from, now(), 'benchmark', now(), 'benchmark'
                    from metering_point_property where code = 900""").update();
            BillingRunBenchmark.product(app.bean(Tariffs.class), app.bean(PriceTables.class));
            jdbc.sql("vacuum analyze").update();
            JsonNode run = BillingRunBenchmark.bill(http, app.port(), token);
            long peppol = buyers(jdbc, app.bean(JdbcTemplate.class));
            jdbc.sql("vacuum analyze").update();
            long invoices = jdbc.sql("select count(*) from invoice").query(Long.class).single();
            System.out.printf(Locale.ROOT, "set-up: %,d customers, billing run %s (%,d invoices), %,d in the Peppol list, in %.0f s (not measured)%n",
                    customers, run.get("status").asString(), invoices, peppol, (System.nanoTime() - t0) / 1e9);

            DocumentProduction production = app.bean(DocumentProduction.class);
            int warmUp = (int) Math.max(100, invoices / 10);
            long w0 = System.nanoTime();
            DocumentProduction.Result warm = production.produceMissing(warmUp);
            System.out.printf(Locale.ROOT, "warm-up: %,d invoices, %,d PDF + %,d EHF in %.1f s, %d could not be made %s%n", warm.invoices(),
                    warm.pdfs(), warm.ehfs(), (System.nanoTime() - w0) / 1e9, warm.failed(), warm.failures());

            CustomerLookupBenchmark.Resources resources = new CustomerLookupBenchmark.Resources(app.work().resolve("postgres"));
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(m -> m.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong liveMax = new AtomicLong();
            Thread watch = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    // what a collection left: the live set, which is what "memory flat" is about
                    long live = heap.stream().mapToLong(m -> m.getCollectionUsage() == null ? 0 : m.getCollectionUsage().getUsed()).sum();
                    liveMax.accumulateAndGet(live, Math::max);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            CustomerLookupBenchmark.Resources.Snapshot before = resources.snapshot();
            long m0 = System.nanoTime();
            DocumentProduction.Result result = production.produceMissing();
            double seconds = (System.nanoTime() - m0) / 1e9;
            CustomerLookupBenchmark.Resources.Snapshot after = resources.snapshot();
            watch.interrupt();
            long peak = heap.stream().mapToLong(m -> m.getPeakUsage().getUsed()).sum();
            long documents = result.pdfs() + result.ehfs();
            System.out.printf(Locale.ROOT, "measured: %,d invoices, %,d PDF + %,d EHF = %,d documents in %.1f s = %,.0f documents/s "
                            + "(%,.0f invoices/s); %d could not be made %s; 100 000 invoices would take %.0f s%n", result.invoices(), result.pdfs(),
                    result.ehfs(), documents, seconds, documents / seconds, result.invoices() / seconds, result.failed(), result.failures(),
                    100_000 / (result.invoices() / seconds));
            double jvmCpu = (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1e9;
            double postgresCpu = (after.postgresTicks() - before.postgresTicks()) / 100.0;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "CPU: application JVM %.1f s = %.2f ms per document (GC and JIT included), PostgreSQL %.1f s = %.2f ms "
                            + "per document; together at most %,.0f documents/s on %d cores if CPU were the only limit; load average %s%n", jvmCpu,
                    1000 * jvmCpu / documents, postgresCpu, 1000 * postgresCpu / documents, documents * cores / (jvmCpu + postgresCpu), cores,
                    CustomerLookupBenchmark.loadAverage());
            System.out.printf(Locale.ROOT, "heap: peak %,d MB (sum of the pools' peaks), most left after a collection %,d MB, max %,d MB%n",
                    peak >> 20, liveMax.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            String stored = jdbc.sql("""
                    select count(*) filter (where format = 'PDF') || ' PDF, ' || count(*) filter (where format = 'EHF') || ' EHF, '
                        || pg_size_pretty(sum(length(content))) || ' (' || coalesce(sum(length(content)) / nullif(count(*), 0), 0) || ' bytes each)'
                    from invoice_document""").query(String.class).single();
            System.out.println("stored: " + stored);
            long a0 = System.nanoTime();
            DocumentProduction.Result again = production.produceMissing();
            System.out.printf(Locale.ROOT, "again: %,d invoices (must be 0) in %.2f s%n", again.invoices(), (System.nanoTime() - a0) / 1e9);
            System.out.println(documents / seconds >= 200 ? "PASS: ≥ 200 documents/s" : "FAIL: < 200 documents/s");
        }
    }

    /**
     * Every customer a postal address and a valid organisation number (the set-up's are not all MOD11-valid, and the
     * documents read the customer as the domain has it); every 20th in the Peppol list, taking invoices. How many.
     */
    private static long buyers(JdbcClient jdbc, JdbcTemplate template) {
        List<Long> ids = jdbc.sql("select id from customer order by id").query(Long.class).list();
        List<Object[]> numbers = new ArrayList<>();
        List<Object[]> participants = new ArrayList<>();
        for (long id : ids) {
            String number = organisationNumber(85_000_000 + id);
            if (number == null) {
                number = organisationNumber(95_000_000 + id);
            }
            numbers.add(new Object[] {number, id});
            if (id % 20 == 0) {
                participants.add(new Object[] {number, "0192:" + number, "Benchmark " + id});
            }
        }
        template.batchUpdate("update customer set organisation_number = ?, street = 'Storgata ' || (id % 200 + 1), postcode = '0150', "
                + "city = 'Oslo' where id = ?", numbers);
        long importId = jdbc.sql("""
                insert into peppol_participant_import (source, sha256, participants, imported_at, imported_by)
                values ('benchmark', repeat('0', 64), :n, :now, 'benchmark') returning id""")
                .param("n", participants.size()).param("now", new Timestamp(System.currentTimeMillis())).query(Long.class).single();
        template.batchUpdate("insert into peppol_participant (organisation_number, participant_id, name, accepts_invoice, import_id) "
                + "values (?, ?, ?, true, " + importId + ")", participants);
        return participants.size();
    }

    /** The 9-digit organisation number of 8 digits and their MOD11 check digit, or null when there is none. */
    private static String organisationNumber(long eightDigits) {
        String digits = Long.toString(eightDigits);
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            return null;
        }
        String number = digits + (check == 11 ? 0 : check);
        return new OrganisationNumber(number).value();
    }
}
