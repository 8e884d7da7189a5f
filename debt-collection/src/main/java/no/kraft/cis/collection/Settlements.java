package no.kraft.cis.collection;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.ledger.Ledger;
import no.kraft.cis.ledger.LedgerItem;
import no.kraft.cis.ledger.WriteOffs;
import no.kraft.cis.payment.ImportOutcome;
import no.kraft.cis.payment.PaymentImport;
import no.kraft.cis.payment.file.IncomingPayment;
import no.kraft.cis.payment.file.PaymentFile;
import no.kraft.cis.payment.file.PaymentFileFormat;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the agency's settlement file ({@link SettlementFile}) into the ledger. The file is checked whole first — its
 * form, then each line against what we handed over (the invoice is ours and with the agency, the agency reference is
 * the one it gave us, the payment not dated in the future) — and refused with every broken rule, naming the line and
 * field, with nothing stored. A good file is stored as received, then applied in one transaction: each line that pays
 * something becomes a payment through the payment import (matched to the invoice by its KID, as a bank payment would
 * be), and a {@code WRITTEN_OFF} line writes off what is then left on the invoice (credit loss). Idempotent on the file
 * id: the same file again changes nothing and answers with the first import; a file stored but not applied (the
 * application stopped in between) is applied when it comes again.
 */
public class Settlements {

    /** What an import did (or, for a file seen before, what its first import did). */
    public record SettlementOutcome(long settlementId, String fileId, boolean duplicate, int lines, int payments, BigDecimal paidTotal,
            BigDecimal writtenOff, Long paymentFileId) {
    }

