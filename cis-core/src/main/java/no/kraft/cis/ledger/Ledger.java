package no.kraft.cis.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a customer's ledger (reskontro) from the documents and payments: nothing is summed ahead of time, so the
 * ledger is always exactly the invoices, credit notes and payments that exist.
 */
@Service
@Transactional(readOnly = true)
public class Ledger {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Document(long id, long invoiceNumber, String kind, LocalDate issueDate, LocalDate dueDate, String kid,
            BigDecimal totalAmount, BigDecimal creditedAmount, BigDecimal charges, BigDecimal paid, LocalDate postponedTo,
            LocalDate collectionSince, BigDecimal writtenOff, BigDecimal leftAmount) {
    }

    private record Charged(LocalDate chargedOn, String kind, String reason, BigDecimal amount, long invoiceNumber) {
    }

    private record Received(LocalDate paidOn, String bankReference, BigDecimal amount, Long invoiceNumber) {
    }

    private record WrittenOff(LocalDate writtenOffOn, BigDecimal amount, long invoiceNumber) {
    }

    /** The customer's documents with what is left on each ({@link InvoiceLeft}, the figures' definition too). */
    private static final String DOCUMENTS = """
            select i.id, i.invoice_number, i.kind, i.issue_date, i.due_date, i.kid, i.total_amount,
                   a.credited_amount, a.charges, a.paid, pp.new_due_date as postponed_to, dc.handed_over_on as collection_since,
                   a.written_off, a.left_amount
            from invoice i
            left join invoice_postponement pp on pp.invoice_id = i.id
            left join invoice_debt_collection dc on dc.invoice_id = i.id
            """ + InvoiceLeft.join("i", "a", null);

    public CustomerLedger of(long customerId, LocalDate today) {
        List<Document> documents = documents(customerId);
        List<Received> payments = jdbc.sql("""
                        select p.paid_on, p.bank_reference, p.amount, i.invoice_number
                        from payment p left join invoice i on i.id = p.invoice_id
                        where p.customer_id = :customer order by p.paid_on, p.id""")
                .param("customer", customerId).query(Received.class).list();

        List<LedgerEntry> unsorted = new ArrayList<>();
        for (Document d : documents) {
            LedgerEntry.Type type = "INVOICE".equals(d.kind()) ? LedgerEntry.Type.INVOICE : LedgerEntry.Type.CREDIT_NOTE;
            unsorted.add(new LedgerEntry(d.issueDate(), type, Long.toString(d.invoiceNumber()), d.invoiceNumber(),
                    d.totalAmount(), null));
        }
        List<WrittenOff> writeOffs = jdbc.sql("""
                        select w.written_off_on, w.amount, i.invoice_number
                        from invoice_write_off w join invoice i on i.id = w.invoice_id
                        where i.customer_id = :customer order by w.written_off_on, w.id""")
                .param("customer", customerId).query(WrittenOff.class).list();
        for (WrittenOff w : writeOffs) {
            unsorted.add(new LedgerEntry(w.writtenOffOn(), LedgerEntry.Type.WRITE_OFF, Long.toString(w.invoiceNumber()), w.invoiceNumber(),
                    w.amount().negate(), null));
        }
        List<Charged> charges = jdbc.sql("""
                        select ch.charged_on, ch.kind, ch.reason, ch.amount, i.invoice_number
                        from invoice_charge ch join invoice i on i.id = ch.invoice_id
                        where i.customer_id = :customer order by ch.charged_on, ch.id""")
                .param("customer", customerId).query(Charged.class).list();
        for (Charged c : charges) {
            unsorted.add(new LedgerEntry(c.chargedOn(), LedgerEntry.Type.CHARGE, c.kind() + ": " + c.reason(), c.invoiceNumber(),
                    c.amount(), null));
        }
        for (Received p : payments) {
            unsorted.add(new LedgerEntry(p.paidOn(), LedgerEntry.Type.PAYMENT, p.bankReference(), p.invoiceNumber(),
                    p.amount().negate(), null));
        }
        // documents (and charges) before payments and write-offs on the same day: a statement never shows a payment ahead
        // of what it pays
        unsorted.sort(Comparator.comparing(LedgerEntry::date).thenComparing(e -> e.type() == LedgerEntry.Type.PAYMENT
                || e.type() == LedgerEntry.Type.WRITE_OFF));
        List<LedgerEntry> entries = new ArrayList<>(unsorted.size());
        BigDecimal balance = ZERO;
        for (LedgerEntry e : unsorted) {
            balance = balance.add(e.amount());
            entries.add(new LedgerEntry(e.date(), e.type(), e.reference(), e.invoiceNumber(), e.amount(), balance));
        }

        List<LedgerItem> items = items(documents, balance);
        BigDecimal overdueItems = items.stream().filter(i -> i.isOverdue(today)).map(LedgerItem::open).reduce(ZERO, BigDecimal::add);
        BigDecimal overdue = overdueItems.min(balance.max(ZERO));
        return new CustomerLedger(customerId, today, List.copyOf(entries), items, balance, overdue);
    }

