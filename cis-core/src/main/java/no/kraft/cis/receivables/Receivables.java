package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.kraft.cis.ledger.InvoiceLeft;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the receivables figures need — the amounts open at the period's end, the period's credit sales and credit
 * loss, the invoices due in it with the day each was paid in full — in set-based queries that sum in the database and
 * return a few hundred rows (no query per customer or invoice, no row per invoice carried to Java), joins the {@link
 * DeliveryChannels} port's query for the channels, and lets {@link ReceivablesCalculator} compute. Read in one
 * read-only transaction, so the queries see the same snapshot.
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

        // the sorts and hash tables over the ~100 000 open invoices and the month's due ones fit in memory, not on disk
        jdbc.sql("set local work_mem = '64MB'").update();
        // a plan for these dates, never the driver's cached generic one: a plan made for a month's few hundred thousand
        // due invoices, reused for a year's two million (same statement text), took 10 s instead of 3
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        Timestamp startOfTo = Timestamp.from(to.atStartOfDay(NorwegianTime.ZONE).toInstant());
        List<ReceivablesCalculator.OpenAmount> open = jdbc.sql(OPEN_AMOUNTS)
                .param("asOf", Date.valueOf(to)).param("startOfAsOf", startOfTo)
                .query((rs, n) -> new ReceivablesCalculator.OpenAmount(rs.getDate("due_date").toLocalDate(),
                        rs.getBoolean("in_collection"), rs.getBigDecimal("amount"), rs.getInt("invoices")))
                .list();
        BigDecimal creditSales = jdbc.sql("""
                        select coalesce(sum(total_amount), 0) from invoice where issue_date >= :from and issue_date < :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(BigDecimal.class).single();
        // credit loss: what was written off (given up after debt collection) on days [from, to)
        BigDecimal creditLoss = jdbc.sql("""
                        select coalesce(sum(amount), 0) from invoice_write_off where written_off_on >= :from and written_off_on < :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(BigDecimal.class).single();

        DeliveryChannels port = channels.getIfAvailable();
        String channelOf = port == null ? NO_CHANNELS : port.invoiceChannels();
        List<ReceivablesCalculator.DueGroup> due = jdbc.sql(DUE_INVOICES.replace("/*channels*/", channelOf))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new ReceivablesCalculator.DueGroup(rs.getDate("due_date").toLocalDate(), day(rs.getDate("settled_on")),
                        day(rs.getDate("first_notice_on")), channel(rs.getString("channel")), rs.getInt("invoices")))
                .list();
        Map<DeliveryChannel, Long> deliveries = port == null ? Map.of() : port.deliveriesOfInvoicesIssued(from, to);
        return ReceivablesCalculator.figures(new ReceivablesCalculator.Sums(from, to, NorwegianTime.today(clock), creditSales,
                open, due, deliveries, creditLoss));
    }

    private static DeliveryChannel channel(String name) {
        return name == null ? null : DeliveryChannel.valueOf(name);
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** Without the invoice-delivery adapter: no invoice has a known channel. */
    private static final String NO_CHANNELS = "select null::bigint as invoice_id, null::text as channel where false";

    /**
     * The open amounts at the start of day {@code :asOf}, after each customer's credit on account, summed by due date
     * in force and whether in debt collection — a few hundred rows, not one per invoice.
     *
     * <p>{@code claims}: every invoice with something left on it then — what {@link InvoiceLeft} gives, from its own
     * credit notes, charges, payments and write-offs dated before {@code :asOf}. A postponement counts once it was
     * granted before that day; a hand-over to collection once it happened before it. Not every invoice is read:
     * {@code invoice.paid_amount} and {@code paid_in_full_on}, which the database keeps from the payment rows
     * (migration {@code V2026_12_03_1400}), pick the ones that can be open then — not paid in full by their own
     * payments before {@code :asOf}, or with a dunning charge or a write-off by then — and the ones that can be a
     * credit — paid more than their total, or paid and credited. Every other invoice issued before {@code :asOf} has
     * exactly nothing left then (its payments before {@code :asOf} reached its total, it was neither overpaid nor
     * credited, and nothing was charged on it or written off), so it adds nothing to the balance either: the
     * customer's balance is the picked invoices' left amounts, less payments to the account, plus credit notes that name
     * no invoice — the same number as all documents less all payments. (Except for a payment dated before the invoice
     * it pays was issued, where that invoice was issued on or after {@code :asOf}: the ledger's balance counts it,
     * these figures do not.)
     *
     * <p>{@code settled}: the ledger's credit on account ({@code CreditOnAccount}) for all customers at once — the
     * credit is what the customer's positive left amounts add up to beyond its balance (never below zero), and it
     * settles them oldest due date first (then lowest invoice number): each claim keeps what the credit not used by the
     * claims before it does not cover.
     */
    private static final String OPEN_AMOUNTS = """
            with picked as (
                -- the invoice's own columns read here, not joined back by id: the planner over-estimates these rows
                -- (the partial indexes' conditions compare two columns) and would scan every invoice to join them
                select i.id, i.customer_id, i.invoice_number, i.due_date, i.total_amount, i.paid_amount from invoice i
                where i.kind = 'INVOICE' and i.issue_date < :asOf
                  and (i.paid_in_full_on is null or i.paid_in_full_on >= :asOf
                       or i.paid_amount > i.total_amount or (i.credited and i.paid_amount > 0))
                union
                select i.id, i.customer_id, i.invoice_number, i.due_date, i.total_amount, i.paid_amount
                from (select invoice_id from invoice_charge where charged_on < :asOf
                      union
                      select invoice_id from invoice_write_off where written_off_on < :asOf) x
                join invoice i on i.id = x.invoice_id
                where i.kind = 'INVOICE' and i.issue_date < :asOf
            ),
                -- the few invoices' credit notes, charges, write-offs and later payments summed once and hash-joined,
                -- not looked up per picked invoice (the ledger reads the same parts per invoice: InvoiceLeft)
                """ + InvoiceLeft.sums(":asOf") + """
            , claims as materialized (
                select k.id, k.customer_id, k.invoice_number,
                       case when pp.created_at < :startOfAsOf then pp.new_due_date else k.due_date end as due_date,
                       dc.invoice_id is not null as in_collection,
                       """ + InvoiceLeft.leftAmount("k") + """
                           as left_amount
                from picked k
                left join invoice_postponement pp on pp.invoice_id = k.id
                left join invoice_debt_collection dc on dc.invoice_id = k.id and dc.handed_over_on < :asOf
                """ + InvoiceLeft.hashJoin("k") + """
            ), creditors as materialized (
                -- the customers who can have a credit on account: a claim below zero, a payment to the account or a
                -- credit note that names no invoice. Every other customer's claims are all ≥ 0 and its balance is
                -- their sum, so its credit is zero and each claim's open amount is its left amount
                select customer_id from claims where left_amount < 0
                union
                select p.customer_id from payment p
                where p.invoice_id is null and p.customer_id is not null and p.paid_on < :asOf
                union
                select c.customer_id from invoice c
                where c.kind = 'CREDIT_NOTE' and c.credits_invoice_id is null and c.issue_date < :asOf
            ), owing as materialized (
                select distinct c.customer_id from claims c join creditors r on r.customer_id = c.customer_id
                where c.left_amount > 0
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
            ), settled as (
                select c.due_date, c.in_collection, c.left_amount,
                       greatest(sum(c.left_amount) over (partition by c.customer_id) - greatest(b.balance, 0), 0) as credit,
                       coalesce(sum(c.left_amount) over (partition by c.customer_id order by c.due_date, c.invoice_number
                                                         rows between unbounded preceding and 1 preceding), 0) as credit_used_before
                from claims c join balances b on b.customer_id = c.customer_id
                where c.left_amount > 0
            ), open as (
                select due_date, in_collection,
                       left_amount - least(left_amount, greatest(credit - credit_used_before, 0)) as amount
                from settled
                union all
                select c.due_date, c.in_collection, c.left_amount from claims c
                where c.left_amount > 0 and not exists (select 1 from creditors r where r.customer_id = c.customer_id)
            )
            select due_date, in_collection, sum(amount) as amount, count(*) as invoices
            from open where amount > 0
            group by due_date, in_collection""";

    /**
     * The invoices due (due date in force) on days [{@code :from}, {@code :to}) that were a claim — total above zero
     * and not cancelled by a credit note issued before {@code :to} — counted by due date, the day their matched
     * payments first reached the total, the day of their first purring or inkassovarsel (dunning events) and their
     * delivery channel (the placeholder comment {@code channels} is replaced by the {@link DeliveryChannels} port's
     * query). The day paid in full is {@code invoice.paid_in_full_on}: the running sum of the payment rows in payment
     * order, which the database keeps from them in the same transaction (migration {@code V2026_12_03_1400},
     * checked against the rows by {@code InvoicePaidColumnsTest}); summing each due invoice's payment rows here instead
     * cost some 30 µs per invoice, seconds for a month's 200 000.
     */
    private static final String DUE_INVOICES = """
            with due as (
                -- not materialized: one pass over the covering index invoice_due_paid_idx (index-only), the joins
                -- below hashed, no tuple store of a year's two million rows and no sort of them
                select i.id, i.due_date, i.paid_in_full_on from invoice i
                where i.kind = 'INVOICE' and i.total_amount > 0 and i.due_date >= :from and i.due_date < :to
                  and not exists (select 1 from invoice_postponement pp where pp.invoice_id = i.id)
                union all
                -- a postponement only moves a due date later, so these are all the postponed ones due in the period
                select i.id, pp.new_due_date, i.paid_in_full_on
                from invoice_postponement pp join invoice i on i.id = pp.invoice_id
                where i.kind = 'INVOICE' and i.total_amount > 0 and pp.new_due_date >= :from and pp.new_due_date < :to
            ), notices as (
                select e.invoice_id, min(e.day) as first_notice_on from dunning_event e
                -- every first notice, hashed (a filter on the due ids would make the planner materialize them)
                where e.step in ('PURRING', 'INKASSOVARSEL')
                group by e.invoice_id
            )
            select d.due_date, d.paid_in_full_on as settled_on, n.first_notice_on, ch.channel, count(*) as invoices
            from due d
            left join notices n on n.invoice_id = d.id
            left join (/*channels*/) ch on ch.invoice_id = d.id
            where not exists (select 1 from invoice c where c.credits_invoice_id = d.id and c.issue_date < :to)
            group by d.due_date, d.paid_in_full_on, n.first_notice_on, ch.channel""";

}
