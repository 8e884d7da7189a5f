package no.kraft.cis.consent.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PDFs of an order — our order confirmation, Elhub's authorization document as downloaded and the signed document
 * as uploaded — kept with the order and, from import on, with the customer. Runs in the caller's transaction.
 */
@Component
public class OrderDocuments {

    /** What a stored document is. */
    public enum Kind { ORDER_CONFIRMATION, ELHUB_AUTHORIZATION, SIGNED_AUTHORIZATION }

    /** A stored document without its bytes. */
    public record Stored(long id, long orderId, Long customerId, Kind kind, String fileName, String contentType, String sha256,
            int size, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderDocuments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Stored store(long orderId, Long customerId, Kind kind, String fileName, byte[] pdf) {
        long id = jdbc.sql("""
                insert into order_document (order_id, customer_id, kind, file_name, content_type, sha256, content, created_at)
                values (:order, :customer, :kind, :name, 'application/pdf', :sha, :content, :at) returning id""")
                .param("order", orderId).param("customer", customerId).param("kind", kind.name()).param("name", fileName)
                .param("sha", sha256(pdf)).param("content", pdf).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** Gives the order's documents to the customer it was imported for. */
    public void linkToCustomer(long orderId, long customerId) {
        jdbc.sql("update order_document set customer_id = :c where order_id = :o").param("c", customerId).param("o", orderId).update();
    }

    public List<Stored> ofOrder(long orderId) {
        return jdbc.sql(SELECT + " where order_id = :o order by id").param("o", orderId).query(OrderDocuments::stored).list();
    }

    public List<Stored> ofCustomer(long customerId) {
        return jdbc.sql(SELECT + " where customer_id = :c order by id").param("c", customerId).query(OrderDocuments::stored).list();
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(OrderDocuments::stored).optional();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from order_document where id = :id").param("id", id).query(byte[].class).single();
    }

    private static final String SELECT = """
            select id, order_id, customer_id, kind, file_name, content_type, sha256, octet_length(content) as size, created_at
            from order_document""";

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long customer = rs.getLong("customer_id");
        return new Stored(rs.getLong("id"), rs.getLong("order_id"), rs.wasNull() ? null : customer, Kind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("content_type"), rs.getString("sha256"), rs.getInt("size"),
                rs.getTimestamp("created_at").toInstant());
    }
}
