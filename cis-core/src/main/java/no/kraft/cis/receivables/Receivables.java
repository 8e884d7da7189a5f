package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.ledger.InvoiceLeft;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the receivables figures need — the amounts open at the period's end, the period's credit sales and credit
 * loss, the invoices due in it with the day each was paid in full — in set-based queries that sum in the database and
 * return a few hundred rows (no query per customer or invoice, no row per invoice carried to Java), and lets {@link
 * ReceivablesCalculator} compute. The period reads are one index range scan each over per-invoice facts the database
 * keeps from their rows (due date in force, day paid in full, first notice, delivery channel: migrations {@code
 * V2026_12_03_1400} and {@code V2026_12_08_0100}), grouped in the index's order. Read in one read-only transaction, so
 * the queries see the same snapshot.
 */
@Service
@Transactional(readOnly = true)
public class Receivables {

    /** The longest period the figures are computed for: a dashboard's two years, not all history at once. */
    public static final int MAX_YEARS = 2;

    private final JdbcClient jdbc;
    private final Clock clock;

    Receivables(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
        Issued issued = issued(from, to);
        // credit loss: what was written off (given up after debt collection) on days [from, to)
        BigDecimal creditLoss = jdbc.sql("""
                        select coalesce(sum(amount), 0) from invoice_write_off where written_off_on >= :from and written_off_on < :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(BigDecimal.class).single();
        List<ReceivablesCalculator.DueGroup> due = jdbc.sql(DUE_INVOICES)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new ReceivablesCalculator.DueGroup(rs.getDate("due_date").toLocalDate(), day(rs.getDate("settled_on")),
                        day(rs.getDate("first_notice_on")), channel(rs.getString("channel")), rs.getInt("invoices")))
                .list();
        return ReceivablesCalculator.figures(new ReceivablesCalculator.Sums(from, to, NorwegianTime.today(clock), issued.creditSales(),
                open, due, issued.deliveries(), creditLoss));
    }

    /** The period's credit sales (invoices and credit notes issued) and its invoices by delivery channel. */
    private record Issued(BigDecimal creditSales, Map<DeliveryChannel, Long> deliveries) {
    }

    private Issued issued(LocalDate from, LocalDate to) {
        BigDecimal[] sales = {BigDecimal.ZERO};
        Map<DeliveryChannel, Long> deliveries = new EnumMap<>(DeliveryChannel.class);
        jdbc.sql(ISSUED).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query((ResultSet rs) -> {
            sales[0] = sales[0].add(rs.getBigDecimal("amount"));
            DeliveryChannel channel = channel(rs.getString("channel"));
            if (channel != null && "INVOICE".equals(rs.getString("kind"))) {
                deliveries.merge(channel, rs.getLong("invoices"), Long::sum);
            }
        });
        return new Issued(sales[0], deliveries);
    }

    private static DeliveryChannel channel(String name) {
        return name == null ? null : DeliveryChannel.valueOf(name);
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /**
     * What was issued on days [{@code :from}, {@code :to}) — invoices and credit notes, by kind and delivery channel
     * ({@code invoice.delivery_channel}, which the invoice-delivery adapter keeps; null without it): the sum and the
     * count. Grouped by issue day first, so the range scan over {@code invoice_issued_facts_idx} (index-only) groups in
     * its own order; then the few hundred rows again.
     */
    private static final String ISSUED = """
            select d.kind, d.delivery_channel as channel, sum(d.amount) as amount, sum(d.invoices) as invoices from (
                select i.issue_date, i.kind, i.delivery_channel, sum(i.total_amount) as amount, count(*) as invoices
                from invoice i where i.issue_date >= :from and i.issue_date < :to
                group by i.issue_date, i.kind, i.delivery_channel) d
            group by d.kind, d.delivery_channel""";

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
                -- the invoices that can have something left at any day, or be a credit: index-only over the partial
                -- index invoice_open_pick_idx (its columns are what is needed here) …
                select i.id, i.customer_id, i.invoice_number, i.due_date, i.total_amount, i.paid_amount from invoice i
                where i.kind = 'INVOICE' and i.issue_date < :asOf
                  and (i.paid_in_full_on is null or i.paid_amount > i.total_amount or (i.credited and i.paid_amount > 0))
                union all
                -- … those paid in full only on or after the day (few, for a recent day) …
                select i.id, i.customer_id, i.invoice_number, i.due_date, i.total_amount, i.paid_amount from invoice i
                where i.kind = 'INVOICE' and i.issue_date < :asOf and i.paid_in_full_on >= :asOf
                  and not (i.paid_amount > i.total_amount or (i.credited and i.paid_amount > 0))
                union all
                -- … and those paid in full before it with a dunning charge or a write-off by then (three disjoint parts)
                select i.id, i.customer_id, i.invoice_number, i.due_date, i.total_amount, i.paid_amount
                from (select invoice_id from invoice_charge where charged_on < :asOf
                      union
                      select invoice_id from invoice_write_off where written_off_on < :asOf) x
                join invoice i on i.id = x.invoice_id
                where i.kind = 'INVOICE' and i.issue_date < :asOf and i.paid_in_full_on < :asOf
                  and not (i.paid_amount > i.total_amount or (i.credited and i.paid_amount > 0))
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
     * payments first reached the total, the day of their first purring or inkassovarsel and their delivery channel.
     * All four are columns of the invoice the database keeps from their rows in the same transaction ({@code
     * due_in_force}, {@code paid_in_full_on}, {@code first_notice_on}, {@code delivery_channel}; migrations {@code
     * V2026_12_03_1400} and {@code V2026_12_08_0100}, checked against the rows by {@code InvoicePaidColumnsTest} and
     * {@code InvoiceFactsTest}), so a year's two million invoices are one index-only range scan over {@code
     * invoice_due_facts_idx} in the grouping's order — no join per invoice. That index leaves credited invoices out;
     * the second part counts those whose credit note came on or after {@code :to} (for a recent period, none). A group
     * may come twice (once from each part): the calculator adds them up.
     */
    private static final String DUE_INVOICES = """
            select i.due_in_force as due_date, i.paid_in_full_on as settled_on, i.first_notice_on,
                   i.delivery_channel as channel, count(*) as invoices
            from invoice i
            where i.kind = 'INVOICE' and i.total_amount > 0 and not i.credited
              and i.due_in_force >= :from and i.due_in_force < :to
            group by i.due_in_force, i.paid_in_full_on, i.first_notice_on, i.delivery_channel
            union all
            select i.due_in_force, i.paid_in_full_on, i.first_notice_on, i.delivery_channel, count(*)
            from invoice c join invoice i on i.id = c.credits_invoice_id
            where c.credits_invoice_id is not null and c.issue_date >= :to
              and i.kind = 'INVOICE' and i.total_amount > 0 and i.due_in_force >= :from and i.due_in_force < :to
            group by i.due_in_force, i.paid_in_full_on, i.first_notice_on, i.delivery_channel""";

}
