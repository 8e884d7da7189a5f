package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the receivables figures need — the claims open at the period's end, the period's credit sales, the
 * invoices due in it with the day each was paid in full — in three set-based queries (no query per customer or
 * invoice), asks the {@link DeliveryChannels} port for the channels, and lets {@link ReceivablesCalculator} compute.
 * Read in one read-only transaction, so the queries see the same snapshot.
 */
@Service
@Transactional(readOnly = true)
public class Receivables {

    /** The longest period the figures are computed for: a dashboard's two years, not all history at once. */
    public static final int MAX_YEARS = 2;

    private final JdbcClient jdbc;
    private final ObjectProvider<DeliveryChannels> channels;
    private final Clock clock;

    Receivables(JdbcClient jdbc, ObjectProvider<DeliveryChannels> channels, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.clock = clock;
    }

    /**
     * The figures of the days [{@code from}, {@code to}).
     *
     * @throws no.kraft.cis.rule.ValidationFailedException {@code to}: {@code period.endBeforeStart} unless after
     *     {@code from}; {@code period.tooLong} beyond {@value #MAX_YEARS} years
     */
    public ReceivablesFigures figures(LocalDate from, LocalDate to) {
        FieldValidation check = new FieldValidation();
        if (!to.isAfter(from)) {
            check.reject("to", "period.endBeforeStart", "to must be after from (the period is [from, to))");
        } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
            check.reject("to", "period.tooLong", "the period may be at most " + MAX_YEARS + " years");
        }
        check.throwIfInvalid();

        Timestamp startOfTo = Timestamp.from(to.atStartOfDay(NorwegianTime.ZONE).toInstant());
        List<ReceivablesCalculator.OpenClaim> claims = jdbc.sql(OPEN_CLAIMS)
                .param("asOf", Date.valueOf(to)).param("startOfAsOf", startOfTo)
                .query((rs, n) -> new ReceivablesCalculator.OpenClaim(rs.getLong("customer_id"), rs.getBigDecimal("customer_balance"),
                        rs.getLong("invoice_id"), rs.getLong("invoice_number"), rs.getDate("due_date").toLocalDate(),
                        rs.getBigDecimal("left_amount"), day(rs.getDate("in_collection_since"))))
                .list();
        BigDecimal creditSales = jdbc.sql("""
                        select coalesce(sum(total_amount), 0) from invoice where issue_date >= :from and issue_date < :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(BigDecimal.class).single();
        // credit loss: what was written off (given up after debt collection) on days [from, to)
        BigDecimal creditLoss = jdbc.sql("""
                        select coalesce(sum(amount), 0) from invoice_write_off where written_off_on >= :from and written_off_on < :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(BigDecimal.class).single();
        List<DueRow> due = jdbc.sql(DUE_INVOICES).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new DueRow(rs.getLong("id"), rs.getDate("due_date").toLocalDate(), rs.getBigDecimal("total_amount"),
                        day(rs.getDate("settled_on"))))
                .list();

