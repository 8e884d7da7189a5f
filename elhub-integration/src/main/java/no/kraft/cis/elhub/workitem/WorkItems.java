package no.kraft.cis.elhub.workitem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The exception queue's items: opened by the sync and the outbox relay, closed by staff. Nothing is deleted. */
public class WorkItems {

    private final JdbcClient jdbc;
    private final Clock clock;

    public WorkItems(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens an item in the caller's transaction. */
    public long open(WorkItem.Kind kind, String meteringPoint, Long commandId, String summary, String request, String response) {
        return jdbc.sql("""
                insert into elhub_work_item (kind, metering_point, command_id, summary, request, response, status, created_at)
                values (:kind, :point, :command, :summary, :request, :response, 'OPEN', :now) returning id""")
                .param("kind", kind.name()).param("point", meteringPoint).param("command", commandId).param("summary", summary)
                .param("request", request).param("response", response).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public WorkItem get(long id) {
        return jdbc.sql("select * from elhub_work_item where id = :id").param("id", id).query(WorkItems::item).optional()
                .orElseThrow(() -> new NotFoundException("work item", id));
    }

    /** Items, newest first, optionally only in one status, of one kind and/or for one metering point. */
    public List<WorkItem> list(WorkItem.Status status, WorkItem.Kind kind, String meteringPoint, int limit) {
        return jdbc.sql("""
                select * from elhub_work_item where (cast(:status as text) is null or status = :status)
                and (cast(:kind as text) is null or kind = :kind)
                and (cast(:point as text) is null or metering_point = :point) order by id desc limit :limit""")
                .param("status", status == null ? null : status.name()).param("kind", kind == null ? null : kind.name())
                .param("point", meteringPoint).param("limit", limit)
                .query(WorkItems::item).list();
    }

    /** Closes an open item, locked so two people cannot both act on it. */
    public WorkItem close(long id, WorkItem.Status status, String by, String comment) {
        WorkItem item = jdbc.sql("select * from elhub_work_item where id = :id for update").param("id", id).query(WorkItems::item)
                .optional().orElseThrow(() -> new NotFoundException("work item", id));
        if (item.status() != WorkItem.Status.OPEN) {
            throw new ConflictException("status", "workItem.closed", "work item " + id + " is already " + item.status());
        }
        jdbc.sql("update elhub_work_item set status = :status, closed_at = :now, closed_by = :by, comment = :comment where id = :id")
                .param("status", status.name()).param("now", Timestamp.from(clock.instant())).param("by", by)
                .param("comment", comment).param("id", id).update();
        return get(id);
    }

    /** Opens an item unless one of the same kind and summary is open already (a fault that repeats every round). */
    public void openUnlessOpen(WorkItem.Kind kind, String summary, String response) {
        boolean open = jdbc.sql("select exists (select 1 from elhub_work_item where kind = :kind and summary = :summary and status = 'OPEN')")
                .param("kind", kind.name()).param("summary", summary).query(Boolean.class).single();
        if (!open) {
            open(kind, null, null, summary, null, response);
        }
    }

    /** Closes an open item the system itself has seen to (a failed message applied on a later attempt). */
    public void resolveBySystem(long id, String comment) {
        jdbc.sql("""
                        update elhub_work_item set status = 'RESOLVED', closed_at = :now, closed_by = 'system', comment = :comment
                        where id = :id and status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant())).param("comment", comment).param("id", id).update();
    }

    private static WorkItem item(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        Long command = rs.getObject("command_id", Long.class);
        return new WorkItem(rs.getLong("id"), WorkItem.Kind.valueOf(rs.getString("kind")), rs.getString("metering_point"),
                command, rs.getString("summary"), rs.getString("request"), rs.getString("response"),
                WorkItem.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant(), rs.getString("closed_by"), rs.getString("comment"));
    }
}
