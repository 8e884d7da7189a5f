package no.kraft.cis.servicecase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, changes, lists and converses on cases. Every change bumps the version; a stale version is refused. */
@Service
@Transactional
public class ServiceCases {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    ServiceCases(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A page of cases. */
    public record Page(List<ServiceCase> items, int page, int size, long total) {
    }

    public ServiceCase open(NewCase c) {
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        long number = jdbc.sql("""
                        insert into service_case (case_number, customer_id, kind, title, description, status, owner, deadline,
                            flagged, origin, version, created_at, created_by, updated_at, updated_by, invoice_number)
                        values (nextval('service_case_number_seq'), :customer, :kind, :title, :description, 'OPEN', :owner,
                            :deadline, :flagged, :actor, 0, :now, :actor, :now, :actor, :invoice)
                        returning case_number""")
                .param("customer", c.customerId()).param("kind", c.kind().name()).param("title", c.title())
                .param("description", c.description()).param("owner", c.owner()).param("deadline", c.deadline())
                .param("flagged", c.flagged()).param("invoice", c.invoiceNumber()).param("actor", actor).param("now", now)
                .query(Long.class).single();
        return get(number);
    }

    @Transactional(readOnly = true)
    public ServiceCase get(long caseNumber) {
        ServiceCase found = jdbc.sql(SELECT + " where s.case_number = :n").param("n", caseNumber)
                .query((rs, n) -> row(rs, List.of())).optional()
                .orElseThrow(() -> new NotFoundException("case", caseNumber));
        List<ServiceCase.Message> messages = jdbc.sql("""
                        select m.author, m.text, m.created_at from service_case_message m join service_case c on c.id = m.case_id
                        where c.case_number = :n order by m.id""")
                .param("n", caseNumber)
                .query((rs, n) -> new ServiceCase.Message(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
        return withMessages(found, messages);
    }

    public ServiceCase change(long caseNumber, CaseUpdate update) {
        ServiceCase current = lock(caseNumber);
        if (update.expectedVersion() != null && update.expectedVersion() != current.version()) {
            throw ConflictException.staleVersion("case " + caseNumber, update.expectedVersion(), current.version());
        }
        jdbc.sql("""
                        update service_case set status = :status, owner = :owner, deadline = :deadline, flagged = :flagged,
                            version = version + 1, updated_at = :now, updated_by = :actor
                        where case_number = :n""")
                .param("status", (update.status() == null ? current.status() : update.status()).name())
                .param("owner", update.owner() == null ? current.owner() : update.owner().orElse(null))
                .param("deadline", update.deadline() == null ? current.deadline() : update.deadline().orElse(null))
                .param("flagged", update.flagged() == null ? current.flagged() : update.flagged())
                .param("now", Timestamp.from(audit.now())).param("actor", audit.actor()).param("n", caseNumber).update();
        return get(caseNumber);
    }

    /** Adds a message to the dialogue; a closed case takes no more messages (reopen it first). */
    public ServiceCase addMessage(long caseNumber, String text) {
        ServiceCase current = lock(caseNumber);
        if (current.status() == ServiceCase.Status.CLOSED) {
            throw new ConflictException("status", "case.closed", "case " + caseNumber + " is closed; reopen it to add a message");
        }
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        jdbc.sql("""
                        insert into service_case_message (case_id, author, text, created_at, created_by, updated_at, updated_by)
                        select id, :actor, :text, :now, :actor, :now, :actor from service_case where case_number = :n""")
                .param("actor", actor).param("text", text).param("now", now).param("n", caseNumber).update();
        jdbc.sql("update service_case set version = version + 1, updated_at = :now, updated_by = :actor where case_number = :n")
                .param("now", now).param("actor", actor).param("n", caseNumber).update();
        return get(caseNumber);
    }

    /** Cases by the filter, the nearest deadline first (no deadline last), then the oldest. Messages are not included. */
    @Transactional(readOnly = true)
    public Page list(CaseFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.owner() != null) {
            where.add("s.owner = :owner");
            params.put("owner", filter.owner());
        }
        if (filter.status() != null) {
            where.add("s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.open()) {
            where.add("s.status <> 'CLOSED'");
        }
        if (filter.flagged() != null) {
            where.add("s.flagged = :flagged");
            params.put("flagged", filter.flagged());
        }
        if (filter.customerId() != null) {
            where.add("s.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.origin() != null) {
            where.add("s.origin = :origin");
            params.put("origin", filter.origin());
        }
        if (filter.kind() != null) {
            where.add("s.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from service_case s" + condition).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ServiceCase> items = jdbc.sql(SELECT + condition + " order by s.deadline nulls last, s.case_number limit :limit offset :offset")
                .params(params).query((rs, n) -> row(rs, List.of())).list();
        return new Page(items, page, size, total);
    }

    private ServiceCase lock(long caseNumber) {
        return jdbc.sql(SELECT + " where s.case_number = :n for update of s").param("n", caseNumber)
                .query((rs, n) -> row(rs, List.of())).optional()
                .orElseThrow(() -> new NotFoundException("case", caseNumber));
    }

    private static final String SELECT = """
            select s.case_number, s.customer_id, c.customer_number, s.kind, s.title, s.description, s.status, s.owner, s.deadline,
                   s.flagged, s.origin, s.version, s.created_at, s.invoice_number
            from service_case s left join customer c on c.id = s.customer_id""";

    private static ServiceCase row(ResultSet rs, List<ServiceCase.Message> messages) throws SQLException {
        return new ServiceCase(rs.getLong("case_number"), rs.getObject("customer_id", Long.class),
                rs.getObject("customer_number", Long.class),
                ServiceCase.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                ServiceCase.Status.valueOf(rs.getString("status")), rs.getString("owner"), rs.getObject("deadline", LocalDate.class),
                rs.getBoolean("flagged"), rs.getString("origin"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
                messages, rs.getObject("invoice_number", Long.class));
    }

    private static ServiceCase withMessages(ServiceCase c, List<ServiceCase.Message> messages) {
        return new ServiceCase(c.caseNumber(), c.customerId(), c.customerNumber(), c.kind(), c.title(), c.description(), c.status(), c.owner(),
                c.deadline(), c.flagged(), c.origin(), c.version(), c.openedAt(), List.copyOf(messages), c.invoiceNumber());
    }
}
