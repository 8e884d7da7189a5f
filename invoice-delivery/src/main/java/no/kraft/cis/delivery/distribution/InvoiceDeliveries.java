package no.kraft.cis.delivery.distribution;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.kraft.cis.delivery.document.DocumentStore;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoiceDocuments;
import no.kraft.cis.invoice.Invoices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery of issued invoices: per invoice one delivery with its plan of channels ({@link DeliveryPlan}), and an
 * outbox of sends ({@code invoice_delivery_send}, one per delivery and step). A send is claimed in a transaction of its
 * own, made outside it, and recorded after — a step that is done is never sent again, and a restart sends what was
 * due. A temporary failure (the SMTP server down) is retried with doubling waits until the deadline; a permanent one
 * (the address refused) or the deadline falls back to the plan's next channel; with none left the delivery is FAILED
 * and waits in the delivery work queue. Every step is an event on the delivery.
 */
public class InvoiceDeliveries {

    /** One thing that happened to a delivery. */
    public record Event(Instant at, Channel channel, String kind, String detail) {
    }

    /** An invoice's delivery with its events, oldest first. */
    public record Delivery(long id, long invoiceNumber, List<Channel> plan, int step, String status, List<Event> events) {
    }


    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final InvoiceDocuments documents;
    private final DocumentStore store;
    private final Map<Channel, EmailChannel> email;
    private final Set<Channel> built;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration firstRetry;
    private final Duration deadline;

