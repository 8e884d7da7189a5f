package no.kraft.cis.contactlog;

import java.sql.Timestamp;
import java.util.List;
import no.kraft.cis.audit.AuditStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs contacts and lists a customer's, newest first. */
@Service
@Transactional
public class ContactLog {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    ContactLog(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Contact log(long customerId, Contact.Channel channel, String summary, String transcriptRef) {
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        long id = jdbc.sql("""
                        insert into contact_log (customer_id, channel, summary, transcript_ref, created_at, created_by, updated_at, updated_by)
                        values (:customer, :channel, :summary, :ref, :now, :actor, :now, :actor) returning id""")
                .param("customer", customerId).param("channel", channel.name()).param("summary", summary).param("ref", transcriptRef)
                .param("now", now).param("actor", actor).query(Long.class).single();
        return new Contact(id, customerId, channel, summary, transcriptRef, actor, now.toInstant());
    }

    @Transactional(readOnly = true)
    public List<Contact> of(long customerId, int limit) {
        return jdbc.sql("""
                        select id, customer_id, channel, summary, transcript_ref, created_by, created_at from contact_log
                        where customer_id = :customer order by created_at desc, id desc limit :limit""")
                .param("customer", customerId).param("limit", limit)
                .query((rs, n) -> new Contact(rs.getLong(1), rs.getLong(2), Contact.Channel.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
