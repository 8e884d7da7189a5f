package no.kraft.cis.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures' SQL — open amounts, aging and credit on account summed in the database, the day each due invoice was
 * paid in full from its payment rows, the first notice from the dunning events — against a ledger worked out by hand:
 * a partial payment with a charge and a write-off, a paid invoice credited afterwards, a payment dated before its
 * invoice was issued, two postponements granted either side of midnight on the last day of a month in summer time,
 * notices before and after a payment, and a payment on account with a credit note that names no invoice. March 1990,
 * a time no other test writes in (the figures read the whole ledger), on the shared test PostgreSQL. No delivery adapter
 * in cis-core, so no channels.
 */
@SpringBootTest(classes = ReceivablesFiguresSqlTest.Module.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=validate"})
class ReceivablesFiguresSqlTest {

    /** Scans the same packages as {@link DunningRunTest}, whose {@code MovableClock} it then finds (and sets). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"no.kraft.cis.receivables", "no.kraft.cis.ledger", "no.kraft.cis.audit", "no.kraft.cis.period"})
    static class Module {
    }

    @Autowired
    DunningRunTest.MovableClock clock;

    @Autowired
    Receivables receivables;

    @Autowired
    JdbcClient jdbc;

    LedgerRows rows;

    @BeforeEach
    void ledgerRows() {
        rows = new LedgerRows(jdbc);
    }

    static long serial = System.nanoTime() % 1_000_000_000L;

    @Test
    void march1990WorkedByHand() {
        clock.set(LocalDate.of(2026, 12, 1));
        long p = customer("P");
        long q = customer("Q");
        long r = customer("R");

        // P1 1000.00 due 20 Feb: 400.00 paid 10 Mar (part), a 35.00 reminder fee charged 6 Mar, handed over 25 Mar,
        // 100.00 written off 28 Mar → left 1000 + 35 − 400 − 100 = 535.00
        long p1 = invoice(p, 1, "1990-02-01", "1990-02-20", "1000.00");
        pay(p, p1, "400.00", "1990-03-10");
        jdbc.sql("""
                        insert into invoice_charge (invoice_id, kind, amount, charged_on, reason, created_at, created_by, updated_at, updated_by)
                        values (:i, 'REMINDER_FEE', 35.00, date '1990-03-06', 'purregebyr', now(), 'test', now(), 'test')""")
                .param("i", p1).update();
        jdbc.sql("""
                        insert into invoice_debt_collection (invoice_id, handed_over_on, agency, created_at, created_by, updated_at, updated_by)
                        values (:i, date '1990-03-25', 'Test Inkasso', now(), 'test', now(), 'test')""").param("i", p1).update();
        jdbc.sql("""
                        insert into invoice_write_off (invoice_id, amount, written_off_on, reason, source, created_at, created_by,
                            updated_at, updated_by)
                        values (:i, 100.00, date '1990-03-28', 'not collectable', 'test', now(), 'test', now(), 'test')""")
                .param("i", p1).update();
        // P2 500.00 due 20 Mar, paid 15 Mar, then credited 25 Mar (−500.00) → left 500 − 500 − 500 = −500.00, a credit
        long p2 = invoice(p, 2, "1990-03-01", "1990-03-20", "500.00");
        pay(p, p2, "500.00", "1990-03-15");
        creditNote(p, p2, "1990-03-25", "-500.00");
        // P3 300.00 issued 5 Mar, due 25 Mar, paid in full on 1 Mar — before it was issued
        long p3 = invoice(p, 3, "1990-03-05", "1990-03-25", "300.00");
        pay(p, p3, "300.00", "1990-03-01");

        // Q1 800.00 due 10 Mar, postponed to 20 Apr at 1 Apr 00:30 in Oslo (summer time since 25 Mar: 31 Mar 22:30 UTC)
        // — after the start of 1 Apr, so not in force then; Q2 600.00 due 12 Mar, postponed to 15 Apr at 31 Mar 23:30
        // in Oslo (21:30 UTC) — in force. (In winter time, or in UTC, the two would swap or both count.)
        long q1 = invoice(q, 1, "1990-03-01", "1990-03-10", "800.00");
        postpone(q1, "1990-03-10", "1990-04-20", "1990-03-31T22:30:00Z");
        long q2 = invoice(q, 2, "1990-03-02", "1990-03-12", "600.00");
        postpone(q2, "1990-03-12", "1990-04-15", "1990-03-31T21:30:00Z");
        // Q3 400.00 due 5 Mar: purring 19 Mar, paid 25 Mar (after the notice)
        long q3 = invoice(q, 3, "1990-02-15", "1990-03-05", "400.00");
        notice(q3, "PURRING", "1990-03-19");
        pay(q, q3, "400.00", "1990-03-25");
        // Q4 200.00 due 6 Mar: no notice ever, paid 28 Mar (22 days late, but before any notice)
        long q4 = invoice(q, 4, "1990-02-16", "1990-03-06", "200.00");
        pay(q, q4, "200.00", "1990-03-28");
        // Q5 100.00 due 7 Mar: friendly reminder 7 Mar (not a notice that may carry a fee), purring 21 Mar; paid 50.00
        // on 15 Mar and 50.00 on 20 Mar → in full on 20 Mar, the day before the purring
        long q5 = invoice(q, 5, "1990-02-17", "1990-03-07", "100.00");
        notice(q5, "FRIENDLY_REMINDER", "1990-03-07");
        notice(q5, "PURRING", "1990-03-21");
        pay(q, q5, "50.00", "1990-03-15");
        pay(q, q5, "50.00", "1990-03-20");

        // R1 700.00 due 20 Jan and R2 300.00 due 20 Feb, neither paid; 800.00 paid to the account 15 Mar; a credit note
        // of −100.00 naming no invoice 20 Mar → balance 700 + 300 − 800 − 100 = 100.00, credit 1000 − 100 = 900.00
        // settles R1 (oldest due) in full and 200.00 of R2 → R2 100.00 open
        invoice(r, 1, "1990-01-01", "1990-01-20", "700.00");
        invoice(r, 2, "1990-02-01", "1990-02-20", "300.00");
        pay(r, null, "800.00", "1990-03-15");
        creditNote(r, null, "1990-03-20", "-100.00");

        ReceivablesFigures f = receivables.figures(LocalDate.of(1990, 3, 1), LocalDate.of(1990, 4, 1));

        // open at the start of 1 Apr: P: P1 535.00 and P2 −500.00, balance 35.00 → credit 535 − 35 = 500.00 settles
        // P1 → 35.00 (in collection); Q: Q1 800.00 (due 10 Mar), Q2 600.00 (due 15 Apr), balance 1400.00, no credit;
        // R2 100.00. Receivables 35 + 800 + 600 + 100 = 1535.00
        assertThat(f.dso().receivables()).isEqualByComparingTo("1535.00");
        // credit sales in March: P2 500 − 500 + P3 300 + Q1 800 + Q2 600 − R's credit note 100 = 1600.00;
        // DSO 1535 / 1600 × 31 = 29.74 → 29.7
        assertThat(f.dso().creditSales()).isEqualByComparingTo("1600.00");
        assertThat(f.dso().value()).isEqualByComparingTo("29.7");
        // days past due on 1 Apr: P1 40 (31–60), Q1 22 (15–30), Q2 −14 (not due), R2 40 (31–60)
        assertThat(f.aging().buckets()).extracting(b -> b.bucket() + "=" + b.amount() + "/" + b.invoices())
                .containsExactly("NOT_DUE=600.00/1", "DAYS_1_14=0.00/0", "DAYS_15_30=800.00/1", "DAYS_31_60=135.00/2",
                        "DAYS_61_90=0.00/0", "OVER_90=0.00/0");
        assertThat(f.aging().overdue()).isEqualByComparingTo("935.00");
        assertThat(f.collection().amount()).isEqualByComparingTo("35.00");
        assertThat(f.collection().invoices()).isEqualTo(1);
        assertThat(f.creditLoss()).isEqualByComparingTo("100.00");
        // forecast [1 Apr, 31 May): Q2's 600.00 on 15 Apr
        assertThat(f.forecast().days().get(14).dueDate()).isEqualTo(LocalDate.of(1990, 4, 15));
        assertThat(f.forecast().days().get(14).amount()).isEqualByComparingTo("600.00");
        assertThat(f.forecast().total()).isEqualByComparingTo("600.00");

        // due in March (due date in force): P3 (25th), Q3 (5th), Q4 (6th), Q5 (7th); P2 was credited before 1 Apr, Q1 and
        // Q2 were postponed into April. By the due date: P3 only → 1/4. Before any notice: P3 and Q4 (no notice), Q5
        // (20 Mar < purring 21 Mar); not Q3 (25 Mar, purring 19 Mar) → 3/4
        assertThat(f.paidOnTime().invoicesDue()).isEqualTo(4);
        assertThat(f.paidOnTime().paidByDueDate()).isEqualTo(1);
        assertThat(f.paidOnTime().paidByDueDateShare()).isEqualByComparingTo("0.2500");
        assertThat(f.paidOnTime().invoicesPastNoticeDay()).isEqualTo(4);
        assertThat(f.paidOnTime().paidBeforeNotice()).isEqualTo(3);
        assertThat(f.paidOnTime().paidBeforeNoticeShare()).isEqualByComparingTo("0.7500");
        // delay: P3 0 (paid before due), Q3 20, Q4 22, Q5 13 → 55 / 4 = 13.75 → 13.8
        assertThat(f.paymentDelay().paidInvoices()).isEqualTo(4);
        assertThat(f.paymentDelay().averageDays()).isEqualByComparingTo("13.8");
        assertThat(f.paymentDelay().byChannel()).allSatisfy(c -> assertThat(c.paidInvoices()).isZero());
        assertThat(f.deliveries().total()).isZero();
    }

    private long customer(String name) {
        return rows.organisation(800_000_000_000L + serial++, name + " Figures AS");
    }

    /** An invoice for month {@code n} of 1989 (its own period, so the one-standing-invoice rule holds). */
    private long invoice(long customer, int n, String issued, String due, String total) {
        return rows.invoice(customer, LocalDate.of(1989, n, 1), LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(total));
    }

    private void creditNote(long customer, Long credits, String issued, String total) {
        rows.creditNote(customer, credits, LocalDate.parse(issued), new BigDecimal(total));
    }

    private void pay(long customer, Long invoice, String amount, String day) {
        rows.pay(customer, invoice, new BigDecimal(amount), LocalDate.parse(day));
    }

    private void postpone(long invoice, String original, String newDue, String grantedAt) {
        rows.postpone(invoice, LocalDate.parse(original), LocalDate.parse(newDue), Instant.parse(grantedAt));
    }

    private void notice(long invoice, String step, String day) {
        rows.notice(invoice, step, LocalDate.parse(day));
    }
}
