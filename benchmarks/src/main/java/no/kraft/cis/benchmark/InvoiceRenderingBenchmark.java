package no.kraft.cis.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.delivery.document.InvoiceTemplate;
import no.kraft.cis.delivery.ehf.EhfDocuments;

/**
 * Issue target: documents for 100 000 invoices (PDF + EHF where due) at ≥ 200 documents/s. What this measures is the
 * rendering, in the JVM alone: N invoice documents of a power invoice's shape (one metering point, spot, markup, fixed
 * fee, Norgespris; "why this amount"), a PDF/A-2b each and, for every 20th (an organisation), an EHF validated with the
 * Peppol rules, on as many threads as there are cores; a warm-up tenth first. Not measured here: gathering each
 * document from the database and storing it: {@code invoice-documents} measures that, the application's own path.
 */
final class InvoiceRenderingBenchmark {

    private InvoiceRenderingBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int threads = Runtime.getRuntime().availableProcessors();
        InvoicePdf pdf = new InvoicePdf(InvoiceTemplate.classpath());
        EhfDocuments ehf = new EhfDocuments();
        int warmUp = Math.max(20, count / 10);
        render(pdf, ehf, 0, warmUp, threads, new AtomicLong(), new AtomicLong());
        AtomicLong pdfs = new AtomicLong();
        AtomicLong ehfs = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long size = render(pdf, ehf, warmUp, count, threads, pdfs, ehfs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        bytes.set(size);
        long documents = pdfs.get() + ehfs.get();
        System.out.printf(Locale.ROOT, "%,d invoices on %d threads after %,d warm-up: %,d PDF + %,d EHF = %,d documents in %.1f s = %,.0f "
                + "documents/s (%,.0f invoices/s); %,d kB of documents; 100 000 invoices would take %.0f s%n", count, threads, warmUp, pdfs.get(),
                ehfs.get(), documents, seconds, documents / seconds, count / seconds, bytes.get() >> 10, 100_000 / (count / seconds));
        // CPU time is what a busy machine distorts least (the wall clock counts other work on the same cores)
        System.out.printf(Locale.ROOT, "CPU: %.1f s = %.2f ms per document (GC and JIT included) = at most %,.0f documents/s on %d cores "
                + "if CPU were the only limit; load average %s%n", cpu, 1000 * cpu / documents, documents * threads / cpu, threads,
                CustomerLookupBenchmark.loadAverage());
        System.out.println(documents / seconds >= 200 ? "rendering alone ≥ 200 documents/s" : "rendering alone < 200 documents/s");
    }

    private static long render(InvoicePdf pdf, EhfDocuments ehf, int from, int to, int threads, AtomicLong pdfs, AtomicLong ehfs)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    long size = 0;
                    for (int i = from + thread; i < to; i += threads) {
                        InvoiceDocument d = document(i);
                        size += pdf.render(d).length;
                        pdfs.incrementAndGet();
                        if (d.buyer().organisationNumber() != null) {
                            size += ehf.render(d).xml().length;
                            ehfs.incrementAndGet();
                        }
                    }
                    return size;
                }));
            }
            long size = 0;
            for (Future<Long> f : parts) {
                size += f.get();
            }
            return size;
        } finally {
            pool.shutdown();
        }
    }

    /** The i-th invoice: consumption and prices vary, amounts worked out to the øre as the billing run does. */
    static InvoiceDocument document(int i) {
        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 11, 1);
        BigDecimal rate = new BigDecimal("0.25");
        BigDecimal kwh = BigDecimal.valueOf(300_000 + (i * 7919L) % 2_500_000, 3);
        BigDecimal spot = BigDecimal.valueOf(400_000 + (i * 104_729L) % 900_000, 6);
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        lines.add(line(1, "SPOT", "Strøm, spotpris", InvoiceDocument.Category.POWER, from, to, kwh, "kWh", spot, rate));
        lines.add(line(2, "PASLAG", "Påslag", InvoiceDocument.Category.POWER, from, to, kwh, "kWh", new BigDecimal("0.049000"), rate));
        lines.add(line(3, "FAST", "Fastbeløp", InvoiceDocument.Category.POWER, from, to, BigDecimal.ONE, "month", new BigDecimal("39.00"), rate));
        lines.add(line(4, "NORGESPRIS", "Norgespris", InvoiceDocument.Category.COMPENSATION, from, to, kwh, "kWh", spot.subtract(
                new BigDecimal("0.400000")).negate(), rate));
        BigDecimal net = lines.stream().map(InvoiceDocument.Line::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = net.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        boolean organisation = i % 20 == 0;
        long customer = 1_000_000 + i;
        var seller = new InvoiceDocument.Seller("Kraft Demo AS", "923609016", "Kraftveien 1", "0150", "Oslo", "15032080119",
                "faktura@kraft.example", "22 00 00 00", "https://kraft.example");
        var buyer = new InvoiceDocument.Buyer(customer, organisation ? "Fjellbygg AS" : "Kari Nordmann", organisation ? "974760673" : null,
                "Storgata " + (i % 90 + 1), "0155", "Oslo", "kunde" + i + "@example.no", "9" + String.format("%07d", i % 10_000_000));
        var explanation = new InvoiceDocument.Explanation("NORGESPRIS", kwh, kwh, new BigDecimal("5000"), spot.subtract(new BigDecimal("0.4"))
                .multiply(new BigDecimal("1.25")).setScale(4, RoundingMode.HALF_UP), lines.get(3).netAmount().negate());
        return new InvoiceDocument(InvoiceDocument.Kind.INVOICE, 7_000_000 + i, null, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 20),
                from, to, no.kraft.cis.invoice.Kid.of(customer, 7_000_000 + i).value(), seller, buyer,
                new InvoiceDocument.Agreement("Spotpris Enkel", "Løpende avtale uten bindingstid", "Endringer varsles 30 dager før.",
                        "Ingen prisgaranti"),
                List.of(new InvoiceDocument.MeteringPointPart(String.format("7070575%011d", i), "Storgata 1, 0155 Oslo", lines, explanation)),
                List.of(new InvoiceDocument.VatRow(rate, net, vat)), net, vat, net.add(vat));
    }

    private static InvoiceDocument.Line line(int n, String code, String text, InvoiceDocument.Category category, LocalDate from, LocalDate to,
            BigDecimal quantity, String unit, BigDecimal price, BigDecimal rate) {
        BigDecimal net = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
        return new InvoiceDocument.Line(n, code, text, category, from, to, quantity, unit, price, net, rate,
                net.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }
}
