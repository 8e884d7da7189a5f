package no.kraft.cis.elhub.outbox;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox (utboks) of commands to Elhub: a command is stored in the same transaction as the decision it carries
 * (888 = 0 or 2), so it is never lost, and is delivered later by {@link OutboxRelay}. A delivery attempt is claimed in
 * a short transaction of its own before anything is sent — the claim raises the attempt count and moves the next
 * attempt forward — so a process killed during the call leaves a command that is tried again, and the attempt count
 * tells the relay to look for what the lost call may have created before creating anything.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration deadline;

    public Outbox(JdbcClient jdbc, Clock clock, Duration deadline) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Stores a command in the caller's transaction; it becomes due at once. */
    public long enqueue(Command.Kind kind, String meteringPoint, LocalDate startDate, String contractId, String createdBy) {
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into elhub_command (kind, metering_point, start_date, status, next_attempt_at, deadline_at, created_at, created_by, contract_id)
                values (:kind, :point, :start, 'PENDING', :now, :deadline, :now, :by, :contract) returning id""")
                .param("kind", kind.name()).param("point", meteringPoint).param("start", startDate == null ? null : Date.valueOf(startDate))
                .param("now", Timestamp.from(now)).param("deadline", Timestamp.from(now.plus(deadline)))
                .param("by", createdBy).param("contract", contractId)
                .query(Long.class).single();
    }

    /** Stores the sending of a supply process's message in the caller's transaction; due at once. */
    public long enqueueSupplyProcess(String meteringPoint, java.time.LocalDate startDate, long supplyProcess, String createdBy) {
        return enqueueSupplyProcess(Command.Kind.REQUEST_START_OF_SUPPLY, meteringPoint, startDate, supplyProcess, createdBy);
    }

    /** As {@link #enqueueSupplyProcess(String, java.time.LocalDate, long, String)} for the request or its cancellation. */
    public long enqueueSupplyProcess(Command.Kind kind, String meteringPoint, java.time.LocalDate startDate, long supplyProcess,
            String createdBy) {
        return enqueueMessage(kind, meteringPoint, startDate, supplyProcess, null, null, createdBy);
    }

    /**
     * Stores the sending of a stored EMIF message (a supply process's, or a customer update's) in the caller's
     * transaction, due at {@code notBefore} (now when null: a request held until its send window opens waits in the
     * outbox, and its deadline counts from then).
     */
    public long enqueueMessage(Command.Kind kind, String meteringPoint, java.time.LocalDate date, Long supplyProcess, Long customerUpdate,
            Instant notBefore, String createdBy) {
        Instant now = clock.instant();
        Instant due = notBefore == null || notBefore.isBefore(now) ? now : notBefore;
        return jdbc.sql("""
                insert into elhub_command (kind, metering_point, start_date, status, next_attempt_at, deadline_at, created_at, created_by,
                    supply_process_id, customer_update_id)
                values (:kind, :point, :start, 'PENDING', :due, :deadline, :now, :by, :process, :update) returning id""")
                .param("kind", kind.name()).param("point", meteringPoint).param("start", date == null ? null : Date.valueOf(date))
                .param("due", Timestamp.from(due)).param("now", Timestamp.from(now)).param("deadline", Timestamp.from(due.plus(deadline)))
                .param("by", createdBy).param("process", supplyProcess).param("update", customerUpdate)
                .query(Long.class).single();
    }

    /**
     * Claims the next due command (skipping any another instance holds): one more attempt, next attempt at
     * {@code retryAt}. Call in a transaction of its own.
     *
     * <p>A supply process's commands go in the order they were made: one waits while an earlier command of the same
     * process is pending. A cancellation or rollback is due at once, but its request may be waiting for a retry after
     * a lost answer; sent first, Elhub would refuse it (E47: nothing to cancel) and then take the request.
     */
    public Optional<Command> claimDue(java.util.function.Function<Command, Instant> retryAt) {
        Optional<Command> due = jdbc.sql("""
                select * from elhub_command c where status = 'PENDING' and next_attempt_at <= :now
                and not exists (select 1 from elhub_command earlier where earlier.supply_process_id = c.supply_process_id
                                and earlier.id < c.id and earlier.status = 'PENDING')
                order by next_attempt_at, id limit 1 for update skip locked""")
                .param("now", Timestamp.from(clock.instant())).query(Outbox::command).optional();
        return due.map(c -> jdbc.sql("update elhub_command set attempts = attempts + 1, next_attempt_at = :next where id = :id returning *")
                .param("next", Timestamp.from(retryAt.apply(c))).param("id", c.id()).query(Outbox::command).single());
    }

    /** The command, locked for the caller's transaction. */
    public Command lock(long id) {
        return jdbc.sql("select * from elhub_command where id = :id for update").param("id", id).query(Outbox::command).single();
    }

    public Command get(long id) {
        return jdbc.sql("select * from elhub_command where id = :id").param("id", id).query(Outbox::command).single();
    }

    public Optional<Command> find(long id) {
        return jdbc.sql("select * from elhub_command where id = :id").param("id", id).query(Outbox::command).optional();
    }

    public void finish(long id, Command.Status status, String contractId, String error) {
        jdbc.sql("update elhub_command set status = :status, finished_at = :now, contract_id = coalesce(:contract, contract_id), last_error = :error where id = :id")
                .param("status", status.name()).param("now", Timestamp.from(clock.instant())).param("contract", contractId)
                .param("error", error).param("id", id).update();
    }

    /**
     * Takes back a supply process's command of {@code kind} that was never sent (still pending, no attempt claimed —
     * checked under the row's lock, so the relay can not be sending it now): it is WITHDRAWN. Whether one was.
     */
    public boolean withdrawUnsent(long supplyProcess, Command.Kind kind, String why) {
        return jdbc.sql("""
                        update elhub_command set status = 'WITHDRAWN', finished_at = :now, last_error = :why
                        where id = (select id from elhub_command where supply_process_id = :process and kind = :kind
                                    and status = 'PENDING' and attempts = 0 for update)
                        and status = 'PENDING' and attempts = 0""")
                .param("now", Timestamp.from(clock.instant())).param("why", why).param("process", supplyProcess)
                .param("kind", kind.name()).update() == 1;
    }

    /** Records a failed attempt; the next one was set when it was claimed, unless Elhub asked for a later one. */
    public void failed(long id, String error, Instant notBefore) {
        jdbc.sql("update elhub_command set last_error = :error, next_attempt_at = greatest(next_attempt_at, :notBefore) where id = :id")
                .param("error", error).param("notBefore", Timestamp.from(notBefore)).param("id", id).update();
    }

    /** Puts a command back without counting an attempt (e.g. the circuit breaker held it back). */
    public void postpone(long id, Instant until) {
        jdbc.sql("update elhub_command set attempts = greatest(attempts - 1, 0), next_attempt_at = :until where id = :id")
                .param("until", Timestamp.from(until)).param("id", id).update();
    }

    /** The commands for a metering point, newest first. */
    public List<Command> forMeteringPoint(String meteringPoint) {
        return jdbc.sql("select * from elhub_command where metering_point = :point order by id desc")
                .param("point", meteringPoint).query(Outbox::command).list();
    }

    /** Commands in a status, oldest first. */
    public List<Command> inStatus(Command.Status status, int limit) {
        return jdbc.sql("select * from elhub_command where status = :status order by id limit :limit")
                .param("status", status.name()).param("limit", limit).query(Outbox::command).list();
    }

    /** A Norgespris command waiting for the point (a start-of-supply message does not count). */
    public boolean hasPending(String meteringPoint) {
        return jdbc.sql("""
                        select exists (select 1 from elhub_command where metering_point = :point and status = 'PENDING'
                                       and kind in ('ORDER_NORGESPRIS', 'CANCEL_NORGESPRIS'))""")
                .param("point", meteringPoint).query(Boolean.class).single();
    }

    private static Command command(ResultSet rs, int row) throws SQLException {
        Date start = rs.getDate("start_date");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Command(rs.getLong("id"), Command.Kind.valueOf(rs.getString("kind")), rs.getString("metering_point"),
                start == null ? null : start.toLocalDate(), Command.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("deadline_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), finished == null ? null : finished.toInstant(),
                rs.getString("contract_id"), rs.getString("last_error"), rs.getObject("supply_process_id", Long.class),
                rs.getObject("customer_update_id", Long.class));
    }
}