    private final JdbcClient jdbc;
    private final PaymentImport payments;
    private final WriteOffs writeOffs;
    private final Ledger ledger;
    private final AuditStamp audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    public Settlements(JdbcClient jdbc, PaymentImport payments, WriteOffs writeOffs, Ledger ledger, AuditStamp audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.writeOffs = writeOffs;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    private record Claim(long invoiceId, long customerId, String agencyReference, String status) {
    }

    private record Stored(long id, String status) {
    }

    /**
     * @throws no.kraft.cis.rule.ValidationFailedException (400) naming each broken line and field; nothing stored
     */
    public SettlementOutcome importFile(byte[] content) {
        SettlementFile file = SettlementFile.read(content);
        Optional<Stored> earlier = stored(file.fileId());
        if (earlier.isPresent() && earlier.get().status().equals("APPLIED")) {
            return outcome(earlier.get().id(), true);
        }
        Map<Long, Claim> claims = check(file);
        long id = earlier.map(Stored::id).orElseGet(() -> tx.execute(s -> store(file, content)));
        return tx.execute(s -> apply(id, file, claims));
    }

    private Optional<Stored> stored(String fileId) {
        return jdbc.sql("select id, status from debt_collection_settlement where file_id = :file").param("file", fileId)
                .query(Stored.class).optional();
    }

    private Map<Long, Claim> check(SettlementFile file) {
        List<Long> numbers = file.lines().stream().map(SettlementFile.Line::invoiceNumber).toList();
        Map<Long, Claim> claims = jdbc.sql("""
                        select i.invoice_number, i.id as invoice_id, i.customer_id, c.agency_reference, c.status
                        from invoice i join debt_collection_claim c on c.invoice_id = i.id
                        where i.invoice_number in (:numbers)""")
                .param("numbers", numbers.isEmpty() ? List.of(-1L) : numbers)
                .query((rs, n) -> Map.entry(rs.getLong("invoice_number"), new Claim(rs.getLong("invoice_id"), rs.getLong("customer_id"),
                        rs.getString("agency_reference"), rs.getString("status"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LocalDate today = NorwegianTime.today(clock);
        FieldValidation check = new FieldValidation();
        for (SettlementFile.Line line : file.lines()) {
            String at = "lines[" + (line.number() - 1) + "]";
            Claim claim = claims.get(line.invoiceNumber());
            if (claim == null) {
                check.reject(at + ".invoiceNumber", "settlement.notInCollection",
                        "line " + line.number() + ": invoice " + line.invoiceNumber() + " was not handed over to debt collection by us");
            } else if (!claim.status().equals("SENT") || !line.agencyReference().equals(claim.agencyReference())) {
                check.reject(at + ".agencyReference", "settlement.wrongReference", "line " + line.number() + ": the agency's case for invoice "
                        + line.invoiceNumber() + " is " + (claim.agencyReference() == null ? "not registered yet" : claim.agencyReference())
                        + ", not " + line.agencyReference());
            }
            if (line.paidOn().isAfter(today)) {
                check.reject(at + ".paidOn", "settlement.paidInFuture", "line " + line.number() + ": paidOn " + line.paidOn() + " lies after today");
            }
        }
        check.throwIfInvalid();
        return claims;
    }

    private long store(SettlementFile file, byte[] content) {
        Timestamp now = Timestamp.from(audit.now());
        BigDecimal paid = file.lines().stream().map(SettlementFile.Line::principalPaid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return jdbc.sql("""
                        insert into debt_collection_settlement (file_id, agency, sha256, content, status, line_count, paid_total,
                            created_at, created_by, updated_at, updated_by)
                        values (:file, :agency, :sha, :content, 'RECEIVED', :lines, :paid, :now, :actor, :now, :actor) returning id""")
                .param("file", file.fileId()).param("agency", file.agency()).param("sha", sha256(content))
                .param("content", new String(content, java.nio.charset.StandardCharsets.UTF_8)).param("lines", file.lines().size())
                .param("paid", paid).param("now", now).param("actor", audit.actor()).query(Long.class).single();
    }

    private SettlementOutcome apply(long id, SettlementFile file, Map<Long, Claim> claims) {
        // the row is the lock: two imports of one file at once apply it once
        String status = jdbc.sql("select status from debt_collection_settlement where id = :id for update").param("id", id)
                .query(String.class).single();
        if (status.equals("APPLIED")) {
            return outcome(id, true);
        }
        List<IncomingPayment> incoming = new ArrayList<>();
        for (SettlementFile.Line line : file.lines()) {
            if (line.principalPaid().signum() > 0) {
                String kid = jdbc.sql("select kid from invoice where id = :id").param("id", claims.get(line.invoiceNumber()).invoiceId())
                        .query(String.class).single();
                incoming.add(new IncomingPayment("DCS-" + file.fileId() + "-" + line.number(), line.paidOn(), line.principalPaid(), kid,
                        file.agency(), null));
            }
        }
        Long paymentFileId = null;
        if (!incoming.isEmpty()) {
            ImportOutcome imported = payments.importPayments(new PaymentFile(PaymentFileFormat.COLLECTION_SETTLEMENT, file.fileId(), null,
                    incoming), sha256(("settlement:" + file.fileId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "settlement-" + file.fileId() + ".json");
            paymentFileId = imported.fileId();
        }
        BigDecimal writtenOff = BigDecimal.ZERO.setScale(2);
        for (SettlementFile.Line line : file.lines()) {
            if (line.status() != SettlementFile.Status.WRITTEN_OFF) {
                continue;
            }
            Claim claim = claims.get(line.invoiceNumber());
            LedgerItem item = ledger.item(claim.customerId(), line.invoiceNumber()).orElseThrow();
            if (item.open().signum() > 0 && writeOffs.writeOff(claim.invoiceId(), item.open(), line.paidOn(),
                    "written off by " + file.agency() + " (case " + line.agencyReference() + ", settlement " + file.fileId() + ")",
                    "settlement:" + file.fileId())) {
                writtenOff = writtenOff.add(item.open());
            }
        }
        Timestamp now = Timestamp.from(audit.now());
        jdbc.sql("""
                        update debt_collection_settlement set status = 'APPLIED', written_off = :writtenOff, payment_file_id = :paymentFile,
                            applied_at = :now, updated_at = :now, updated_by = :actor
                        where id = :id""")
                .param("writtenOff", writtenOff).param("paymentFile", paymentFileId).param("now", now).param("actor", audit.actor())
                .param("id", id).update();
        return outcome(id, false);
    }

    private SettlementOutcome outcome(long id, boolean duplicate) {
        return jdbc.sql("""
                        select s.id, s.file_id, s.line_count, s.paid_total, coalesce(s.written_off, 0) as written_off, s.payment_file_id,
                               (select count(*) from payment p where p.payment_file_id = s.payment_file_id) as payments
                        from debt_collection_settlement s where s.id = :id""")
                .param("id", id)
                .query((rs, n) -> new SettlementOutcome(rs.getLong("id"), rs.getString("file_id"), duplicate, rs.getInt("line_count"), rs.getInt("payments"),
                        rs.getBigDecimal("paid_total"), rs.getBigDecimal("written_off"), rs.getObject("payment_file_id", Long.class)))
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
