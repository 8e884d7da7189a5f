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
     *
     * <p>Not every invoice is read: {@code invoice.paid_amount} and {@code paid_in_full_on}, which the database keeps
     * from the payment rows (migration {@code V2026_12_03_1400}), pick the ones that can be open then — not paid in
     * full by their own payments before {@code :asOf}, or with a dunning charge or a write-off by then — and the ones
     * that can be a credit — paid more than their total, or paid and credited. Every other invoice issued before
     * {@code :asOf} has exactly nothing left then (its payments before {@code :asOf} reached its total, it was neither
     * overpaid nor credited, and nothing was charged on it or written off), so it adds nothing to the
     * balance either: the customer's balance is the picked invoices' left amounts, less payments to the account, plus
     * credit notes that name no invoice — the same number as all documents less all payments. (Except for a payment
     * dated before the invoice it pays was issued, which the old sum counted and this does not.)
     */
    private static final String OPEN_CLAIMS = """
            with picked as (
                select id from invoice
                where kind = 'INVOICE' and (paid_in_full_on is null or paid_in_full_on >= :asOf
                      or paid_amount > total_amount or (credited and paid_amount > 0))
                union
                select invoice_id from invoice_charge where charged_on < :asOf
                union
                select invoice_id from invoice_write_off where written_off_on < :asOf
            ), inv as materialized (
                select i.id, i.customer_id, i.invoice_number, i.total_amount,
                       case when pp.created_at < :startOfAsOf then pp.new_due_date else i.due_date end as due_date,
                       dc.handed_over_on
                from picked k
                join invoice i on i.id = k.id
                left join invoice_postponement pp on pp.invoice_id = i.id
                left join invoice_debt_collection dc on dc.invoice_id = i.id and dc.handed_over_on < :asOf
                where i.kind = 'INVOICE' and i.issue_date < :asOf
            ), claims as materialized (
                -- per picked invoice through the indexes on credits_invoice_id and payment.invoice_id
                select inv.*, inv.total_amount
                     + coalesce((select sum(c.total_amount) from invoice c
                                 where c.credits_invoice_id = inv.id and c.kind = 'CREDIT_NOTE' and c.issue_date < :asOf), 0)
                     + coalesce((select sum(ch.amount) from invoice_charge ch where ch.invoice_id = inv.id and ch.charged_on < :asOf), 0)
                     - coalesce((select sum(p.amount) from payment p where p.invoice_id = inv.id and p.paid_on < :asOf), 0)
                     - coalesce((select sum(w.amount) from invoice_write_off w
                                 where w.invoice_id = inv.id and w.written_off_on < :asOf), 0)
                       as left_amount
                from inv
            ), owing as materialized (
                select distinct customer_id from claims where left_amount > 0
            ), beside as (
                select p.customer_id, -sum(p.amount) as amount
                from owing o join payment p on p.customer_id = o.customer_id
                where p.invoice_id is null and p.customer_id is not null and p.paid_on < :asOf
                group by p.customer_id
                union all
                select c.customer_id, sum(c.total_amount)
                from owing o join invoice c on c.customer_id = o.customer_id
                where c.kind = 'CREDIT_NOTE' and c.credits_invoice_id is null and c.issue_date < :asOf
                group by c.customer_id
            ), balances as (
                select x.customer_id, sum(x.amount) as balance from (
                    select c.customer_id, c.left_amount as amount from claims c join owing o on o.customer_id = c.customer_id
                    union all
                    select customer_id, amount from beside) x
                group by x.customer_id
            )
            select c.customer_id, b.balance as customer_balance, c.id as invoice_id, c.invoice_number, c.due_date,
                   c.left_amount, c.handed_over_on as in_collection_since
            from claims c join balances b on b.customer_id = c.customer_id
            where c.left_amount > 0
            order by c.customer_id, c.due_date, c.invoice_number""";

    /**
     * The invoices due (due date in force) on days [{@code :from}, {@code :to}) that were a claim: total above zero and
     * not cancelled by a credit note issued before {@code :to}; each with the day its matched payments first reached
     * its total (a running sum in payment order, kept by the database as {@code invoice.paid_in_full_on}).
     */
    private static final String DUE_INVOICES = """
            with due as (
                select i.id, i.due_date, i.total_amount, i.paid_in_full_on from invoice i
                where i.kind = 'INVOICE' and i.total_amount > 0 and i.due_date >= :from and i.due_date < :to
                  and not exists (select 1 from invoice_postponement pp where pp.invoice_id = i.id)
                union all
                -- a postponement only moves a due date later, so these are all the postponed ones due in the period
                select i.id, pp.new_due_date, i.total_amount, i.paid_in_full_on
                from invoice_postponement pp join invoice i on i.id = pp.invoice_id
                where i.kind = 'INVOICE' and i.total_amount > 0 and pp.new_due_date >= :from and pp.new_due_date < :to
            )
            select d.id, d.due_date, d.total_amount, d.paid_in_full_on as settled_on
            from due d
            where not exists (select 1 from invoice c where c.credits_invoice_id = d.id and c.issue_date < :to)""";
}
