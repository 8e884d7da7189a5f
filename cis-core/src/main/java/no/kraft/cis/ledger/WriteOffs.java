package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import no.kraft.cis.audit.AuditStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Write-offs (avskrivning av tap på krav): what is given up on an invoice — the part a debt-collection agency closed as
 * not collectable. A write-off settles the invoice in the ledger like a payment would (a {@code WRITE_OFF} entry), and
 * the receivables figures count it as credit loss on its day.
 */
@Service
@Transactional
public class WriteOffs {

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    WriteOffs(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Writes off {@code amount} of the invoice on {@code day}; once per invoice and {@code source} (a settlement file
     * applied twice writes off once).
     *
     * @return whether it was written off now (false: this source wrote it off before)
     */
    public boolean writeOff(long invoiceId, BigDecimal amount, LocalDate day, String reason, String source) {
        if (amount.signum() <= 0) {
            return false;
        }
        Timestamp now = Timestamp.from(audit.now());
        return jdbc.sql("""
                        insert into invoice_write_off (invoice_id, amount, written_off_on, reason, source, created_at, created_by, updated_at, updated_by)
                        values (:invoice, :amount, :day, :reason, :source, :now, :actor, :now, :actor)
                        on conflict (invoice_id, source) do nothing""")
                .param("invoice", invoiceId).param("amount", amount.setScale(2)).param("day", day).param("reason", reason)
                .param("source", source).param("now", now).param("actor", audit.actor()).update() == 1;
    }
}
