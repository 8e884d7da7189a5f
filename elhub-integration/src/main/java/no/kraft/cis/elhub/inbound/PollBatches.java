package no.kraft.cis.elhub.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored poll batches and the record of each business message applied from them. */
public class PollBatches {

    /** A stored batch waiting to be processed. */
    public record Stored(UUID id, PollQueue queue, Instant receivedAt, long bytes) {
    }

    /** What became of one business message. */
    public enum Outcome { APPLIED, IGNORED, FAILED }

    private final JdbcClient jdbc;
    private final Clock clock;

    public PollBatches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a batch as received (gzip, fastest level: the answer is kept, not archived); one served again is stored
     * once and counted. Commits in the caller's transaction — the acknowledgement must wait for it.
     *
     * @return whether it was new
     */
    public boolean store(UUID id, PollQueue queue, byte[] answer) {
        int inserted = jdbc.sql("""
                        insert into elhub_poll_batch (id, queue, received_at, served, bytes, body_gzip)
                        values (:id, :queue, :now, 1, :bytes, :body)
                        on conflict (id) do update set served = elhub_poll_batch.served + 1
                        returning (xmax = 0)""")
                .param("id", id).param("queue", queue.name()).param("now", Timestamp.from(clock.instant()))
                .param("bytes", (long) answer.length).param("body", gzip(answer))
                .query(Boolean.class).single() ? 1 : 0;
        return inserted == 1;
    }

    public void acknowledged(UUID id) {
        jdbc.sql("update elhub_poll_batch set acknowledged_at = :now where id = :id and acknowledged_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** Batches not yet processed, oldest first. */
    public List<Stored> unprocessed(int limit) {
        return jdbc.sql("""
                        select id, queue, received_at, bytes from elhub_poll_batch where processed_at is null
                        order by received_at, id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), PollQueue.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .list();
    }

    /** The batch's answer, decompressed as it is read. */
    public InputStream body(UUID id) {
        byte[] gz = jdbc.sql("select body_gzip from elhub_poll_batch where id = :id").param("id", id).query(byte[].class).single();
        try {
            return new GZIPInputStream(new java.io.ByteArrayInputStream(gz), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void processed(UUID id, int messages) {
        jdbc.sql("update elhub_poll_batch set processed_at = :now, messages = :messages where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("messages", messages).param("id", id).update();
    }

    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A lowercase canonical UUID, as EMIF identifies messages: anything else is never looked up (PostgreSQL would refuse it). */
    public static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    /** The outcome of a message seen before, if it was. */
    public Optional<Outcome> outcome(String messageId) {
        if (!isUuid(messageId)) {
            return Optional.empty();
        }
        return jdbc.sql("select status from elhub_inbound_message where id = cast(:id as uuid)").param("id", messageId)
                .query(String.class).optional().map(Outcome::valueOf);
    }

    /** Records a message's outcome (in the caller's transaction: with what it applied). */
    public void record(String messageId, UUID batch, int position, String document, String process, Outcome outcome, String detail,
            Long workItem, Instant nextAttempt) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into elhub_inbound_message (id, batch_id, position, document, process, status, detail, attempts,
                            next_attempt_at, work_item_id, received_at, processed_at)
                        values (cast(:id as uuid), :batch, :position, :document, :process, :status, :detail, 1, :next, :item, :now, :now)
                        on conflict (id) do update set status = excluded.status, detail = excluded.detail,
                            attempts = elhub_inbound_message.attempts + 1, next_attempt_at = excluded.next_attempt_at,
                            work_item_id = coalesce(elhub_inbound_message.work_item_id, excluded.work_item_id),
                            processed_at = excluded.processed_at""")
                .param("id", messageId).param("batch", batch).param("position", position).param("document", document)
                .param("process", process).param("status", outcome.name()).param("detail", detail).param("item", workItem)
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt)).param("now", now)
                .update();
    }

    /** A business message as recorded: what it was, what became of it. */
    public record Message(String id, UUID batchId, int position, String document, String process, Outcome status, String detail,
            int attempts, Instant nextAttemptAt, Long workItemId, Instant processedAt) {
    }

    /** Recorded messages, newest first, optionally in one status. */
    public List<Message> messages(Outcome status, int limit) {
        return jdbc.sql("""
                        select cast(id as text) as id, batch_id, position, document, process, status, detail, attempts, next_attempt_at,
                               work_item_id, processed_at
                        from elhub_inbound_message where (cast(:status as text) is null or status = :status)
                        order by processed_at desc, id limit :limit""")
                .param("status", status == null ? null : status.name()).param("limit", limit)
                .query((rs, n) -> new Message(rs.getString("id"), rs.getObject("batch_id", UUID.class), rs.getInt("position"),
                        rs.getString("document"), rs.getString("process"), Outcome.valueOf(rs.getString("status")), rs.getString("detail"),
                        rs.getInt("attempts"), rs.getTimestamp("next_attempt_at") == null ? null : rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getObject("work_item_id", Long.class), rs.getTimestamp("processed_at").toInstant()))
                .list();
    }

    /** Failed messages due to be tried again, oldest due first. */
    public List<InboundProcessor.Due> dueForRetry(Instant now, int maxAttempts) {
        return jdbc.sql("""
                        select id, batch_id, position from elhub_inbound_message
                        where status = 'FAILED' and next_attempt_at <= :now and attempts < :max order by next_attempt_at limit 100""")
                .param("now", Timestamp.from(now)).param("max", maxAttempts)
                .query((rs, n) -> new InboundProcessor.Due(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3))).list();
    }

    /** A message that failed, to be tried again. */
    public Optional<InboundProcessor.Due> failed(String messageId) {
        if (!isUuid(messageId)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, batch_id, position from elhub_inbound_message where id = cast(:id as uuid) and status = 'FAILED'")
                .param("id", messageId)
                .query((rs, n) -> new InboundProcessor.Due(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3))).optional();
    }

    /** The open work item of a message that failed before (to close once it is applied). */
    public Optional<Long> failedBefore(String messageId) {
        if (!isUuid(messageId)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select w.id from elhub_inbound_message m join elhub_work_item w on w.id = m.work_item_id
                        where m.id = cast(:id as uuid) and w.status = 'OPEN'""")
                .param("id", messageId).query(Long.class).optional();
    }

    public int attempts(String messageId) {
        if (!isUuid(messageId)) {
            return 0;
        }
        return jdbc.sql("select attempts from elhub_inbound_message where id = cast(:id as uuid)").param("id", messageId)
                .query(Integer.class).optional().orElse(0);
    }

    public Optional<Long> workItem(String messageId) {
        if (!isUuid(messageId)) {
            return Optional.empty();
        }
        return jdbc.sql("select work_item_id from elhub_inbound_message where id = cast(:id as uuid)").param("id", messageId)
                .query((rs, n) -> rs.getObject(1, Long.class)).optional().filter(java.util.Objects::nonNull);
    }

    /** The message a work item is about, if it is about one. */
    public Optional<String> messageOf(long workItem) {
        return jdbc.sql("select cast(id as text) from elhub_inbound_message where work_item_id = :item order by processed_at desc limit 1")
                .param("item", workItem).query(String.class).optional();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, data.length / 8));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
