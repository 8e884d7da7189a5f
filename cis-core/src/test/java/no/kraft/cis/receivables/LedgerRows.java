package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's rows written straight into the database for the receivables' database tests — customers, invoices,
 * credit notes, payments, charges, write-offs, postponements, hand-overs and dunning events — so each test says what
 * it puts there, not how. Invoices and credit notes have no VAT split (net = total) and KID {@code 1234}; the
 * database's own triggers keep what they keep (paid amounts, due date in force, first notice).
 */
record LedgerRows(JdbcClient jdbc) {

    /** An organisation customer with customer number {@code number} (organisation number: its last nine digits). */
    long organisation(long number, String name) {
        return jdbc.sql("""
                        insert into customer (customer_number, kind, organisation_number, organisation_name, search_name, version,
                            created_at, created_by, updated_at, updated_by)
                        values (:n, 'ORGANISATION', :org, :name, lower(:name), 0, now(), 'test', now(), 'test') returning id""")
                .param("n", number).param("org", Long.toString(number).substring(3)).param("name", name).query(Long.class).single();
    }

    /** An invoice for the month starting {@code month} (its own period, so the one-standing-invoice rule holds). */
    long invoice(long customer, LocalDate month, LocalDate issued, LocalDate due, BigDecimal total) {
        return jdbc.sql("""
                        insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                            net_amount, vat_amount, total_amount, created_at, created_by, updated_at, updated_by)
                        values ((select coalesce(max(invoice_number), 0) + 1 from invoice), 'INVOICE', :c, :from, :to,
                            :issued, :due, '1234', :total, 0, :total, now(), 'test', now(), 'test')
                        returning id""")
                .param("c", customer).param("total", total)
                .param("from", Date.valueOf(month)).param("to", Date.valueOf(month.plusMonths(1)))
                .param("issued", Date.valueOf(issued)).param("due", Date.valueOf(due)).query(Long.class).single();
    }

    /** A credit note of {@code total} (below zero) on invoice {@code credits}, marking it credited; or on the account (null). */
    void creditNote(long customer, Long credits, LocalDate issued, BigDecimal total) {
        LocalDate month = issued.withDayOfMonth(1);
        jdbc.sql("""
                        insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                            net_amount, vat_amount, total_amount, credits_invoice_id, created_at, created_by, updated_at, updated_by)
                        values ((select coalesce(max(invoice_number), 0) + 1 from invoice), 'CREDIT_NOTE', :c, :from, :to,
                            :issued, :issued, '1234', :total, 0, :total, :credits, now(), 'test', now(), 'test')""")
                .param("c", customer).param("from", Date.valueOf(month)).param("to", Date.valueOf(month.plusMonths(1)))
                .param("issued", Date.valueOf(issued)).param("total", total).param("credits", credits).update();
        if (credits != null) {
            jdbc.sql("update invoice set credited = true where id = :i").param("i", credits).update();
        }
    }

    /** A payment matched to the invoice, or to the customer's account ({@code invoice} null). */
    void pay(long customer, Long invoice, BigDecimal amount, LocalDate day) {
        jdbc.sql("""
                        insert into payment (bank_reference, paid_on, amount, status, match_rule, customer_id, invoice_id,
                            created_at, created_by, updated_at, updated_by)
                        values (gen_random_uuid()::text, :day, :amount, 'MATCHED', 'MANUAL', :c, :i, now(), 'test', now(), 'test')""")
                .param("day", Date.valueOf(day)).param("amount", amount).param("c", customer).param("i", invoice).update();
    }

    /** A purregebyr of 35.00 charged on the invoice. */
    void charge(long invoice, LocalDate on) {
        jdbc.sql("""
                        insert into invoice_charge (invoice_id, kind, amount, charged_on, reason, created_at, created_by, updated_at, updated_by)
                        values (:i, 'REMINDER_FEE', 35.00, :on, 'purregebyr', now(), 'test', now(), 'test')""")
                .param("i", invoice).param("on", Date.valueOf(on)).update();
    }

    void writeOff(long invoice, BigDecimal amount, LocalDate on) {
        jdbc.sql("""
                        insert into invoice_write_off (invoice_id, amount, written_off_on, reason, source, created_at, created_by,
                            updated_at, updated_by)
                        values (:i, :a, :on, 'not collectable', 'test', now(), 'test', now(), 'test')""")
                .param("i", invoice).param("a", amount).param("on", Date.valueOf(on)).update();
    }

    void postpone(long invoice, LocalDate original, LocalDate newDue, Instant grantedAt) {
        jdbc.sql("""
                        insert into invoice_postponement (invoice_id, original_due_date, new_due_date, reason, created_at, created_by,
                            updated_at, updated_by)
                        values (:i, :original, :due, 'test', :at, 'test', now(), 'test')""")
                .param("i", invoice).param("original", Date.valueOf(original)).param("due", Date.valueOf(newDue))
                .param("at", Timestamp.from(grantedAt)).update();
    }

    void handOver(long invoice, LocalDate on) {
        jdbc.sql("""
                        insert into invoice_debt_collection (invoice_id, handed_over_on, agency, created_at, created_by, updated_at, updated_by)
                        values (:i, :on, 'Test Inkasso', now(), 'test', now(), 'test')""").param("i", invoice).param("on", Date.valueOf(on)).update();
    }

    /** A dunning event of {@code step} (PURRING, INKASSOVARSEL, …) on the day, once per invoice and step. */
    void notice(long invoice, String step, LocalDate day) {
        jdbc.sql("""
                        insert into dunning_event (invoice_id, step, day, actor, created_at) values (:i, :step, :day, 'test', now())
                        on conflict (invoice_id, step) where step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER')
                        do nothing""")
                .param("i", invoice).param("step", step).param("day", Date.valueOf(day)).update();
    }
}
