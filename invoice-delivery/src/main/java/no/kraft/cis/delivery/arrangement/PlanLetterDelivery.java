package no.kraft.cis.delivery.arrangement;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import no.kraft.cis.delivery.distribution.PrintBatches;
import no.kraft.cis.delivery.distribution.SendAttempts;
import no.kraft.cis.delivery.document.InvoiceDocument;
import no.kraft.cis.delivery.document.InvoiceDocuments;
import no.kraft.cis.delivery.document.InvoicePdf;
import no.kraft.cis.ledger.InstalmentPlan;
import no.kraft.cis.ledger.InstalmentPlanAgreed;
import no.kraft.cis.ledger.InstalmentPlans;
import no.kraft.cis.period.NorwegianTime;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The confirmation of an instalment plan reaches the customer: a letter (PDF/A) with every instalment's due date,
 * amount and KID — by e-mail with the letter attached when we have an address, else on paper through the print
 * batches. Queued in the transaction that makes the plan ({@link InstalmentPlanAgreed}, one letter per plan, unique),
 * sent by a small outbox of its own ({@code instalment_plan_letter}): claimed in a short transaction
 * ({@code for update skip locked}, the next attempt set with doubling waits), sent outside it, marked done after —
 * so a committed plan is confirmed once and a restart sends what was due. An e-mail refused for good goes on paper
 * instead, once; a letter on paper is put on the open print batch in the transaction that marks it done.
 */
public class PlanLetterDelivery {

    /** Where a plan's confirmation stands. */
    public record Confirmation(String channel, String status, int attempts, Instant sentAt, Instant handedToPrintAt, String lastError) {
    }

    private record Letter(long id, long planId, long customerId, String channel, int attempts, Instant deadlineAt) {
    }

    private final JdbcClient jdbc;
    private final InstalmentPlans plans;
    private final InvoiceDocuments documents;
    private final InvoicePdf pdf;
    private final PlanLetters letters;
    private final Optional<JavaMailSender> mail;
    private final String from;
    private final PrintBatches print;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration firstRetry;
    private final Duration deadline;