        DeliveryChannels port = channels.getIfAvailable();
        Map<Long, DeliveryChannel> channelOf = port == null || due.isEmpty() ? Map.of()
                : port.channelsOf(due.stream().map(DueRow::id).toList());
        Map<DeliveryChannel, Long> deliveries = port == null ? Map.of() : port.deliveriesOfInvoicesIssued(from, to);
        List<ReceivablesCalculator.DueInvoice> dueInvoices = due.stream()
                .map(d -> new ReceivablesCalculator.DueInvoice(d.id(), d.dueDate(), d.total(), d.settledOn(), channelOf.get(d.id())))
                .toList();
        return ReceivablesCalculator.figures(new ReceivablesCalculator.Input(from, to, NorwegianTime.today(clock), creditSales,
                claims, dueInvoices, deliveries, creditLoss));
    }

    private record DueRow(long id, LocalDate dueDate, BigDecimal total, LocalDate settledOn) {
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /**
     * Every invoice with something left on it at the start of day {@code :asOf} — its own payments and credit notes
     * dated before then — with its customer's balance then (for the ledger's credit on account). A postponement counts
     * once it was granted before that day; a hand-over to collection once it happened before it.
     */
    private static final String OPEN_CLAIMS = """
            with inv as (
                select i.id, i.customer_id, i.invoice_number, i.total_amount,
                       case when pp.created_at < :startOfAsOf then pp.new_due_date else i.due_date end as due_date,
                       dc.handed_over_on
                from invoice i
                left join invoice_postponement pp on pp.invoice_id = i.id
                left join invoice_debt_collection dc on dc.invoice_id = i.id and dc.handed_over_on < :asOf
                where i.kind = 'INVOICE' and i.issue_date < :asOf
            ), credited as (
                select credits_invoice_id as id, sum(total_amount) as amount from invoice
                where kind = 'CREDIT_NOTE' and credits_invoice_id is not null and issue_date < :asOf
                group by credits_invoice_id
            ), paid as (
                select invoice_id as id, sum(amount) as amount from payment
                where invoice_id is not null and paid_on < :asOf
                group by invoice_id
            ), written_off as (
                select invoice_id as id, sum(amount) as amount from invoice_write_off
                where written_off_on < :asOf
                group by invoice_id
            ), charged as (
                select invoice_id as id, sum(amount) as amount from invoice_charge
                where charged_on < :asOf
                group by invoice_id
            ), claims as (
                select inv.*, inv.total_amount + coalesce(c.amount, 0) + coalesce(ch.amount, 0) - coalesce(p.amount, 0)
                       - coalesce(w.amount, 0) as left_amount
                from inv left join credited c on c.id = inv.id left join paid p on p.id = inv.id
                left join written_off w on w.id = inv.id left join charged ch on ch.id = inv.id
            ), owing as (
                select distinct customer_id from claims where left_amount > 0
            ), balances as (
                select o.customer_id,
                       coalesce((select sum(d.total_amount) from invoice d where d.customer_id = o.customer_id and d.issue_date < :asOf), 0)
                     + coalesce((select sum(x.amount) from invoice_charge x join invoice d on d.id = x.invoice_id
                                 where d.customer_id = o.customer_id and x.charged_on < :asOf), 0)
                     - coalesce((select sum(p.amount) from payment p where p.customer_id = o.customer_id and p.paid_on < :asOf), 0)
                     - coalesce((select sum(w.amount) from invoice_write_off w join invoice wi on wi.id = w.invoice_id
                                 where wi.customer_id = o.customer_id and w.written_off_on < :asOf), 0)
                       as balance
                from owing o
            )
            select c.customer_id, b.balance as customer_balance, c.id as invoice_id, c.invoice_number, c.due_date,
                   c.left_amount, c.handed_over_on as in_collection_since
            from claims c join balances b on b.customer_id = c.customer_id
            where c.left_amount > 0
            order by c.customer_id, c.due_date, c.invoice_number""";

    /**
     * The invoices due (due date in force) on days [{@code :from}, {@code :to}) that were a claim: total above zero and
     * not cancelled by a credit note issued before {@code :to}; each with the day its matched payments first reached
     * its total (a running sum in payment order).
     */
    private static final String DUE_INVOICES = """
            select i.id, coalesce(pp.new_due_date, i.due_date) as due_date, i.total_amount,
                   (select min(x.paid_on) from (
                        select p.paid_on, sum(p.amount) over (order by p.paid_on, p.id) as running
                        from payment p where p.invoice_id = i.id) x
                    where x.running >= i.total_amount) as settled_on
            from invoice i
            left join invoice_postponement pp on pp.invoice_id = i.id
            where i.kind = 'INVOICE' and i.total_amount > 0 and i.due_date < :to
              and coalesce(pp.new_due_date, i.due_date) >= :from and coalesce(pp.new_due_date, i.due_date) < :to
              and not exists (select 1 from invoice c where c.credits_invoice_id = i.id and c.issue_date < :to)""";
}