    /** One of the customer's invoices in the ledger; empty when the customer has no invoice with that number. */
    public Optional<LedgerItem> item(long customerId, long invoiceNumber) {
        List<Document> documents = documents(customerId);
        BigDecimal paidByCustomer = jdbc.sql("select coalesce(sum(amount), 0) from payment where customer_id = :customer")
                .param("customer", customerId).query(BigDecimal.class).single();
        BigDecimal writtenOff = documents.stream().map(Document::writtenOff).reduce(ZERO, BigDecimal::add);
        BigDecimal balance = documents.stream().map(d -> d.totalAmount().add(d.charges())).reduce(ZERO, BigDecimal::add)
                .subtract(paidByCustomer).subtract(writtenOff);
        return items(documents, balance).stream().filter(i -> i.invoiceNumber() == invoiceNumber).findFirst();
    }

    private List<Document> documents(long customerId) {
        return jdbc.sql(DOCUMENTS + " where i.customer_id = :customer order by i.issue_date, i.invoice_number")
                .param("customer", customerId).query(Document.class).list();
    }

    /**
     * The invoices with what is left to pay on each. Credit the customer has beyond the invoices it was paid or credited
     * against — the positive open amounts add up to more than the balance — settles the open invoices oldest due date
     * first, so the open amounts always add up to the balance (or to zero when the customer is in credit).
     */
    private static List<LedgerItem> items(List<Document> documents, BigDecimal balance) {
        List<Document> invoices = documents.stream().filter(d -> "INVOICE".equals(d.kind())).toList();
        Map<Long, BigDecimal> raw = new HashMap<>();
        List<CreditOnAccount.Claim> claims = new ArrayList<>();
        for (Document d : invoices) {
            BigDecimal left = d.leftAmount().setScale(2);
            raw.put(d.id(), left);
            claims.add(new CreditOnAccount.Claim(d.id(), d.invoiceNumber(), dueInForce(d), left));
        }
        Map<Long, BigDecimal> fromAccount = CreditOnAccount.settled(claims, balance);
        return invoices.stream().map(d -> {
            BigDecimal applied = fromAccount.getOrDefault(d.id(), ZERO);
            BigDecimal open = raw.get(d.id()).max(ZERO).subtract(applied);
            return new LedgerItem(d.id(), d.invoiceNumber(), d.kid(), d.issueDate(), dueInForce(d), d.dueDate(), d.totalAmount(),
                    d.creditedAmount().setScale(2), d.charges().setScale(2), d.paid().setScale(2), applied, open, d.postponedTo() != null,
                    Optional.ofNullable(d.collectionSince()), d.writtenOff().setScale(2));
        }).toList();
    }

    private static LocalDate dueInForce(Document d) {
        return d.postponedTo() != null ? d.postponedTo() : d.dueDate();
    }
}