    public PlanLetterDelivery(JdbcClient jdbc, InstalmentPlans plans, InvoiceDocuments documents, InvoicePdf pdf, PlanLetters letters,
            Optional<JavaMailSender> mail, String from, PrintBatches print, Clock clock, PlatformTransactionManager transactions,
            Duration firstRetry, Duration deadline) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.documents = documents;
        this.pdf = pdf;
        this.letters = letters;
        this.mail = mail;
        this.from = from;
        this.print = print;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.firstRetry = firstRetry;
        this.deadline = deadline;
    }

    /** In the plan's transaction: the letter is queued — by e-mail when we can, else on paper, else failed at once. */
    @EventListener
    public void queue(InstalmentPlanAgreed agreed) {
        InvoiceDocument.Buyer to = documents.addressee(agreed.customerId());
        boolean email = mail.isPresent() && to.email() != null && !to.email().isBlank();
        boolean address = !to.street().isBlank() && !to.postcode().isBlank();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into instalment_plan_letter (plan_id, customer_id, channel, status, next_attempt_at, deadline_at, last_error,
                            created_at)
                        values (:plan, :customer, :channel, :status, :now, :deadlineAt, :error, :now) on conflict (plan_id) do nothing""")
                .param("plan", agreed.planId()).param("customer", agreed.customerId()).param("channel", email ? "EMAIL" : "PAPER")
                .param("status", email || address ? "PENDING" : "FAILED")
                .param("error", email || address ? null : "the customer has neither an e-mail nor a postal address")
                .param("now", Timestamp.from(now)).param("deadlineAt", Timestamp.from(now.plus(deadline))).update();
    }

    /** Sends the due letters, at most {@code max}; how many were attempted. */
    public int sendDue(int max) {
        int attempted = 0;
        while (attempted < max) {
            Optional<Letter> claimed = transaction.execute(tx -> claim());
            if (claimed == null || claimed.isEmpty()) {
                break;
            }
            attempted++;
            attempt(claimed.get());
        }
        return attempted;
    }

    private Optional<Letter> claim() {
        Instant now = clock.instant();
        Optional<Letter> due = jdbc.sql("""
                        select id, plan_id, customer_id, channel, attempts, deadline_at from instalment_plan_letter
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, id limit 1 for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new Letter(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("customer_id"), rs.getString("channel"),
                        rs.getInt("attempts"), rs.getTimestamp("deadline_at").toInstant())).optional();
        due.ifPresent(l -> jdbc.sql("update instalment_plan_letter set attempts = attempts + 1, next_attempt_at = :next where id = :id")
                .param("next", Timestamp.from(now.plus(SendAttempts.backoff(firstRetry, l.attempts())))).param("id", l.id())
                .update());
        return due;
    }

    private void attempt(Letter l) {
        try {
            InstalmentPlan plan = plans.get(l.planId(), NorwegianTime.today(clock));
            int graceDays = jdbc.sql("""
                            select r.grace_days from instalment_plan p join instalment_plan_rule r on r.id = p.rule_id where p.id = :plan""")
                    .param("plan", l.planId()).query(Integer.class).single();
            InvoiceDocument.Seller seller = documents.seller();
            InvoiceDocument.Buyer buyer = documents.addressee(l.customerId());
            byte[] letter = pdf.renderXhtml(letters.letter(plan, graceDays, seller, buyer));
            if ("EMAIL".equals(l.channel())) {
                email(l, plan, seller, buyer, letter);
            }
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("update instalment_plan_letter set status = 'DONE', sent_at = :now, last_error = null, document = :doc where id = :id")
                        .param("now", Timestamp.from(clock.instant())).param("doc", letter).param("id", l.id()).update();
                if ("PAPER".equals(l.channel())) {
                    print.queuePlanLetter(l.id(), plan.invoices().getFirst().invoiceId());
                }
            });
        } catch (RuntimeException e) {
            if (SendAttempts.permanent(e)) {
                permanent(l, e);
            } else {
                retry(l, e);
            }
        }
    }

    /** The Message-ID, made from the plan: every attempt of the one letter carries the same. */
    static String messageId(long planId) {
        return UUID.nameUUIDFromBytes(("instalment-plan-" + planId).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "@plans.kraft-cis";
    }

    private void email(Letter l, InstalmentPlan plan, InvoiceDocument.Seller seller, InvoiceDocument.Buyer buyer, byte[] letter) {
        JavaMailSender sender = mail.orElseThrow(() -> new IllegalStateException("no SMTP server"));
        MimeMessage message = SendAttempts.mailWithId(sender, messageId(l.planId()));
        try {
            MimeMessageHelper m = new MimeMessageHelper(message, true, "UTF-8");
            m.setFrom(from, seller.name());
            m.setTo(buyer.email());
            m.setSubject(PlanLetters.subject(plan, seller));
            m.setText(PlanLetters.emailText(plan, seller, buyer));
            m.addAttachment("avdragsavtale-" + plan.id() + ".pdf", new ByteArrayResource(letter), "application/pdf");
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("the plan confirmation could not be made: " + e.getMessage(), e);
        }
        sender.send(message);
    }

    private void retry(Letter l, Exception e) {
        if (!clock.instant().isBefore(l.deadlineAt())) {
            permanent(l, e);
            return;
        }
        transaction.executeWithoutResult(tx -> jdbc.sql("update instalment_plan_letter set last_error = :error where id = :id")
                .param("error", SendAttempts.reason(e)).param("id", l.id()).update());
    }

    /** E-mail will not do: on paper instead (once, when we have an address); otherwise the letter failed. */
    private void permanent(Letter l, Exception e) {
        transaction.executeWithoutResult(tx -> {
            int toPaper = !"EMAIL".equals(l.channel()) ? 0 : jdbc.sql("""
                            update instalment_plan_letter set channel = 'PAPER', status = 'PENDING', next_attempt_at = :now, last_error = :error
                            where id = :id and channel = 'EMAIL' and exists (select 1 from customer c where c.id = customer_id
                                and coalesce(c.street, '') <> '' and coalesce(c.postcode, '') <> '')""")
                    .param("now", Timestamp.from(clock.instant())).param("error", SendAttempts.reason(e)).param("id", l.id()).update();
            if (toPaper == 0) {
                jdbc.sql("update instalment_plan_letter set status = 'FAILED', last_error = :error where id = :id")
                        .param("error", SendAttempts.reason(e)).param("id", l.id()).update();
                LoggerFactory.getLogger(PlanLetterDelivery.class).warn("instalment plan {} confirmation failed: {}", l.planId(), SendAttempts.reason(e));
            }
        });
    }

    /** Where the plan's confirmation stands, if one was queued. */
    public Optional<Confirmation> confirmation(long planId) {
        return jdbc.sql("""
                        select channel, status, attempts, sent_at, handed_to_print_at, last_error from instalment_plan_letter where plan_id = :plan""")
                .param("plan", planId)
                .query((rs, row) -> new Confirmation(rs.getString("channel"), rs.getString("status"), rs.getInt("attempts"),
                        instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("handed_to_print_at")), rs.getString("last_error")))
                .optional();
    }

    /** The letter as sent. */
    public Optional<byte[]> letter(long planId) {
        return jdbc.sql("select document from instalment_plan_letter where plan_id = :plan and document is not null").param("plan", planId)
                .query(byte[].class).optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
