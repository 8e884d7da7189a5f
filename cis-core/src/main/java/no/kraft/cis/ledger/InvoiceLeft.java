package no.kraft.cis.ledger;

/**
 * What is left on an invoice — its total + its credit notes + the charges on it − the payments matched to it − what
 * was written off — as one piece of SQL, so the ledger ({@link Ledger}) and the receivables figures (which read it for
 * many invoices at once, as it stood at a day) cannot come to differ on it. Always from the rows themselves: no stored
 * sum is read.
 *
 * <p>A lateral join on an invoice row: one row of the parts per invoice, each summed through its own index (credit
 * notes by {@code credits_invoice_id}, charges, payments and write-offs by {@code invoice_id}), so reading it for a
 * few invoices stays a few index look-ups each. For many invoices at once (the receivables figures' stock) the same
 * parts come as sums made once and hash-joined: {@link #sums}, {@link #hashJoin} and {@link #leftAmount}.
 */
public final class InvoiceLeft {

    private InvoiceLeft() {
    }

    /**
     * {@code cross join lateral (…) <alias>} giving, for the invoice row {@code invoice}, the columns {@code
     * credited_amount} (credit notes, ≤ 0), {@code charges}, {@code paid}, {@code written_off} and {@code left_amount}
     * = total + credited + charges − paid − written off.
     *
     * @param invoice the alias of the invoice row in the query
     * @param alias the alias of the parts
     * @param before {@code null} for everything there is; else a SQL date expression (a parameter such as {@code
     *     :asOf}): only documents issued, charges charged, payments paid and write-offs written off before that day
     */
    public static String join(String invoice, String alias, String before) {
        String credited = before == null ? "" : " and c.issue_date < " + before;
        String charged = before == null ? "" : " and ch.charged_on < " + before;
        String paid = before == null ? "" : " and p.paid_on < " + before;
        String writtenOff = before == null ? "" : " and w.written_off_on < " + before;
        return """
                cross join lateral (
                    select x.credited_amount, x.charges, x.paid, x.written_off,
                           %1$s.total_amount + x.credited_amount + x.charges - x.paid - x.written_off as left_amount
                    from (select
                        coalesce((select sum(c.total_amount) from invoice c
                                  where c.credits_invoice_id = %1$s.id and c.kind = 'CREDIT_NOTE'%3$s), 0) as credited_amount,
                        coalesce((select sum(ch.amount) from invoice_charge ch where ch.invoice_id = %1$s.id%4$s), 0) as charges,
                        coalesce((select sum(p.amount) from payment p where p.invoice_id = %1$s.id%5$s), 0) as paid,
                        coalesce((select sum(w.amount) from invoice_write_off w where w.invoice_id = %1$s.id%6$s), 0)
                            as written_off) x
                ) %2$s
                """.formatted(invoice, alias, credited, charged, paid, writtenOff);
    }

    /**
     * The parts for many invoices at once, as of a day: one {@code with}-list entry, {@code left_adjusted}
     * ({@code invoice_id}, {@code amount}), the invoice's credit notes + charges − write-offs + what was paid on or after
     * the day, each part summed once over its table and added up per invoice — one hash join ({@link #hashJoin}), not
     * a look-up per invoice, nor a join per part. What was paid before the day is the invoice's {@code paid_amount} (all
     * its matched payments, kept by the database from the payment rows) less what was paid on or after it: few rows for
     * a recent day.
     *
     * @param before a SQL date expression (a parameter such as {@code :asOf}): documents issued, charges charged,
     *     payments paid and write-offs written off before that day
     */
    public static String sums(String before) {
        return """
                left_adjusted as (
                    select x.invoice_id, sum(x.amount) as amount from (
                        select c.credits_invoice_id as invoice_id, c.total_amount as amount from invoice c
                        where c.credits_invoice_id is not null and c.kind = 'CREDIT_NOTE' and c.issue_date < %1$s
                        union all
                        select ch.invoice_id, ch.amount from invoice_charge ch where ch.charged_on < %1$s
                        union all
                        select w.invoice_id, -w.amount from invoice_write_off w where w.written_off_on < %1$s
                        union all
                        select p.invoice_id, p.amount from payment p where p.invoice_id is not null and p.paid_on >= %1$s) x
                    group by x.invoice_id
                )""".formatted(before);
    }

    /** The join of {@link #sums} to the invoice row {@code invoice} (which must carry {@code id}). */
    public static String hashJoin(String invoice) {
        return """
                left join left_adjusted adj on adj.invoice_id = %1$s.id
                """.formatted(invoice);
    }

    /**
     * What is left on the invoice row {@code invoice} (which must carry {@code total_amount} and {@code paid_amount})
     * from {@link #hashJoin}'s sum: total − all its payments + (credited + charges − written off + paid on or after the
     * day) = total + credited + charges − paid before the day − written off.
     */
    public static String leftAmount(String invoice) {
        return "%1$s.total_amount - %1$s.paid_amount + coalesce(adj.amount, 0)".formatted(invoice);
    }
}
