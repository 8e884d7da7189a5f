package no.kraft.cis.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The claims sent (or on their way) to the agency and the work items they opened, as staff see them. */
public class CollectionClaims {

    /** A claim in the outbox: {@code PENDING} → {@code SENT} (with the agency's case reference), {@code REFUSED} or {@code FAILED}. */
    public record CollectionClaim(long id, long invoiceNumber, String agency, String status, int attempts, Instant nextAttemptAt, Instant deadlineAt,
            Instant sentAt, String agencyReference, String lastError, String payload) {
    }

    public record CollectionWorkItem(long id, long claimId, long invoiceNumber, String kind, String message, String status, String comment,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    public CollectionClaims(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private static final String CLAIMS = """
            select c.id, i.invoice_number, c.agency, c.status, c.attempts, c.next_attempt_at, c.deadline_at, c.sent_at,
                   c.agency_reference, c.last_error, c.payload
            from debt_collection_claim c join invoice i on i.id = c.invoice_id
            """;

    public Optional<CollectionClaim> ofInvoice(long invoiceNumber) {
        return jdbc.sql(CLAIMS + " where i.invoice_number = :number").param("number", invoiceNumber).query(CollectionClaim.class).optional();
    }

    public List<CollectionClaim> list(String status) {
        return jdbc.sql(CLAIMS + " where (cast(:status as varchar) is null or c.status = :status) order by c.id desc limit 200")
                .param("status", status).query(CollectionClaim.class).list();
    }

    public List<CollectionWorkItem> workItems(String status) {
        return jdbc.sql("""
                        select w.id, w.claim_id, i.invoice_number, w.kind, w.message, w.status, w.comment, w.created_at
                        from debt_collection_work_item w join debt_collection_claim c on c.id = w.claim_id join invoice i on i.id = c.invoice_id
                        where (cast(:status as varchar) is null or w.status = :status) order by w.id""")
                .param("status", status).query(CollectionWorkItem.class).list();
    }

    /** Closes a work item with what was done. */
    public CollectionWorkItem resolve(long id, String comment) {
        Timestamp now = Timestamp.from(audit.now());
        int changed = jdbc.sql("""
                        update debt_collection_work_item set status = 'RESOLVED', comment = :comment, version = version + 1,
                            updated_at = :now, updated_by = :actor
                        where id = :id and status = 'OPEN'""")
                .param("comment", comment).param("now", now).param("actor", audit.actor()).param("id", id).update();
        if (changed == 0) {
            boolean exists = jdbc.sql("select count(*) from debt_collection_work_item where id = :id").param("id", id).query(Long.class).single() > 0;
            if (!exists) {
                throw new NotFoundException("work item", id);
            }
            throw new ConflictException("id", "workItem.resolved", "work item " + id + " is already resolved");
        }
        return workItems(null).stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }
}
