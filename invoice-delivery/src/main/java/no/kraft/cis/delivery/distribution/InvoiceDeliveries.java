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
    private final Duration openWithin;
    private final PrintBatches paper;
    private Peppol peppol;

    /** EHF through the Peppol access point: who is in Peppol, the EHF itself, and the provider's API. */
    public record Peppol(java.util.function.Predicate<String> participant, no.kraft.cis.delivery.ehf.EhfInvoices ehf,
            no.kraft.cis.delivery.peppol.PeppolAccessPoint accessPoint) {
    }

    /** Adds the EHF channel (when an access point is configured). */
    public void sendEhfWith(Peppol peppol) {
        this.peppol = peppol;
    }

    private no.kraft.cis.delivery.sms.SmsChannel sms;
    private String linkBase;

    /**
     * Adds the SMS channel (when a gateway is configured): the notice links to {@code linkBase/i/<token>}, where the
     * customer opens the invoice PDF.
     */
    public void sendSmsWith(no.kraft.cis.delivery.sms.SmsChannel sms, String linkBase) {
        this.sms = sms;
        this.linkBase = linkBase.replaceAll("/+$", "");
    }

    private Set<Channel> built() {
        Set<Channel> all = new java.util.HashSet<>(built);
        if (peppol != null) {
            all.add(Channel.EHF);
        }
        if (sms != null) {
            all.add(Channel.SMS);
        }
        return all;
    }

    /** @param email the e-mail channel, empty when no SMTP server is configured (then e-mail is not in any plan) */
    public InvoiceDeliveries(JdbcClient jdbc, Invoices invoices, InvoiceDocuments documents, DocumentStore store,
            Optional<EmailChannel> email, PrintBatches paper, Clock clock, PlatformTransactionManager transactions, Duration firstRetry,
            Duration deadline, Duration openWithin) {
        this.paper = paper;
        this.openWithin = openWithin;
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.documents = documents;
        this.store = store;
        this.email = email.map(e -> Map.of(Channel.EMAIL, e)).orElse(Map.of());
        this.built = email.isPresent() ? Set.of(Channel.EMAIL, Channel.PAPER) : Set.of(Channel.PAPER);
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.firstRetry = firstRetry;
        this.deadline = deadline;
    }

    /** Starts the invoice's delivery (once: asking again returns the one there is). */
    public Delivery start(long invoiceNumber) {
        long invoiceId = invoices.byNumber(invoiceNumber).id();
        InvoiceDocument d = documents.of(invoiceNumber);
        boolean inPeppol = peppol != null && d.buyer().organisationNumber() != null
                && peppol.participant().test(d.buyer().organisationNumber());
        List<Channel> plan = DeliveryPlan.of(d.buyer(), inPeppol, built());
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

    /** What the delivery work queue shows: deliveries a person may have to act on, or has. */
    public enum QueueStatus {
        /** no channel of the plan reached the customer */
        FAILED,
        /** the channel in use is failing for now and being retried (until its deadline, then the next channel) */
        WAITING,
        /** closed by a person */
        RESOLVED
    }

    /** The delivery work queue in one status, the most recently changed first. */
    public List<Delivery> queue(QueueStatus status, int limit) {
        String where = switch (status) {
            case FAILED -> "d.status = 'FAILED'";
            case RESOLVED -> "d.status = 'RESOLVED'";
            case WAITING -> """
                    d.status = 'PENDING' and exists (select 1 from invoice_delivery_send s where s.delivery_id = d.id and s.step = d.step
                    and s.status = 'PENDING' and s.last_error is not null)""";
        };
        return jdbc.sql("select d.*, i.invoice_number from invoice_delivery d join invoice i on i.id = d.invoice_id where " + where
                        + " order by d.updated_at desc, d.id desc limit :limit")
                .param("limit", limit).query(this::delivery).list();
    }

    /**
     * A person sends a failed delivery again, after the customer's contact details were put right: a new plan from the
     * customer's channels as they are now, appended to the old one (the steps taken stay as they were and are never sent
     * again), its first channel queued now. 409 {@code delivery.notFailed} for a delivery that has not failed,
     * {@code delivery.noChannel} when the customer still has no channel; nothing changes then.
     */
    public Delivery retry(long invoiceNumber, String actor) {
        long invoiceId = invoices.byNumber(invoiceNumber).id();
        InvoiceDocument d = documents.of(invoiceNumber);
        boolean inPeppol = peppol != null && d.buyer().organisationNumber() != null
                && peppol.participant().test(d.buyer().organisationNumber());
        List<Channel> fresh = DeliveryPlan.of(d.buyer(), inPeppol, built());
        transaction.executeWithoutResult(tx -> {
            var row = lockFailed(invoiceId, invoiceNumber);
            if (fresh.isEmpty()) {
                throw new no.kraft.cis.rule.ConflictException("invoiceNumber", "delivery.noChannel",
                        "the customer still has no channel we can reach (e-mail, mobile or postal address): put the contact details right first");
            }
            List<Channel> plan = new ArrayList<>(row.plan());
            int step = plan.size();
            plan.addAll(fresh);
            jdbc.sql("update invoice_delivery set plan = :plan, step = :step, status = 'PENDING', updated_at = :now where id = :id")
                    .param("plan", plan.stream().map(Enum::name).toArray(String[]::new)).param("step", step)
                    .param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
            event(row.id(), fresh.getFirst(), "RETRIED", actor + ": sent again by " + fresh);
            queue(row.id(), step, fresh.getFirst(), clock.instant());
        });
        return get(invoiceNumber).orElseThrow();
    }

    /**
     * A person closes a failed delivery (the invoice reached the customer another way): RESOLVED, with who and the
     * comment as its event. 409 {@code delivery.notFailed} for a delivery that has not failed.
     */
    public Delivery resolve(long invoiceNumber, String comment, String actor) {
        long invoiceId = invoices.byNumber(invoiceNumber).id();
        transaction.executeWithoutResult(tx -> {
            var row = lockFailed(invoiceId, invoiceNumber);
            status(row.id(), "RESOLVED");
            Channel channel = row.plan().isEmpty() ? Channel.PAPER : row.plan().get(Math.min(row.step(), row.plan().size() - 1));
            event(row.id(), channel, "RESOLVED", actor + ": " + comment);
        });
        return get(invoiceNumber).orElseThrow();
    }

    private record Locked(long id, List<Channel> plan, int step, String status) {
    }

    private Locked lockFailed(long invoiceId, long invoiceNumber) {
        Locked row = jdbc.sql("select id, plan, step, status from invoice_delivery where invoice_id = :invoice for update")
                .param("invoice", invoiceId)
                .query((rs, n) -> new Locked(rs.getLong("id"), channels(rs.getArray("plan")), rs.getInt("step"), rs.getString("status")))
                .optional().orElseThrow(() -> new no.kraft.cis.rule.NotFoundException("delivery of invoice", invoiceNumber));
        if (!"FAILED".equals(row.status())) {
            throw new no.kraft.cis.rule.ConflictException("invoiceNumber", "delivery.notFailed",
                    "the delivery is " + row.status() + ", not FAILED: only a failed delivery is sent again or resolved by hand");
        }
        return row;
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
            long invoiceNumber, long invoiceId) {
    }

    private static Send send(ResultSet rs, int row) throws SQLException {
        return new Send(rs.getLong("id"), rs.getLong("delivery_id"), rs.getInt("step"), Channel.valueOf(rs.getString("channel")),
                rs.getInt("attempts"), rs.getTimestamp("deadline_at").toInstant(), rs.getString("message_id"), rs.getLong("invoice_number"),
                rs.getLong("invoice_id"));
    }

    /**
     * The customer opened the e-mail (its tracking image was fetched): recorded once, and the fallback to the next
     * channel will not come. An unknown token changes nothing.
     */
    public boolean opened(String token) {
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            Optional<Long> delivery = jdbc.sql("""
                            update invoice_delivery_send set opened_at = :now
                            where message_id = :message and channel = 'EMAIL' and status = 'DONE' and opened_at is null returning delivery_id""")
                    .param("now", Timestamp.from(clock.instant())).param("message", token + "@invoice.kraft-cis").query(Long.class).optional();
            delivery.ifPresent(id -> {
                jdbc.sql("update invoice_delivery set status = 'OPENED', updated_at = :now where id = :id and status = 'SENT'")
                        .param("now", Timestamp.from(clock.instant())).param("id", id).update();
                event(id, Channel.EMAIL, "OPENED", null);
            });
            return delivery.isPresent();
        }));
    }

    /**
     * The SMS gateway's delivery report for one of our notices (its {@code refId} is the send's token): delivered is an
     * event; failed for good goes on to the plan's next channel, once. Unknown references and reports still on their
     * way change nothing. Whether it was ours.
     */
    public boolean deliveryReport(no.kraft.cis.delivery.sms.DeliveryReport report) {
        if (report.refId() == null || !report.refId().matches("[0-9a-f-]{36}")) {
            return false;
        }
        Optional<Send> send = jdbc.sql("""
                        select s.*, i.invoice_number, i.id as invoice_id from invoice_delivery_send s
                        join invoice_delivery d on d.id = s.delivery_id join invoice i on i.id = d.invoice_id
                        where s.message_id = :message and s.channel = 'SMS'""")
                .param("message", report.refId() + "@invoice.kraft-cis").query(InvoiceDeliveries::send).optional();
        if (send.isEmpty()) {
            return false;
        }
        Send s = send.get();
        switch (report.status()) {
            case DELIVERED -> transaction.executeWithoutResult(tx -> {
                jdbc.sql("update invoice_delivery set status = 'DELIVERED', updated_at = :now where id = :id and step = :step")
                        .param("now", Timestamp.from(clock.instant())).param("id", s.deliveryId()).param("step", s.step()).update();
                event(s.deliveryId(), Channel.SMS, "DELIVERED", report.operator() == null ? null : "by " + report.operator());
            });
            case FAILED -> next(s, "UNDELIVERED", report.resultCode() + " " + report.description());
            default -> {
                // still on its way: the final report will come
            }
        }
        return true;
    }

    private BounceMailbox bounces;

    /** Reads bounces from this mailbox (when one is configured). */
    public void readBouncesFrom(BounceMailbox mailbox) {
        this.bounces = mailbox;
    }

    /**
     * Applies the bounces waiting in the bounce mailbox: each permanent one goes on to the plan's next channel, once. A
     * mailbox that cannot be read now is tried again next round (logged; the sends go on).
     */
    public int readBounces() {
        if (bounces == null) {
            return 0;
        }
        try {
            return bounces.read(this::bounced);
        } catch (IllegalStateException unreadable) {
            org.slf4j.LoggerFactory.getLogger(InvoiceDeliveries.class).warn("{}; next round", unreadable.getMessage());
            return 0;
        }
    }

    /** One of our e-mails bounced for good (its Message-ID): the next channel; an unknown ID changes nothing. */
    public boolean bounced(BounceMailbox.Bounce bounce) {
        Optional<Send> send = jdbc.sql("""
                        select s.*, i.invoice_number, i.id as invoice_id from invoice_delivery_send s
                        join invoice_delivery d on d.id = s.delivery_id join invoice i on i.id = d.invoice_id
                        where s.message_id = :message and s.channel = 'EMAIL'""")
                .param("message", bounce.messageId()).query(InvoiceDeliveries::send).optional();
        send.ifPresent(s -> next(s, "BOUNCED", bounce.status() + (bounce.diagnostic() == null ? "" : " " + bounce.diagnostic())));
        return send.isPresent();
    }

    /** The invoice a link token opens (an e-mail's or an SMS's), recorded as opened; empty for an unknown token. */
    public Optional<Long> openedByLink(String token) {
        Optional<Send> send = jdbc.sql("""
                        select s.*, i.invoice_number, i.id as invoice_id from invoice_delivery_send s
                        join invoice_delivery d on d.id = s.delivery_id join invoice i on i.id = d.invoice_id
                        where s.message_id = :message and s.status = 'DONE'""")
                .param("message", token + "@invoice.kraft-cis").query(InvoiceDeliveries::send).optional();
        send.ifPresent(s -> transaction.executeWithoutResult(tx -> {
            int first = jdbc.sql("update invoice_delivery_send set opened_at = :now where id = :id and opened_at is null")
                    .param("now", Timestamp.from(clock.instant())).param("id", s.id()).update();
            if (first == 1) {
                jdbc.sql("update invoice_delivery set status = 'OPENED', updated_at = :now where id = :id")
                        .param("now", Timestamp.from(clock.instant())).param("id", s.deliveryId()).update();
                event(s.deliveryId(), s.channel(), "OPENED", "the link was opened");
            }
        }));
        return send.map(Send::invoiceNumber);
    }

    /** E-mails not opened in time: each goes on to the plan's next channel (once). How many did. */
    public int checkUnopened() {
        List<Send> unopened = jdbc.sql("""
                        select s.*, i.invoice_number, i.id as invoice_id from invoice_delivery_send s
                        join invoice_delivery d on d.id = s.delivery_id join invoice i on i.id = d.invoice_id
                        where s.channel = 'EMAIL' and s.status = 'DONE' and s.opened_at is null and s.open_by <= :now and d.step = s.step
                        order by s.id limit 500""")
                .param("now", Timestamp.from(clock.instant())).query(InvoiceDeliveries::send).list();
        unopened.forEach(s -> next(s, "NOT_OPENED", "not opened within " + openWithin));
        return unopened.size();
    }

    private Optional<Send> claim() {
        Instant now = clock.instant();
        Optional<Send> due = jdbc.sql("""
                        select s.*, i.invoice_number, i.id as invoice_id from invoice_delivery_send s
                        join invoice_delivery d on d.id = s.delivery_id join invoice i on i.id = d.invoice_id
                        where s.status = 'PENDING' and s.next_attempt_at <= :now order by s.next_attempt_at, s.id limit 1
                        for update of s skip locked""")
                .param("now", Timestamp.from(now)).query(InvoiceDeliveries::send).optional();
        due.ifPresent(s -> {
            Duration wait = SendAttempts.backoff(firstRetry, s.attempts());
            jdbc.sql("update invoice_delivery_send set attempts = attempts + 1, next_attempt_at = :next where id = :id")
                    .param("next", Timestamp.from(now.plus(wait))).param("id", s.id()).update();
        });
        return due;
    }

    private void attempt(Send s) {
        try {
            InvoiceDocument d = documents.of(s.invoiceNumber());
            byte[] pdf = store.pdf(s.invoiceNumber());
            no.kraft.cis.delivery.peppol.PeppolAccessPoint.Receipt[] receipt = new no.kraft.cis.delivery.peppol.PeppolAccessPoint.Receipt[1];
            String[] gatewayId = new String[1];
            switch (s.channel()) {
                case EMAIL -> email.get(Channel.EMAIL).send(d, pdf, s.messageId());
                case PAPER -> { }   // put on the print batch below, in the same transaction as the send is marked done
                case SMS -> gatewayId[0] = sms.send(d, linkBase + "/i/" + EmailChannel.token(s.messageId()), EmailChannel.token(s.messageId()));
                case EHF -> receipt[0] = peppol.accessPoint().send(d.seller().organisationNumber(), d.buyer().organisationNumber(),
                        d.kind() == InvoiceDocument.Kind.CREDIT_NOTE, peppol.ehf().ehf(s.invoiceNumber()), s.messageId());
                default -> throw new IllegalStateException(s.channel() + " is not built yet");
            }
            transaction.executeWithoutResult(tx -> {
                if (s.channel() == Channel.PAPER) {
                    paper.queue(s.id(), s.deliveryId(), s.invoiceId());
                }
                jdbc.sql("update invoice_delivery_send set status = 'DONE', last_error = null, open_by = :openBy where id = :id")
                        .param("openBy", s.channel() == Channel.EMAIL ? Timestamp.from(clock.instant().plus(openWithin)) : null)
                        .param("id", s.id()).update();
                status(s.deliveryId(), "SENT");
                event(s.deliveryId(), s.channel(), "SENT", switch (s.channel()) {
                    case EMAIL -> "to " + d.buyer().email() + ", Message-ID <" + s.messageId() + ">";
                    case PAPER -> "on the next print batch, to " + d.buyer().street() + ", " + d.buyer().postcode() + " " + d.buyer().city();
                    case SMS -> "to " + d.buyer().mobile() + ", gateway message " + gatewayId[0];
                    case EHF -> "EHF to 0192:" + d.buyer().organisationNumber() + ", transmission " + receipt[0].transmissionId()
                            + ", receipt " + receipt[0].receiptId() + " at " + receipt[0].receivedAt();
                    default -> null;
                });
            });
        } catch (RuntimeException e) {
            // an address refused (5xx on RCPT, the gateway), a receiver not in Peppol, an EHF that breaks the rules (it
            // never leaves): the next channel; anything else (no connection) is retried until the deadline
            if (SendAttempts.permanent(e)) {
                fallBack(s, e);
            } else {
                retryOrFallBack(s, e);
            }
        }
    }

    private void retryOrFallBack(Send s, Exception e) {
        if (!clock.instant().isBefore(s.deadlineAt())) {
            fallBack(s, e);
            return;
        }
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update invoice_delivery_send set last_error = :error where id = :id").param("error", SendAttempts.reason(e)).param("id", s.id())
                    .update();
            event(s.deliveryId(), s.channel(), "RETRY", "attempt " + (s.attempts() + 1) + " failed: " + SendAttempts.reason(e));
        });
    }

    /** This channel will not do: the plan's next one, or FAILED when none is left. */
    private void fallBack(Send s, Exception e) {
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update invoice_delivery_send set status = 'FAILED', last_error = :error where id = :id")
                    .param("error", SendAttempts.reason(e)).param("id", s.id()).update();
        });
        next(s, "FAILED", SendAttempts.reason(e));
    }

    /**
     * On from step {@code s} to the plan's next channel, once: the step moves only from {@code s}'s own, so two
     * reasons at once (a bounce and the open deadline) make one fallback, never two channels by mistake.
     */
    private void next(Send s, String kind, String why) {
        transaction.executeWithoutResult(tx -> {
            List<Channel> plan = jdbc.sql("select plan from invoice_delivery where id = :id for update").param("id", s.deliveryId())
                    .query((rs, row) -> channels(rs.getArray("plan"))).single();
            boolean last = s.step() + 1 >= plan.size();
            int moved = jdbc.sql("update invoice_delivery set step = :next, updated_at = :now where id = :id and step = :step")
                    .param("next", last ? s.step() : s.step() + 1).param("now", Timestamp.from(clock.instant())).param("id", s.deliveryId())
                    .param("step", s.step()).update();
            if (moved == 0) {
                return;
            }
            event(s.deliveryId(), s.channel(), kind, why);
            if (!last) {
                Channel next = plan.get(s.step() + 1);
                event(s.deliveryId(), next, "FALLBACK", s.channel() + " " + kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                        + next + " next");
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

}
