package no.kraft.cis.delivery.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.kraft.cis.delivery.document.DocumentStore;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoiceDocuments;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper (the print partner): a paper send puts the invoice on the open print batch, and a dunning notice or an
 * instalment plan's confirmation on paper puts its letter there; closing the batch hands its items over as one file —
 * a zip of the stored PDFs ({@code <invoice>.pdf} for an invoice, {@code <invoice>-<purring|inkassovarsel>-<event>.pdf}
 * for a dunning letter, {@code <first invoice>-avdragsavtale-<plan>.pdf} for a plan's confirmation) and {@code
 * manifest.csv} (one line per letter: invoice, customer, name and postal address, SHA-256 of the PDF, what it is, its
 * file in the zip), UTF-8, {@code ;}-separated. The file is made again from the stored documents each time it is
 * fetched, with the batch's time on every entry, so it is the same bytes.
 */
public class PrintBatches {

    /** A closed batch. */
    public record Batch(long id, Instant createdAt, String createdBy, int items) {
    }

    private final JdbcClient jdbc;
    private final DocumentStore store;
    private final InvoiceDocuments documents;
    private final Clock clock;

    public PrintBatches(JdbcClient jdbc, DocumentStore store, InvoiceDocuments documents, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.documents = documents;
        this.clock = clock;
    }

    /** Puts a paper send on the open batch (once per send). */
    void queue(long sendId, long deliveryId, long invoiceId) {
        jdbc.sql("""
                        insert into print_item (send_id, delivery_id, invoice_id, created_at) values (:send, :delivery, :invoice, :now)
                        on conflict (send_id) do nothing""")
                .param("send", sendId).param("delivery", deliveryId).param("invoice", invoiceId).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Puts a dunning notice's paper letter on the open batch (once per notice send); in the caller's transaction, the
     * one that marks the send done with its letter stored.
     */
    public void queueDunningLetter(long dunningSendId, long invoiceId) {
        jdbc.sql("""
                        insert into print_item (dunning_send_id, invoice_id, created_at) values (:send, :invoice, :now)
                        on conflict (dunning_send_id) do nothing""")
                .param("send", dunningSendId).param("invoice", invoiceId).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Puts an instalment plan's confirmation on paper on the open batch (once per letter), in the caller's transaction;
     * {@code invoiceId} is the plan's first invoice, which the manifest names.
     */
    public void queuePlanLetter(long planLetterId, long invoiceId) {
        jdbc.sql("""
                        insert into print_item (plan_letter_id, invoice_id, created_at) values (:letter, :invoice, :now)
                        on conflict (plan_letter_id) do nothing""")
                .param("letter", planLetterId).param("invoice", invoiceId).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Closes the open items into a batch; empty when there were none. */
    @Transactional
    public java.util.Optional<Batch> close(String by) {
        List<Long> open = jdbc.sql("select id from print_item where batch_id is null order by id for update skip locked").query(Long.class).list();
        if (open.isEmpty()) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        long id = jdbc.sql("insert into print_batch (created_at, created_by, items) values (:now, :by, :items) returning id")
                .param("now", Timestamp.from(now)).param("by", by).param("items", open.size()).query(Long.class).single();
        jdbc.sql("update print_item set batch_id = :batch where id in (:ids)").param("batch", id).param("ids", open).update();
        jdbc.sql("""
                        insert into invoice_delivery_event (delivery_id, at, channel, kind, detail)
                        select delivery_id, :now, 'PAPER', 'HANDED_TO_PRINT', 'print batch ' || :batch from print_item
                        where batch_id = :batch and delivery_id is not null""")
                .param("now", Timestamp.from(now)).param("batch", id).update();
        jdbc.sql("""
                        update dunning_notice_send s set handed_to_print_at = :now from print_item p
                        where p.batch_id = :batch and p.dunning_send_id = s.id""")
                .param("now", Timestamp.from(now)).param("batch", id).update();
        jdbc.sql("""
                        update instalment_plan_letter l set handed_to_print_at = :now from print_item p
                        where p.batch_id = :batch and p.plan_letter_id = l.id""")
                .param("now", Timestamp.from(now)).param("batch", id).update();
        return java.util.Optional.of(new Batch(id, now, by, open.size()));
    }

    public List<Batch> list(int limit) {
        return jdbc.sql("select * from print_batch order by id desc limit :limit").param("limit", limit)
                .query((rs, row) -> new Batch(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                        rs.getInt("items"))).list();
    }

    /** The batch's file for the print partner. */
    public byte[] file(long batchId) {
        Batch batch = list(Integer.MAX_VALUE).stream().filter(b -> b.id() == batchId).findFirst()
                .orElseThrow(() -> new NotFoundException("print batch", batchId));
        List<Item> items = jdbc.sql("""
                        select i.invoice_number, p.dunning_send_id, e.id as event_id, e.step, s.document, l.plan_id, l.document as plan_letter
                        from print_item p join invoice i on i.id = p.invoice_id
                        left join dunning_notice_send s on s.id = p.dunning_send_id left join dunning_event e on e.id = s.dunning_event_id
                        left join instalment_plan_letter l on l.id = p.plan_letter_id
                        where p.batch_id = :batch order by p.id""")
                .param("batch", batchId)
                .query((rs, row) -> rs.getObject("plan_id") != null
                        ? new Item(rs.getLong("invoice_number"), "INSTALMENT_PLAN", rs.getLong("invoice_number") + "-avdragsavtale-"
                                + rs.getLong("plan_id") + ".pdf", rs.getBytes("plan_letter"))
                        : rs.getObject("dunning_send_id") == null
                        ? new Item(rs.getLong("invoice_number"), "INVOICE", rs.getLong("invoice_number") + ".pdf", null)
                        : new Item(rs.getLong("invoice_number"), rs.getString("step"),
                                rs.getLong("invoice_number") + "-" + rs.getString("step").toLowerCase(java.util.Locale.ROOT) + "-" + rs.getLong("event_id")
                                        + ".pdf", rs.getBytes("document")))
                .list();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder manifest = new StringBuilder("invoice;customer;name;street;postcode;city;pdf_sha256;kind;file\n");
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Item item : items) {
                long number = item.invoiceNumber();
                byte[] pdf = item.letter() != null ? item.letter() : store.pdf(number);
                InvoiceDocument d = documents.of(number);
                entry(zip, item.file(), pdf, batch.createdAt());
                manifest.append(number).append(';').append(d.buyer().customerNumber()).append(';').append(csv(d.buyer().name())).append(';')
                        .append(csv(d.buyer().street())).append(';').append(csv(d.buyer().postcode())).append(';').append(csv(d.buyer().city()))
                        .append(';').append(sha256(pdf)).append(';').append(item.kind()).append(';').append(item.file()).append('\n');
            }
            entry(zip, "manifest.csv", manifest.toString().getBytes(StandardCharsets.UTF_8), batch.createdAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One letter of a batch: an invoice (its stored PDF) or a dunning notice (its letter as sent). */
    private record Item(long invoiceNumber, String kind, String file, byte[] letter) {
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content, Instant at) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(at.toEpochMilli());
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    private static String csv(String value) {
        return value == null ? "" : value.replace(";", ",").replace("\n", " ");
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
