package no.kraft.cis.payment;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.payment.file.IncomingPayment;
import no.kraft.cis.payment.file.PaymentFile;
import no.kraft.cis.payment.file.PaymentFileFormat;
import no.kraft.cis.payment.file.PaymentFileReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a bank file of incoming payments in one transaction: the file, every payment in it and every match are
 * stored together or not at all, so an import killed half-way leaves nothing and can simply be sent again. A file seen
 * before — the same bytes, or the same bank message id — changes nothing and answers with the first import.
 */
@Service
@Transactional
public class PaymentImport {

    private final JdbcClient jdbc;
    private final AuditStamp audit;
    private final PaymentMatcher matcher;
    private final PaymentMatches matches;

    PaymentImport(JdbcClient jdbc, AuditStamp audit, PaymentMatcher matcher, PaymentMatches matches) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.matcher = matcher;
        this.matches = matches;
    }

    public ImportOutcome importFile(byte[] content, String fileName) {
        return importPayments(PaymentFileReader.read(content), sha256(content), fileName);
    }

    /**
     * Imports payments another module has read from a file of its own (a debt-collection agency's settlement file),
     * exactly like a bank file: once per {@code sha256} or per format and message id, each payment stored once per bank
     * reference and matched by its KID (or amount and payer), all in this transaction.
     */
    public ImportOutcome importPayments(PaymentFile file, String sha256, String fileName) {
        Optional<Long> earlier = jdbc.sql("select id from payment_file where sha256 = :sha or (format = :format and message_id = :message)")
                .param("sha", sha256).param("format", file.format().name()).param("message", file.messageId())
                .query(Long.class).optional();
        if (earlier.isPresent()) {
            return outcomeOf(earlier.get(), true);
        }
        Timestamp now = Timestamp.from(audit.now());
        String actor = audit.actor();
        long fileId = jdbc.sql("""
                        insert into payment_file (format, message_id, sha256, file_name, payment_count, total_amount,
                            created_at, created_by, updated_at, updated_by)
                        values (:format, :message, :sha, :name, :count, :total, :now, :actor, :now, :actor) returning id""")
                .param("format", file.format().name()).param("message", file.messageId()).param("sha", sha256)
                .param("name", fileName).param("count", file.payments().size()).param("total", file.total())
                .param("now", now).param("actor", actor).query(Long.class).single();
        for (IncomingPayment payment : file.payments()) {
            Optional<Long> id = jdbc.sql("""
                            insert into payment (payment_file_id, bank_reference, paid_on, amount, kid, payer_name, payer_account,
                                status, created_at, created_by, updated_at, updated_by)
                            values (:file, :reference, :paidOn, :amount, :kid, :payerName, :payerAccount, 'UNMATCHED',
                                :now, :actor, :now, :actor)
                            on conflict (bank_reference) do nothing returning id""")
                    .param("file", fileId).param("reference", payment.bankReference()).param("paidOn", payment.paidOn())
                    .param("amount", payment.amount()).param("kid", payment.kid()).param("payerName", payment.payerName())
                    .param("payerAccount", payment.payerAccount()).param("now", now).param("actor", actor)
                    .query(Long.class).optional();
            if (id.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> limit = sanityLimit(payment.paidOn());
            if (limit.isPresent() && payment.amount().compareTo(limit.get()) > 0) {
                // never applied automatically: staff look at it in the manual queue first
                jdbc.sql("update payment set held_reason = :reason where id = :id")
                        .param("reason", "amount " + payment.amount().toPlainString() + " NOK is above the limit of "
                                + limit.get().toPlainString() + " NOK for one payment: check before applying")
                        .param("id", id.get()).update();
                continue;
            }
            matcher.match(payment.amount(), payment.kid(), payment.payerName(), payment.payerAccount())
                    .ifPresent(match -> matches.record(id.get(), match.rule(), match.customerId(), match.invoiceId(), payment.payerAccount()));
        }
        return outcomeOf(fileId, false);
    }

    /** The largest single payment applied without a person looking, on the payment's day (table payment_sanity_limit). */
    private Optional<BigDecimal> sanityLimit(java.time.LocalDate day) {
        return jdbc.sql("select amount from payment_sanity_limit where valid_from <= :day and (valid_to is null or valid_to > :day)")
                .param("day", day).query(BigDecimal.class).optional();
    }

    private ImportOutcome outcomeOf(long fileId, boolean duplicate) {
        return jdbc.sql("""
                        select f.id, f.format, f.message_id, f.payment_count, f.total_amount,
                               count(*) filter (where p.match_rule = 'KID') as by_kid,
                               count(*) filter (where p.match_rule = 'AMOUNT_AND_PAYER') as by_amount,
                               count(*) filter (where p.status = 'UNMATCHED') as queued,
                               count(p.id) as stored
                        from payment_file f left join payment p on p.payment_file_id = f.id
                        where f.id = :id group by f.id""")
                .param("id", fileId)
                .query((rs, n) -> new ImportOutcome(rs.getLong("id"), PaymentFileFormat.valueOf(rs.getString("format")),
                        rs.getString("message_id"), duplicate, rs.getInt("payment_count"), rs.getInt("by_kid"),
                        rs.getInt("by_amount"), rs.getInt("queued"), rs.getInt("payment_count") - rs.getInt("stored"),
                        rs.getBigDecimal("total_amount")))
                .single();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
