package no.kraft.cis.elhub.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supply processes we run in Elhub — starts (BRS-NO-101 to 104) and ends (201, 202) — each with the message we sent
 * and what Elhub answered. One process per metering point is open at a time (until it is closed).
 */
public class SupplyProcesses {

    /**
     * Where a process stands: REQUESTED (stored) → SENT (Elhub took it) → CONFIRMED → NOTIFIED (a start, after the
     * cancellation deadline); an end closes when CONFIRMED. Or REJECTED / FAILED; CANCELLING → CANCELLED before the
     * deadline; ROLLING_BACK → ROLLED_BACK after it (BRS-NO-111, a notified start; BRS-NO-221, a confirmed end).
     */
    public enum Status { REQUESTED, SENT, CONFIRMED, REJECTED, NOTIFIED, FAILED, CANCELLING, CANCELLED, ROLLING_BACK, ROLLED_BACK }

    /**
     * A process, without its message (which holds the end user's identity).
     *
     * @param startDate the process's date: the first day ours (a start) or the first day no longer ours (an end)
     * @param sendFrom a request held until its send window opens (an end of supply asked early), or null
     */
    public record Process(long id, ProcessKind kind, String brs, String meteringPointId, LocalDate startDate, String requestId, Status status,
            String reasonCode, String reason, Instant requestedAt, String requestedBy, Instant sentAt, Instant confirmedAt, Instant notifiedAt,
            LocalDate sendFrom, Instant closedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public SupplyProcesses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(ProcessKind kind, String meteringPointId, LocalDate date, String requestId, String message, LocalDate sendFrom, String by) {
        return jdbc.sql("""
                        insert into elhub_supply_process (kind, brs, metering_point, start_date, request_id, message, status, requested_at,
                            requested_by, send_from)
                        values (:kind, :brs, :point, :start, cast(:request as uuid), :message, 'REQUESTED', :now, :by, :sendFrom) returning id""")
                .param("kind", kind.name()).param("brs", kind.brs()).param("point", meteringPointId).param("start", date)
                .param("request", requestId).param("message", message).param("now", Timestamp.from(clock.instant())).param("by", by)
                .param("sendFrom", sendFrom).query(Long.class).single();
    }

    public Process get(long id) {
        return jdbc.sql("select * from elhub_supply_process where id = :id").param("id", id).query(SupplyProcesses::process).optional()
                .orElseThrow(() -> new NotFoundException("supply process", id));
    }

    public String message(long id) {
        return jdbc.sql("select message from elhub_supply_process where id = :id").param("id", id).query(String.class).single();
    }

    public Optional<Process> byRequest(String requestId) {
        if (!no.kraft.cis.elhub.inbound.PollBatches.isUuid(requestId)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from elhub_supply_process where request_id = cast(:id as uuid)").param("id", requestId)
                .query(SupplyProcesses::process).optional();
    }

    /** The process whose cancellation has this Identification. */
    public Optional<Process> byCancelRequest(String requestId) {
        if (!no.kraft.cis.elhub.inbound.PollBatches.isUuid(requestId)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from elhub_supply_process where cancel_request_id = cast(:id as uuid)").param("id", requestId)
                .query(SupplyProcesses::process).optional();
    }

    /** The process whose rollback has this Identification. */
    public Optional<Process> byRollbackRequest(String requestId) {
        if (!no.kraft.cis.elhub.inbound.PollBatches.isUuid(requestId)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from elhub_supply_process where rollback_request_id = cast(:id as uuid)").param("id", requestId)
                .query(SupplyProcesses::process).optional();
    }

    public String rollbackMessage(long id) {
        return jdbc.sql("select rollback_message from elhub_supply_process where id = :id").param("id", id).query(String.class).single();
    }

    /** Stores the rollback of a confirmed end (BRS-NO-221); it is open again (ROLLING_BACK) until Elhub answers. */
    boolean rollingBackEnd(long id, String rollbackRequestId, String message) {
        return jdbc.sql("""
                        update elhub_supply_process set status = 'ROLLING_BACK', rollback_request_id = cast(:request as uuid),
                            rollback_message = :message, closed_at = null
                        where id = :id and status = 'CONFIRMED' and kind in ('MOVE_OUT', 'TERMINATION')""")
                .param("request", rollbackRequestId).param("message", message).param("id", id).update() == 1;
    }

    /** Stores the rollback of a notified start; it is open again (ROLLING_BACK) until Elhub answers. */
    boolean rollingBack(long id, String rollbackRequestId, String message) {
        return jdbc.sql("""
                        update elhub_supply_process set status = 'ROLLING_BACK', rollback_request_id = cast(:request as uuid),
                            rollback_message = :message, closed_at = null
                        where id = :id and status = 'NOTIFIED' and kind in ('CHANGE_OF_SUPPLIER', 'MOVE_IN', 'MOVE_IN_BACK_IN_TIME',
                            'FROM_SUPPLIER_OF_LAST_RESORT')""")
                .param("request", rollbackRequestId).param("message", message).param("id", id).update() == 1;
    }

    void rolledBack(long id) {
        jdbc.sql("update elhub_supply_process set status = 'ROLLED_BACK', closed_at = :now where id = :id and status = 'ROLLING_BACK'")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /**
     * Elhub refused the rollback (or it could not be sent): the start stands, notified as before (an end, confirmed as
     * before), with the reason.
     */
    void rollbackRefused(long id, String code, String reason) {
        jdbc.sql("""
                        update elhub_supply_process set status = case when kind in ('MOVE_OUT', 'TERMINATION') then 'CONFIRMED'
                            else 'NOTIFIED' end, closed_at = :now, reason_code = :code, reason = :reason
                        where id = :id and status = 'ROLLING_BACK'""")
                .param("now", Timestamp.from(clock.instant())).param("code", code).param("reason", "rollback refused: " + reason)
                .param("id", id).update();
    }

    public String cancelMessage(long id) {
        return jdbc.sql("select cancel_message from elhub_supply_process where id = :id").param("id", id).query(String.class).single();
    }

    /**
     * Stores the cancellation (made now, with its own Identification); the process is CANCELLING — open again, for a
     * confirmed end — until Elhub answers.
     */
    boolean cancelling(long id, String cancelRequestId, String message) {
        return jdbc.sql("""
                        update elhub_supply_process set status = 'CANCELLING', cancel_request_id = cast(:request as uuid),
                            cancel_message = :message, closed_at = null
                        where id = :id and status in ('REQUESTED', 'SENT', 'CONFIRMED')""")
                .param("request", cancelRequestId).param("message", message).param("id", id).update() == 1;
    }

    /** A request cancelled before it was ever sent (held for its send window): closed here, nothing goes to Elhub. */
    boolean cancelledUnsent(long id) {
        return jdbc.sql("""
                        update elhub_supply_process set status = 'CANCELLED', closed_at = :now, reason = 'cancelled before it was sent'
                        where id = :id and status = 'REQUESTED' and sent_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update() == 1;
    }

    void cancelled(long id) {
        jdbc.sql("update elhub_supply_process set status = 'CANCELLED', closed_at = :now where id = :id and status = 'CANCELLING'")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /**
     * Elhub refused the cancellation (or it could not be sent): the process stands as before, with the reason — a
     * confirmed end closed again.
     */
    void cancellationRefused(long id, String code, String reason) {
        jdbc.sql("""
                        update elhub_supply_process set status = case when sent_at is null then 'REQUESTED'
                            when confirmed_at is null then 'SENT' else 'CONFIRMED' end, reason_code = :code, reason = :reason,
                            closed_at = case when kind in ('MOVE_OUT', 'TERMINATION') and confirmed_at is not null
                                then cast(:now as timestamptz) end
                        where id = :id and status = 'CANCELLING'""")
                .param("code", code).param("reason", "cancellation refused: " + reason).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
    }

    /** The start in progress (sent, confirmed or being cancelled) for a metering point and start date. */
    public Optional<Process> inProgress(String meteringPointId, LocalDate startDate) {
        return jdbc.sql("""
                        select * from elhub_supply_process where metering_point = :point and start_date = :start
                        and status in ('REQUESTED', 'SENT', 'CONFIRMED', 'CANCELLING') and kind not in ('MOVE_OUT', 'TERMINATION')
                        order by id desc limit 1""")
                .param("point", meteringPointId).param("start", startDate).query(SupplyProcesses::process).optional();
    }

    public List<Process> forMeteringPoint(String meteringPointId) {
        return jdbc.sql("select * from elhub_supply_process where metering_point = :point order by id desc").param("point", meteringPointId)
                .query(SupplyProcesses::process).list();
    }

    public List<Process> latest(int limit) {
        return jdbc.sql("select * from elhub_supply_process order by id desc limit :limit").param("limit", limit)
                .query(SupplyProcesses::process).list();
    }

    void sent(long id) {
        jdbc.sql("""
                        update elhub_supply_process set sent_at = coalesce(sent_at, :now),
                            status = case when status = 'REQUESTED' then 'SENT' else status end
                        where id = :id and status in ('REQUESTED', 'CANCELLING')""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /**
     * The answers can overtake each other (a confirmation polled before the send was recorded): from any open state.
     * A confirmed end is closed (nothing more comes to us: Elhub tells the grid company); a start waits for the notice.
     */
    void confirmed(long id) {
        jdbc.sql("""
                        update elhub_supply_process set confirmed_at = coalesce(confirmed_at, :now),
                            status = case when status = 'CANCELLING' then status else 'CONFIRMED' end,
                            closed_at = case when kind in ('MOVE_OUT', 'TERMINATION') then cast(:now as timestamptz) end
                        where id = :id and status in ('REQUESTED', 'SENT', 'CANCELLING')""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    void notified(long id) {
        jdbc.sql("""
                        update elhub_supply_process set status = 'NOTIFIED', notified_at = :now, closed_at = :now,
                            confirmed_at = coalesce(confirmed_at, :now)
                        where id = :id and status in ('REQUESTED', 'SENT', 'CONFIRMED', 'CANCELLING')""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    void closed(long id, Status status, String code, String reason) {
        jdbc.sql("""
                        update elhub_supply_process set status = :status, reason_code = :code, reason = :reason, closed_at = :now
                        where id = :id and status in ('REQUESTED', 'SENT', 'CONFIRMED', 'CANCELLING')""")
                .param("status", status.name()).param("code", code).param("reason", reason).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
    }

    /** A delivery a confirmed end of ours ended, and where it ended before (null: open-ended). */
    public record EndedDelivery(long contractNumber, long deliveryId, LocalDate previousEnd) {
    }

    void ended(long id, EndedDelivery d) {
        jdbc.sql("""
                        insert into elhub_supply_ended_delivery (supply_process_id, contract_number, delivery_id, previous_end)
                        values (:id, :contract, :delivery, :previous) on conflict do nothing""")
                .param("id", id).param("contract", d.contractNumber()).param("delivery", d.deliveryId()).param("previous", d.previousEnd())
                .update();
    }

    /** The deliveries the end ended when Elhub confirmed it. */
    List<EndedDelivery> endedDeliveries(long id) {
        return jdbc.sql("""
                        select contract_number, delivery_id, previous_end from elhub_supply_ended_delivery
                        where supply_process_id = :id order by delivery_id""")
                .param("id", id).query(EndedDelivery.class).list();
    }

    private static Process process(ResultSet rs, int row) throws SQLException {
        return new Process(rs.getLong("id"), ProcessKind.valueOf(rs.getString("kind")), rs.getString("brs"), rs.getString("metering_point"),
                rs.getObject("start_date", LocalDate.class), rs.getString("request_id"), Status.valueOf(rs.getString("status")),
                rs.getString("reason_code"), rs.getString("reason"), instant(rs, "requested_at"), rs.getString("requested_by"),
                instant(rs, "sent_at"), instant(rs, "confirmed_at"), instant(rs, "notified_at"), rs.getObject("send_from", LocalDate.class),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
