package no.kraft.cis.delivery.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.invoice.Invoices;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoice documents, made once and kept as made ({@code invoice_document}; the database refuses changes): asking
 * for an invoice's PDF renders and stores it the first time and returns the stored bytes every time after, so what the
 * customer was sent is what staff see later.
 */
public class DocumentStore {

    public enum Format { PDF, EHF }

    /** A stored document, without its bytes. */
    public record Stored(long id, long invoiceId, long invoiceNumber, Format format, String sha256, int size, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final InvoiceDocuments documents;
    private final InvoicePdf pdf;
    private final Invoices invoices;
    private final Clock clock;

    /**
     * Stores a document once: a second store of the same invoice and format keeps the first (and the table refuses
     * changes). Positional parameters, in the order of {@link #row}; the nightly {@link DocumentProduction} batches it.
     */
    static final String INSERT = """
            insert into invoice_document (invoice_id, format, content, sha256, created_at) values (?, ?, ?, ?, ?)
            on conflict (invoice_id, format) do nothing""";

    /** The parameters of {@link #INSERT} for one document. */
    static Object[] row(long invoiceId, Format format, byte[] content, Instant at) {
        return new Object[] {invoiceId, format.name(), content, sha256(content), Timestamp.from(at)};
    }

    public DocumentStore(JdbcClient jdbc, InvoiceDocuments documents, InvoicePdf pdf, Invoices invoices, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.pdf = pdf;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** The invoice's PDF: stored the first time, the stored one after (two at once store one). */
    public byte[] pdf(long invoiceNumber) {
        return stored(invoiceNumber, Format.PDF, pdf::render);
    }

    /**
     * The invoice's document in {@code format}: the stored one, or made by {@code render} from the invoice's
     * {@link InvoiceDocument} and stored now (a render that throws stores nothing).
     */
    public byte[] stored(long invoiceNumber, Format format, java.util.function.Function<InvoiceDocument, byte[]> render) {
        long invoiceId = invoices.byNumber(invoiceNumber).id();
        return content(invoiceId, format).orElseGet(() -> {
            byte[] rendered = render.apply(documents.of(invoiceNumber));
            jdbc.sql(INSERT).params(row(invoiceId, format, rendered, clock.instant())).update();
            return content(invoiceId, format).orElseThrow();
        });
    }

    public Optional<byte[]> content(long invoiceId, Format format) {
        return jdbc.sql("select content from invoice_document where invoice_id = :invoice and format = :format")
                .param("invoice", invoiceId).param("format", format.name()).query(byte[].class).optional();
    }

    /** The customer's stored invoice documents, newest first. */
    public List<Stored> ofCustomer(long customerId) {
        return jdbc.sql("""
                        select d.id, d.invoice_id, i.invoice_number, d.format, d.sha256, length(d.content) as size, d.created_at
                        from invoice_document d join invoice i on i.id = d.invoice_id
                        where i.customer_id = :customer order by d.id desc""")
                .param("customer", customerId)
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getLong("invoice_id"), rs.getLong("invoice_number"),
                        Format.valueOf(rs.getString("format")), rs.getString("sha256"), rs.getInt("size"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
