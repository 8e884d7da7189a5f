package no.kraft.cis.delivery.document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly making of the documents of issued invoices (after the billing run): for every invoice without a stored
 * PDF, its PDF and — when it is due, for an organisation in the Peppol list that takes invoices — its EHF, validated,
 * stored once in {@code invoice_document} as {@link DocumentStore} would on first ask, so a send later only reads them.
 *
 * <p>How, for 100 000 invoices a night (issue 19: ≥ 200 documents/s): the invoices are taken in chunks by id (keyset,
 * never all ids at once) by a few workers side by side — more than the cores, so one's database reads and writes overlap
 * the others' rendering — each gathering, rendering and then storing its chunk's documents in one transaction with one
 * batched insert (not one transaction per document). A document that cannot be made (an EHF breaking a rule) is left
 * out and counted; its invoice's delivery meets the same refusal when it sends and falls back. Memory holds only the
 * chunks in hand. What is the same for every invoice (tariff elements, products, compensation rules) is read once a
 * round ({@link InvoiceDocuments#batch()}).
 */
public class DocumentProduction {

    /** What a round made: invoices looked at, documents stored, those that could not be made (first few named). */
    public record Result(int invoices, int pdfs, int ehfs, int failed, List<String> failures) {
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentProduction.class);
    private static final int FAILURES_NAMED = 20;

    private final JdbcTemplate jdbc;
    private final InvoiceDocuments documents;
    private final InvoicePdf pdf;
    private final Function<InvoiceDocument, byte[]> ehf;
    private final Predicate<String> ehfDue;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int workers;
    private final int chunk;

    /**
     * @param ehf     the validated EHF of a document (throws when it breaks a rule)
     * @param ehfDue  whether an organisation number takes EHF (in the Peppol list, accepting invoices)
     * @param workers chunks made at once
     * @param chunk   invoices per chunk (one transaction, one batched insert)
     */
    public DocumentProduction(JdbcTemplate jdbc, InvoiceDocuments documents, InvoicePdf pdf, Function<InvoiceDocument, byte[]> ehf,
            Predicate<String> ehfDue, PlatformTransactionManager transactions, Clock clock, int workers, int chunk) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.pdf = pdf;
        this.ehf = ehf;
        this.ehfDue = ehfDue;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.workers = workers;
        this.chunk = chunk;
    }

    /** Makes and stores the documents of every issued invoice that has no PDF yet. */
    public Result produceMissing() {
        return produceMissing(Integer.MAX_VALUE);
    }

    /** As {@link #produceMissing()}, for at most {@code max} invoices (oldest first). */
    public Result produceMissing(int max) {
        Cursor cursor = new Cursor(max);
        InvoiceDocuments.Batch gather = documents.batch();
        AtomicInteger pdfs = new AtomicInteger();
        AtomicInteger ehfs = new AtomicInteger();
        AtomicInteger invoices = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "invoice-documents");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    for (List<Long[]> next = cursor.next(); !next.isEmpty(); next = cursor.next()) {
                        List<Object[]> rows = new ArrayList<>(next.size() + next.size() / 10);
                        for (Long[] invoice : next) {
                            make(gather, invoice[0], invoice[1], rows, pdfs, ehfs, failed, failures);
                        }
                        store(rows);
                        invoices.addAndGet(next.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making invoice documents", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Result result = new Result(invoices.get(), pdfs.get(), ehfs.get(), failed.get(), List.copyOf(failures));
        if (result.invoices() > 0) {
            log.info("invoice documents: {} invoices, {} PDF, {} EHF, {} could not be made {}", result.invoices(), result.pdfs(), result.ehfs(),
                    result.failed(), result.failures());
        }
        return result;
    }

    private void make(InvoiceDocuments.Batch gather, long invoiceId, long invoiceNumber, List<Object[]> rows, AtomicInteger pdfs, AtomicInteger ehfs, AtomicInteger failed,
            List<String> failures) {
        InvoiceDocument d;
        try {
            d = gather.of(invoiceNumber);
            rows.add(row(invoiceId, DocumentStore.Format.PDF, pdf.render(d)));
            pdfs.incrementAndGet();
        } catch (RuntimeException e) {
            failed(invoiceNumber, "PDF", e, failed, failures);
            return;
        }
        String organisation = d.buyer().organisationNumber();
        if (organisation != null && ehfDue.test(organisation)) {
            try {
                rows.add(row(invoiceId, DocumentStore.Format.EHF, ehf.apply(d)));
                ehfs.incrementAndGet();
            } catch (RuntimeException e) {
                failed(invoiceNumber, "EHF", e, failed, failures);
            }
        }
    }

    private static void failed(long invoiceNumber, String format, RuntimeException e, AtomicInteger failed, List<String> failures) {
        if (failed.incrementAndGet() <= FAILURES_NAMED) {
            failures.add(invoiceNumber + " " + format + ": " + e.getMessage());
        }
    }

    private Object[] row(long invoiceId, DocumentStore.Format format, byte[] content) {
        return DocumentStore.row(invoiceId, format, content, clock.instant());
    }

    private void store(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(tx -> jdbc.batchUpdate(DocumentStore.INSERT, rows));
    }

    /** The next chunk of invoices without a PDF, by id after the last handed out: each invoice to one worker. */
    private final class Cursor {

        private final AtomicLong after = new AtomicLong(0);
        private int left;

        Cursor(int max) {
            this.left = max;
        }

        synchronized List<Long[]> next() {
            if (left <= 0) {
                return List.of();
            }
            List<Long[]> ids = jdbc.query("""
                            select i.id, i.invoice_number from invoice i
                            where i.id > ? and not exists (select 1 from invoice_document d where d.invoice_id = i.id and d.format = 'PDF')
                            order by i.id limit ?""",
                    (rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}, after.get(), Math.min(chunk, left));
            if (!ids.isEmpty()) {
                after.set(ids.getLast()[0]);
                left -= ids.size();
            }
            return ids;
        }
    }
}