    /** @param email the e-mail channel, empty when no SMTP server is configured (then e-mail is not in any plan) */
    public InvoiceDeliveries(JdbcClient jdbc, Invoices invoices, InvoiceDocuments documents, DocumentStore store,
            Optional<EmailChannel> email, Clock clock, PlatformTransactionManager transactions, Duration firstRetry, Duration deadline) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.documents = documents;
        this.store = store;
        this.email = email.map(e -> Map.of(Channel.EMAIL, e)).orElse(Map.of());
        this.built = this.email.keySet();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.firstRetry = firstRetry;
        this.deadline = deadline;
    }

    /** Starts the invoice's delivery (once: asking again returns the one there is). */
    public Delivery start(long invoiceNumber) {
        long invoiceId = invoices.byNumber(invoiceNumber).id();
        InvoiceDocument d = documents.of(invoiceNumber);
        List<Channel> plan = DeliveryPlan.of(d.buyer(), built);
        transaction.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            Long id = jdbc.sql("""
                            insert into invoice_delivery (invoice_id, plan, status, created_at, updated_at)
                            values (:invoice, :plan, :status, :now, :now) on conflict (invoice_id) do nothing returning id""")
                    .param("invoice", invoiceId).param("plan", plan.stream().map(Enum::name).toArray(String[]::new))
                    .param("status", plan.isEmpty() ? "FAILED" : "PENDING").param("now", Timestamp.from(now))
                    .query(Long.class).optional().orElse(null);
            if (id == null) {
                return;   // started before
            }
            if (plan.isEmpty()) {
                event(id, Channel.PAPER, "NO_CHANNEL", "no channel built yet reaches this customer (built: " + built
                        + "; e-mail needs an address): the delivery work queue");
                return;
            }
            queue(id, 0, plan.getFirst(), now);
        });
        return get(invoiceNumber).orElseThrow();
    }

    /** Starts the deliveries of issued invoices that have none yet, oldest first, at most {@code max}; how many. */
    public int startNew(int max) {
        List<Long> numbers = jdbc.sql("""
                        select i.invoice_number from invoice i where not exists (select 1 from invoice_delivery d where d.invoice_id = i.id)
                        order by i.id limit :max""")
                .param("max", max).query(Long.class).list();
        numbers.forEach(this::start);
        return numbers.size();
    }

    public Optional<Delivery> get(long invoiceNumber) {
        return jdbc.sql("""
                        select d.*, i.invoice_number from invoice_delivery d join invoice i on i.id = d.invoice_id
                        where i.invoice_number = :number""")
                .param("number", invoiceNumber).query(this::delivery).optional();
    }

    /** The delivery work queue: deliveries that reached no channel, newest first. */
    public List<Delivery> failed(int limit) {
        return jdbc.sql("""
                        select d.*, i.invoice_number from invoice_delivery d join invoice i on i.id = d.invoice_id
                        where d.status = 'FAILED' order by d.updated_at desc limit :limit""")
                .param("limit", limit).query(this::delivery).list();
    }

    /** Makes the due sends, at most {@code max}; how many were attempted. */
    public int deliverDue(int max) {
        int attempted = 0;
        while (attempted < max) {
            Optional<Send> claimed = transaction.execute(tx -> claim());
            if (claimed == null || claimed.isEmpty()) {
                break;
            }
            attempted++;
            attempt(claimed.get());
        }
        return attempted;
    }

    private record Send(long id, long deliveryId, int step, Channel channel, int attempts, Instant deadlineAt, String messageId,
            long invoiceNumber) {
    }

    private Optional<Send> claim() {
        Instant now = clock.instant();
        Optional<Send> due = jdbc.sql("""
                        select s.*, i.invoice_number from invoice_delivery_send s join invoice_delivery d on d.id = s.delivery_id
                        join invoice i on i.id = d.invoice_id
                        where s.status = 'PENDING' and s.next_attempt_at <= :now order by s.next_attempt_at, s.id limit 1
                        for update of s skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Send(rs.getLong("id"), rs.getLong("delivery_id"), rs.getInt("step"), Channel.valueOf(rs.getString("channel")),
                        rs.getInt("attempts"), rs.getTimestamp("deadline_at").toInstant(), rs.getString("message_id"),
                        rs.getLong("invoice_number")))
                .optional();
        due.ifPresent(s -> {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(s.attempts(), 10));
            jdbc.sql("update invoice_delivery_send set attempts = attempts + 1, next_attempt_at = :next where id = :id")
                    .param("next", Timestamp.from(now.plus(wait))).param("id", s.id()).update();
        });
        return due;
    }

    private void attempt(Send s) {
        try {
            InvoiceDocument d = documents.of(s.invoiceNumber());
            byte[] pdf = store.pdf(s.invoiceNumber());
            switch (s.channel()) {
                case EMAIL -> email.get(Channel.EMAIL).send(d, pdf, s.messageId());
                default -> throw new IllegalStateException(s.channel() + " is not built yet");
            }
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("update invoice_delivery_send set status = 'DONE', last_error = null where id = :id").param("id", s.id()).update();
                status(s.deliveryId(), "SENT");
                event(s.deliveryId(), s.channel(), "SENT", s.channel() == Channel.EMAIL ? "to " + d.buyer().email() + ", Message-ID <"
                        + s.messageId() + ">" : null);
            });
        } catch (MailParseException | MailAuthenticationException | IllegalArgumentException permanent) {
            fallBack(s, permanent);
        } catch (MailSendException e) {
            // the server refused the recipient (5xx on RCPT) — permanent; anything else (no connection) is retried
            boolean refused = e.getFailedMessages().values().stream().anyMatch(x -> x instanceof jakarta.mail.SendFailedException);
            if (refused) {
                fallBack(s, e);
            } else {
                retryOrFallBack(s, e);
            }
        } catch (RuntimeException e) {
            retryOrFallBack(s, e);
        }
    }

    private void retryOrFallBack(Send s, Exception e) {
        if (!clock.instant().isBefore(s.deadlineAt())) {
            fallBack(s, e);
            return;
        }
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update invoice_delivery_send set last_error = :error where id = :id").param("error", reason(e)).param("id", s.id())
                    .update();
            event(s.deliveryId(), s.channel(), "RETRY", "attempt " + (s.attempts() + 1) + " failed: " + reason(e));
        });
    }

    /** This channel will not do: the plan's next one, or FAILED when none is left. */
    private void fallBack(Send s, Exception e) {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update invoice_delivery_send set status = 'FAILED', last_error = :error where id = :id")
                    .param("error", reason(e)).param("id", s.id()).update();
            event(s.deliveryId(), s.channel(), "FAILED", reason(e));
            List<Channel> plan = jdbc.sql("select plan from invoice_delivery where id = :id").param("id", s.deliveryId())
                    .query((rs, row) -> channels(rs.getArray("plan"))).single();
            if (s.step() + 1 < plan.size()) {
                Channel next = plan.get(s.step() + 1);
                jdbc.sql("update invoice_delivery set step = :step, updated_at = :now where id = :id").param("step", s.step() + 1)
                        .param("now", Timestamp.from(clock.instant())).param("id", s.deliveryId()).update();
                event(s.deliveryId(), next, "FALLBACK", s.channel() + " failed: " + next + " next");
                queue(s.deliveryId(), s.step() + 1, next, clock.instant());
            } else {
                status(s.deliveryId(), "FAILED");
                event(s.deliveryId(), s.channel(), "NO_CHANNEL", "every channel of the plan failed: the delivery work queue");
            }
        });
    }

    private void queue(long deliveryId, int step, Channel channel, Instant now) {
        jdbc.sql("""
                        insert into invoice_delivery_send (delivery_id, step, channel, status, next_attempt_at, deadline_at, message_id)
                        values (:delivery, :step, :channel, 'PENDING', :now, :deadline, :message) on conflict (delivery_id, step) do nothing""")
                .param("delivery", deliveryId).param("step", step).param("channel", channel.name()).param("now", Timestamp.from(now))
                .param("deadline", Timestamp.from(now.plus(deadline))).param("message", UUID.randomUUID() + "@invoice.kraft-cis")
                .update();
        event(deliveryId, channel, "QUEUED", null);
    }

    private void status(long deliveryId, String status) {
        jdbc.sql("update invoice_delivery set status = :status, updated_at = :now where id = :id").param("status", status)
                .param("now", Timestamp.from(clock.instant())).param("id", deliveryId).update();
    }

    private void event(long deliveryId, Channel channel, String kind, String detail) {
        jdbc.sql("insert into invoice_delivery_event (delivery_id, at, channel, kind, detail) values (:d, :at, :c, :k, :detail)")
                .param("d", deliveryId).param("at", Timestamp.from(clock.instant())).param("c", channel.name()).param("k", kind)
                .param("detail", detail).update();
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Event> events = jdbc.sql("select * from invoice_delivery_event where delivery_id = :id order by id").param("id", id)
                .query((e, n) -> new Event(e.getTimestamp("at").toInstant(), Channel.valueOf(e.getString("channel")), e.getString("kind"),
                        e.getString("detail"))).list();
        return new Delivery(id, rs.getLong("invoice_number"), channels(rs.getArray("plan")), rs.getInt("step"), rs.getString("status"), events);
    }

    private static List<Channel> channels(Array array) throws SQLException {
        List<Channel> plan = new ArrayList<>();
        Arrays.stream((String[]) array.getArray()).forEach(c -> plan.add(Channel.valueOf(c)));
        return plan;
    }

    private static String reason(Exception e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }
}
