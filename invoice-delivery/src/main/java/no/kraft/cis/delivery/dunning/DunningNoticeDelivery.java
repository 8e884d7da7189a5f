package no.kraft.cis.delivery.dunning;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.kraft.cis.delivery.distribution.PrintBatches;
import no.kraft.cis.delivery.distribution.SendAttempts;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoiceDocuments;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.delivery.sms.SmsGateway;
import no.kraft.cis.receivables.DunningNotice;
import no.kraft.cis.receivables.DunningNotices;
import no.kraft.cis.receivables.NoticeChannel;
import no.kraft.cis.receivables.NoticeKind;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * cis-core's {@link DunningNotices} over this module's channels, through a durable outbox ({@code dunning_notice_send},
 * one send per dunning event, unique). {@link #queue} runs in the dunning job's chunk transaction and only stores;
 * {@link #sendDue} claims a send in its own transaction ({@code for update skip locked}, the next attempt set with
 * doubling waits), sends outside it and marks it done after, so a committed notice is sent once and a restart sends
 * what was due.
 *
 * <p>Channels. The friendly reminder goes by the invoice's own channel when that was e-mail or SMS, else by e-mail
 * when we have an address, else SMS when we have a mobile number, else not at all (a letter would come after the due
 * date it reminds of). A purring or inkassovarsel is a written notice: an e-mail with the letter as PDF when the invoice
 * went by e-mail or we have an address, otherwise a letter on paper (the PDF stored for the print partner). A written
 * notice whose e-mail is refused for good goes on paper instead, once. A letter on paper is put on the open print batch
 * in the transaction that marks its send done, so it is printed once.
 */
public class DunningNoticeDelivery implements DunningNotices {

    private final JdbcClient jdbc;
    private final InvoiceDocuments documents;
    private final InvoicePdf pdf;
    private final DunningLetters letters;
    private final Optional<JavaMailSender> mail;
    private final String from;
    private final Optional<SmsGateway> sms;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration firstRetry;
    private final Duration deadline;
    private final PrintBatches print;

    public DunningNoticeDelivery(JdbcClient jdbc, InvoiceDocuments documents, InvoicePdf pdf, DunningLetters letters,
            Optional<JavaMailSender> mail, String from, Optional<SmsGateway> sms, PrintBatches print, Clock clock,
            PlatformTransactionManager transactions, Duration firstRetry, Duration deadline) {
        this.print = print;
        this.jdbc = jdbc;
        this.documents = documents;
        this.pdf = pdf;
        this.letters = letters;
        this.mail = mail;
        this.from = from;
        this.sms = sms;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.firstRetry = firstRetry;
        this.deadline = deadline;
    }

    private record Reach(String invoiceChannel, boolean email, boolean mobile, boolean address) {
    }

    @Override
    public Map<Long, NoticeChannel> channels(Map<Long, NoticeKind> kindByInvoice) {
        Map<Long, NoticeChannel> channels = new HashMap<>();
        if (kindByInvoice.isEmpty()) {
            return channels;
        }
        jdbc.sql("""
                        select i.id, d.plan[d.step + 1] as channel, coalesce(c.email, '') <> '' as email, coalesce(c.mobile, '') <> '' as mobile,
                               coalesce(c.street, '') <> '' and coalesce(c.postcode, '') <> '' as address
                        from invoice i join customer c on c.id = i.customer_id left join invoice_delivery d on d.invoice_id = i.id
                        where i.id = any(:ids)""")
                .param("ids", kindByInvoice.keySet().toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    channels.put(id, channel(kindByInvoice.get(id), new Reach(rs.getString("channel"), rs.getBoolean("email"),
                            rs.getBoolean("mobile"), rs.getBoolean("address"))));
                });
        kindByInvoice.keySet().forEach(id -> channels.putIfAbsent(id, NoticeChannel.NONE));
        return channels;
    }

    @Override
    public void queue(List<DunningNotice> notices) {
        List<DunningNotice> toStore = notices.stream().filter(n -> n.channel() != NoticeChannel.NONE).toList();
        if (toStore.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into dunning_notice_send (dunning_event_id, invoice_id, channel, status, next_attempt_at, deadline_at, created_at)
                        select s.event, s.invoice, s.channel, 'PENDING', :now, :deadlineAt, :now
                        from unnest(cast(:events as bigint[]), cast(:invoices as bigint[]), cast(:channels as varchar[])) as s(event, invoice, channel)
                        on conflict (dunning_event_id) do nothing""")
                .param("events", toStore.stream().map(DunningNotice::eventId).toArray(Long[]::new))
                .param("invoices", toStore.stream().map(DunningNotice::invoiceId).toArray(Long[]::new))
                .param("channels", toStore.stream().map(n -> n.channel().name()).toArray(String[]::new))
                .param("now", Timestamp.from(now)).param("deadlineAt", Timestamp.from(now.plus(deadline))).update();
    }

    private NoticeChannel channel(NoticeKind kind, Reach r) {
        boolean email = mail.isPresent() && (r.email() || "EMAIL".equals(r.invoiceChannel()));
        boolean mobile = sms.isPresent() && r.mobile();
        if (kind == NoticeKind.FRIENDLY_REMINDER) {
            if ("SMS".equals(r.invoiceChannel()) && mobile) {
                return NoticeChannel.SMS;
            }
            return email ? NoticeChannel.EMAIL : mobile ? NoticeChannel.SMS : NoticeChannel.NONE;
        }
        return email ? NoticeChannel.EMAIL : r.address() ? NoticeChannel.PAPER : NoticeChannel.NONE;
    }

    private record Send(long id, long eventId, long invoiceId, long invoiceNumber, String channel, int attempts, Instant deadlineAt, String messageId,
            DunningLetters.Notice notice) {
    }

    /** A send with what its notice says: the dunning event's figures and the invoice's KID and due date in force. */
    private static final String SENDS = """
            select s.*, e.step, e.day, e.amount, e.fee, e.deadline, e.interest, e.interest_charged, e.interest_note, i.invoice_number, i.kid,
                   coalesce(pp.new_due_date, i.due_date) as due_date
            from dunning_notice_send s join dunning_event e on e.id = s.dunning_event_id join invoice i on i.id = s.invoice_id
            left join invoice_postponement pp on pp.invoice_id = i.id""";

    private static Send send(ResultSet rs, int row) throws SQLException {
        BigDecimal charged = rs.getBigDecimal("interest_charged");
        BigDecimal toPay = rs.getBigDecimal("amount").add(rs.getBigDecimal("fee")).add(charged);
        long eventId = rs.getLong("dunning_event_id");
        return new Send(rs.getLong("id"), eventId, rs.getLong("invoice_id"), rs.getLong("invoice_number"), rs.getString("channel"),
                rs.getInt("attempts"), rs.getTimestamp("deadline_at").toInstant(), messageId(eventId),
                new DunningLetters.Notice(NoticeKind.valueOf(rs.getString("step")), rs.getLong("invoice_number"),
                        rs.getObject("day", LocalDate.class), rs.getString("kid"), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("fee"), rs.getBigDecimal("interest"), charged.signum() > 0,
                        rs.getString("interest_note"), rs.getObject("deadline", LocalDate.class), toPay));
    }

    /**
     * The notice's Message-ID (and SMS reference): made from the dunning event, so every attempt of the one notice
     * carries the same ID and the receiving side can tell a resend after a lost answer.
     */
    static String messageId(long eventId) {
        return UUID.nameUUIDFromBytes(("dunning-event-" + eventId).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "@dunning.kraft-cis";
    }

    /** Makes the due sends, at most {@code max}; how many were attempted. */
    public int sendDue(int max) {
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

    private Optional<Send> claim() {
        Instant now = clock.instant();
        Optional<Send> due = jdbc.sql(SENDS + """
                         where s.status = 'PENDING' and s.next_attempt_at <= :now
                        order by s.next_attempt_at, s.id limit 1 for update of s skip locked""")
                .param("now", Timestamp.from(now)).query(DunningNoticeDelivery::send).optional();
        due.ifPresent(s -> jdbc.sql("update dunning_notice_send set attempts = attempts + 1, next_attempt_at = :next where id = :id")
                .param("next", Timestamp.from(now.plus(SendAttempts.backoff(firstRetry, s.attempts())))).param("id", s.id())
                .update());
        return due;
    }

    private void attempt(Send s) {
        try {
            InvoiceDocument d = documents.of(s.invoiceNumber());
            DunningLetters.Notice n = s.notice();
            byte[] letter = n.kind() == NoticeKind.FRIENDLY_REMINDER ? null : pdf.renderXhtml(letters.letter(n, d.seller(), d.buyer()));
            switch (s.channel()) {
                case "EMAIL" -> email(s, d, letter);
                case "SMS" -> sms.orElseThrow(() -> new IllegalStateException("no SMS gateway"))
                        .send(s.messageId().substring(0, s.messageId().indexOf('@')), d.buyer().mobile(), DunningLetters.sms(n, d.seller()));
                case "PAPER" -> { }   // the letter is stored below and put on the open print batch
                default -> throw new IllegalStateException(s.channel());
            }
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("""
                                update dunning_notice_send set status = 'DONE', sent_at = :now, last_error = null, document = :doc where id = :id""")
                        .param("now", Timestamp.from(clock.instant())).param("doc", letter).param("id", s.id()).update();
                if ("PAPER".equals(s.channel())) {
                    print.queueDunningLetter(s.id(), s.invoiceId());
                }
            });
        } catch (RuntimeException e) {
            if (SendAttempts.permanent(e)) {
                permanent(s, e);
            } else {
                retry(s, e);
            }
        }
    }

    private void email(Send s, InvoiceDocument d, byte[] letter) {
        JavaMailSender sender = mail.orElseThrow(() -> new IllegalStateException("no SMTP server"));
        MimeMessage message = SendAttempts.mailWithId(sender, s.messageId());
        try {
            MimeMessageHelper m = new MimeMessageHelper(message, letter != null, "UTF-8");
            m.setFrom(from, d.seller().name());
            m.setTo(d.buyer().email());
            m.setSubject(DunningLetters.subject(s.notice(), d.seller()));
            m.setText(DunningLetters.emailText(s.notice(), d.seller(), d.buyer()));
            if (letter != null) {
                String name = (s.notice().kind() == NoticeKind.INKASSOVARSEL ? "inkassovarsel-" : "purring-") + s.invoiceNumber() + ".pdf";
                m.addAttachment(name, new ByteArrayResource(letter), "application/pdf");
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("the dunning e-mail could not be made: " + e.getMessage(), e);
        }
        sender.send(message);
    }

    private void retry(Send s, Exception e) {
        if (!clock.instant().isBefore(s.deadlineAt())) {
            permanent(s, e);
            return;
        }
        transaction.executeWithoutResult(tx -> jdbc.sql("update dunning_notice_send set last_error = :error where id = :id")
                .param("error", SendAttempts.reason(e)).param("id", s.id()).update());
    }

    /** This channel will not do: a written notice goes on paper instead (once); otherwise the send failed. */
    private void permanent(Send s, Exception e) {
        transaction.executeWithoutResult(tx -> {
            boolean toPaper = !"PAPER".equals(s.channel()) && s.notice().kind() != NoticeKind.FRIENDLY_REMINDER;
            if (toPaper) {
                jdbc.sql("""
                                update dunning_notice_send set channel = 'PAPER', status = 'PENDING', next_attempt_at = :now, last_error = :error
                                where id = :id and channel = :channel""")
                        .param("now", Timestamp.from(clock.instant())).param("error", SendAttempts.reason(e)).param("id", s.id()).param("channel", s.channel())
                        .update();
                jdbc.sql("update dunning_event set channel = 'PAPER' where id = :id").param("id", s.eventId()).update();
            } else {
                jdbc.sql("update dunning_notice_send set status = 'FAILED', last_error = :error where id = :id")
                        .param("error", SendAttempts.reason(e)).param("id", s.id()).update();
                LoggerFactory.getLogger(DunningNoticeDelivery.class).warn("dunning notice {} for invoice {} failed: {}", s.id(), s.invoiceNumber(),
                        SendAttempts.reason(e));
            }
        });
    }

    /** The stored letter of a written notice (as sent), by its dunning event. */
    public Optional<byte[]> letter(long invoiceNumber, long eventId) {
        return jdbc.sql("""
                        select s.document from dunning_notice_send s join invoice i on i.id = s.invoice_id
                        where i.invoice_number = :n and s.dunning_event_id = :e and s.document is not null""")
                .param("n", invoiceNumber).param("e", eventId).query(byte[].class).optional();
    }

    /**
     * Of the invoice's notices, each one's send status (event id → PENDING, DONE, FAILED, or HANDED_TO_PRINT for a
     * letter on paper whose print batch has been closed).
     */
    public Map<Long, String> statuses(long invoiceNumber) {
        Map<Long, String> statuses = new HashMap<>();
        jdbc.sql("""
                        select s.dunning_event_id, case when s.handed_to_print_at is not null then 'HANDED_TO_PRINT' else s.status end
                        from dunning_notice_send s join invoice i on i.id = s.invoice_id
                        where i.invoice_number = :n""").param("n", invoiceNumber)
                .query((ResultSet rs) -> {
                    statuses.put(rs.getLong(1), rs.getString(2));
                });
        return statuses;
    }


}
