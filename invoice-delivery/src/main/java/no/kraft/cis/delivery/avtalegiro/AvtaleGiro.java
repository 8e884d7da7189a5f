package no.kraft.cis.delivery.avtalegiro;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.payment.PaymentReferences;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * AvtaleGiro with Nets: the payers' mandates (imported from Nets' mandate files), the claim files we send for the
 * invoices of customers with an active mandate, and the payments that come back in the OCR file (transaction type 15)
 * with the agreement KID — matched to the claim's invoice by KID and amount ({@link PaymentReferences}).
 *
 * <p>The agreement KID names the payer: the customer number (7 digits) and a MOD10 check digit, 8 digits — a KID
 * structure of its own beside the invoices' 17 digits (Nets allows up to three lengths per agreement). The customer
 * enters it in the online bank when making the mandate; {@link #agreementKid} gives it.
 */
@Transactional
public class AvtaleGiro implements PaymentReferences {

    /** Our AvtaleGiro agreement with Nets: the data sender (customer unit id, 8 digits) and the payee account. */
    public record Settings(String dataSender, String payeeAccount) {
    }

    /** What a mandate file did. */
    public record ImportResult(int transmissionNumber, int active, int added, int deleted, List<String> unknownKids) {
    }

    /** A mandate as we hold it. */
    public record MandateView(String kid, Long customerNumber, boolean active, boolean wantsNotice, int serial) {
    }

    /** A claim file we made. */
    public record Transmission(long id, int claims, BigDecimal amount, LocalDate dueFrom, LocalDate dueTo, int deletions,
            BigDecimal deletedAmount) {
    }

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Settings settings;
    private final Clock clock;

    /** A deletion must reach Nets by 14:00 the day before the claim's due date (the AvtaleGiro specification). */
    static final int DELETION_CUT_OFF_HOUR = 14;

    public AvtaleGiro(JdbcClient jdbc, CustomerService customers, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The customer's agreement KID: customer number (7 digits) + MOD10. */
    public static Kid agreementKid(long customerNumber) {
        String base = String.format("%07d", customerNumber);
        for (int d = 0; d <= 9; d++) {
            try {
                return new Kid(base + d);
            } catch (RuntimeException wrongDigit) {
                // the one right check digit is among the ten
            }
        }
        throw new IllegalStateException("no MOD10 check digit for " + base);
    }

    /**
     * Imports a mandate file from Nets: each mandate by its KID — new or changed (1) and, in a full list (0), every
     * one listed is active; deleted (2) ends it. A KID that names no customer of ours is reported, not stored.
     */
    public ImportResult importMandates(byte[] file, String by) {
        MandateFile parsed = MandateFileReader.read(file);
        int active = 0;
        int added = 0;
        int deleted = 0;
        List<String> unknown = new ArrayList<>();
        for (MandateFile.Assignment a : parsed.assignments()) {
            for (Mandate m : a.mandates()) {
                String kid = m.kid().value();
                Optional<Long> customer = customerOf(kid);
                if (customer.isEmpty()) {
                    unknown.add(kid);
                    continue;
                }
                boolean on = m.registrationType() != RegistrationType.DELETED;
                int changed = jdbc.sql("""
                                insert into avtalegiro_mandate (kid, customer_id, active, wants_notice, serial, updated_at, updated_by)
                                values (:kid, :customer, :active, :notice, :serial, :now, :by)
                                on conflict (kid) do update set active = excluded.active, wants_notice = excluded.wants_notice,
                                    serial = excluded.serial, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                                where avtalegiro_mandate.active is distinct from excluded.active
                                   or avtalegiro_mandate.wants_notice is distinct from excluded.wants_notice""")
                        .param("kid", kid).param("customer", customer.get()).param("active", on).param("notice", m.wantsNotice())
                        .param("serial", m.serialNumber()).param("now", Timestamp.from(clock.instant())).param("by", by).update();
                if (on) {
                    active++;
                    added += changed;
                } else {
                    deleted += changed;
                }
            }
        }
        return new ImportResult(parsed.transmissionNumber(), active, added, deleted, unknown);
    }

    public List<MandateView> mandates(long customerId) {
        return jdbc.sql("""
                        select m.*, c.customer_number from avtalegiro_mandate m left join customer c on c.id = m.customer_id
                        where m.customer_id = :customer order by m.kid""")
                .param("customer", customerId)
                .query((rs, row) -> new MandateView(rs.getString("kid"), rs.getObject("customer_number", Long.class), rs.getBoolean("active"),
                        rs.getBoolean("wants_notice"), rs.getInt("serial")))
                .list();
    }

    /**
     * A claim file for Nets: every standing invoice due in [{@code from}, {@code to}] (both inclusive) of a customer
     * with an active mandate, not claimed before, with a positive amount. A payer who wants the bank's notice gets
     * transaction type 21 with the invoice's lines; the others 02 (we send the invoice ourselves). Stored as sent; the
     * claims are recorded in the same transaction, so no invoice is claimed twice.
     *
     * <p>And a deletion (assignment type 36, transaction type 93) for every claim sent before whose invoice has since
     * been credited, whatever its due date, while Nets can still stop it: a deletion must reach Nets by 14:00 the day
     * before the due date, so a claim due tomorrow is withdrawn only before 14:00 Oslo time, one due today not at all
     * (the debit then pays the credit note's customer's account, as any payment does). Each deletion is recorded with
     * the file, so it is sent once.
     */
    public Optional<Transmission> claimFile(LocalDate from, LocalDate to, String by) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ValidationFailedException.of("dueTo", "range.order", "the due dates run from dueFrom to dueTo (both inclusive)");
        }
        record Due(long invoiceId, long invoiceNumber, long customerNumber, String name, LocalDate due, BigDecimal total, String kid,
                boolean notice) {
        }
        List<Due> due = jdbc.sql("""
                        select i.id, i.invoice_number, c.customer_number,
                            coalesce(c.organisation_name, c.first_name || ' ' || c.last_name) as display_name, i.due_date, i.total_amount, m.kid, m.wants_notice
                        from invoice i join customer c on c.id = i.customer_id
                        join avtalegiro_mandate m on m.customer_id = i.customer_id and m.active
                        where i.kind = 'INVOICE' and not i.credited and i.total_amount > 0 and i.due_date between :from and :to
                          and not exists (select 1 from avtalegiro_claim g where g.invoice_id = i.id)
                        order by i.due_date, i.id
                        for update of i""")
                .param("from", from).param("to", to)
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getLong("invoice_number"), rs.getLong("customer_number"),
                        rs.getString("display_name"), rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("total_amount"),
                        rs.getString("kid"), rs.getBoolean("wants_notice")))
                .list();
        java.time.ZonedDateTime now = clock.instant().atZone(NorwegianTime.ZONE);
        LocalDate firstWithdrawable = now.toLocalDate().plusDays(now.getHour() < DELETION_CUT_OFF_HOUR ? 1 : 2);
        record Withdrawn(long invoiceId, long invoiceNumber, String name, LocalDate due, long ore, String kid) {
        }
        List<Withdrawn> withdrawn = jdbc.sql("""
                        select g.invoice_id, i.invoice_number, coalesce(c.organisation_name, c.first_name || ' ' || c.last_name) as display_name,
                               g.due_date, g.amount_ore, g.kid
                        from avtalegiro_claim g join invoice i on i.id = g.invoice_id join customer c on c.id = i.customer_id
                        where g.deleted_in is null and i.credited and g.due_date >= :first
                        order by g.due_date, g.invoice_id
                        for update of g""")
                .param("first", firstWithdrawable)
                .query((rs, row) -> new Withdrawn(rs.getLong("invoice_id"), rs.getLong("invoice_number"), rs.getString("display_name"),
                        rs.getObject("due_date", LocalDate.class), rs.getLong("amount_ore"), rs.getString("kid")))
                .list();
        if (due.isEmpty() && withdrawn.isEmpty()) {
            return Optional.empty();
        }
        long id = jdbc.sql("""
                        insert into avtalegiro_transmission (created_at, created_by, due_from, due_to, claims, amount_ore, content)
                        values (:now, :by, :from, :to, 0, 0, '') returning id""")
                .param("now", Timestamp.from(clock.instant())).param("by", by).param("from", from).param("to", to).query(Long.class).single();
        List<Claim> claims = new ArrayList<>();
        long sum = 0;
        int n = 0;
        for (Due d : due) {
            long ore = d.total().movePointRight(2).longValueExact();
            sum += ore;
            BankNotice notice = d.notice() ? BankNotice.of("Faktura " + d.invoiceNumber() + " fra oss, kundenummer " + d.customerNumber(),
                    "Beløp " + d.total().toPlainString().replace('.', ',') + " kr trekkes " + d.due().format(
                            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))) : null;
            claims.add(new Claim(++n, d.due(), ore, new Kid(d.kid()), shortName(d.name()), "Faktura " + d.invoiceNumber(), notice));
            jdbc.sql("""
                            insert into avtalegiro_claim (invoice_id, transmission_id, kid, amount_ore, due_date, notice)
                            values (:invoice, :transmission, :kid, :ore, :due, :notice)""")
                    .param("invoice", d.invoiceId()).param("transmission", id).param("kid", d.kid()).param("ore", ore).param("due", d.due())
                    .param("notice", d.notice()).update();
        }
        List<Claim> deletions = new ArrayList<>();
        long deletedSum = 0;
        int k = 0;
        for (Withdrawn w : withdrawn) {
            deletedSum += w.ore();
            deletions.add(new Claim(++k, w.due(), w.ore(), new Kid(w.kid()), shortName(w.name()), "Faktura " + w.invoiceNumber(), null));
            jdbc.sql("update avtalegiro_claim set deleted_in = :transmission where invoice_id = :invoice")
                    .param("transmission", id).param("invoice", w.invoiceId()).update();
        }
        // the transmission's number is the claims' assignment number too; the deletions' is 5 000 000 apart, so neither
        // repeats one of another file for millions of files (Nets wants them unique for 12 months and a day)
        int number = (int) (id % 10_000_000);
        List<ClaimFile.Assignment> assignments = new ArrayList<>();
        if (!claims.isEmpty()) {
            assignments.add(ClaimFile.Assignment.claims(number, settings.payeeAccount(), claims));
        }
        if (!deletions.isEmpty()) {
            assignments.add(ClaimFile.Assignment.deletions(number < 5_000_000 ? number + 5_000_000 : number - 4_999_999,
                    settings.payeeAccount(), deletions));
        }
        byte[] file = ClaimFileWriter.write(new ClaimFile(settings.dataSender(), number, assignments), NorwegianTime.today(clock));
        jdbc.sql("""
                        update avtalegiro_transmission set claims = :claims, amount_ore = :sum, deletions = :deletions,
                               deleted_amount_ore = :deleted, content = :content where id = :id""")
                .param("claims", claims.size()).param("sum", sum).param("deletions", deletions.size()).param("deleted", deletedSum)
                .param("content", file).param("id", id).update();
        return Optional.of(new Transmission(id, claims.size(), BigDecimal.valueOf(sum, 2), from, to, deletions.size(),
                BigDecimal.valueOf(deletedSum, 2)));
    }

    @Transactional(readOnly = true)
    public byte[] file(long transmissionId) {
        return jdbc.sql("select content from avtalegiro_transmission where id = :id").param("id", transmissionId).query(byte[].class)
                .optional().orElseThrow(() -> new no.kraft.cis.rule.NotFoundException("AvtaleGiro claim file", transmissionId));
    }

    /** A payment with an agreement KID pays the oldest claim of that KID with the same amount not yet paid. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Long> invoiceFor(String kid, BigDecimal amount) {
        if (kid == null || kid.length() != 8) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select g.invoice_id from avtalegiro_claim g
                        where g.kid = :kid and g.amount_ore = :ore and g.deleted_in is null
                          and not exists (select 1 from payment p where p.invoice_id = g.invoice_id)
                        order by g.due_date, g.invoice_id limit 1""")
                .param("kid", kid).param("ore", amount.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact())
                .query(Long.class).optional();
    }

    private Optional<Long> customerOf(String kid) {
        if (kid.length() != 8) {
            return Optional.empty();
        }
        try {
            return customers.find(new CustomerNumber(Long.parseLong(kid.substring(0, 7)))).map(c -> c.id());
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    private static String shortName(String name) {
        String n = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
        return n.length() > 10 ? n.substring(0, 10) : n;
    }
}
