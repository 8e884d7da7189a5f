package no.kraft.cis.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code invoice.paid_amount} and {@code paid_in_full_on}, which the database keeps from the payment rows (migration
 * {@code V2026_12_03_1400}): after any mix of inserts, re-matches, amount changes and deletes — one row or many per
 * statement, and from two transactions at once — they equal what the payment rows say. Golden cases first, worked out
 * by hand.
 */
@SpringBootTest(classes = InvoicePaidColumnsTest.Database.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=validate"})
class InvoicePaidColumnsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Database {
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    long customer;
    final List<Long> invoices = new ArrayList<>();
    static long serial = System.nanoTime() % 1_000_000_000L;

    @BeforeEach
    void customerWithThreeInvoices() {
        LedgerRows rows = new LedgerRows(jdbc);
        customer = rows.organisation(900_000_000_000L + serial++, "Trigger AS");
        invoices.clear();
        List<String> totals = List.of("1000.00", "250.50", "80.00");
        for (int m = 0; m < totals.size(); m++) {
            invoices.add(rows.invoice(customer, LocalDate.of(2025, 8 + m, 1), LocalDate.of(2026, 2, 5), LocalDate.of(2026, 2, 19),
                    new BigDecimal(totals.get(m))));
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from payment where customer_id = :c").param("c", customer).update();
        jdbc.sql("delete from invoice where customer_id = :c").param("c", customer).update();
        jdbc.sql("delete from customer where id = :c").param("c", customer).update();
    }

    @Test
    void partPaymentsThenTheRestThenAMoveAndADelete() {
        long a = invoices.get(0);
        long b = invoices.get(1);
        long first = pay(a, "400.00", "2026-02-10");
        assertPaid(a, "400.00", null);
        // 400 + 600 = 1000 reaches the total on 2026-02-25, the later payment's day
        pay(a, "600.00", "2026-02-25");
        assertPaid(a, "1000.00", "2026-02-25");
        // a payment dated before the others: running sum in date order 300 (02-01), 700 (02-10), 1300 (02-25) → 02-25
        long early = pay(a, "300.00", "2026-02-01");
        assertPaid(a, "1300.00", "2026-02-25");
        // the 400 moves to invoice b (250.50): a has 300 + 600 = 900 < 1000; b is paid in full on 02-10
        jdbc.sql("update payment set invoice_id = :b where id = :p").param("b", b).param("p", first).update();
        assertPaid(a, "900.00", null);
        assertPaid(b, "400.00", "2026-02-10");
        // deleting the early 300 leaves a with 600
        jdbc.sql("delete from payment where id = :p").param("p", early).update();
        assertPaid(a, "600.00", null);
        // to the account (no invoice): b has nothing
        jdbc.sql("update payment set invoice_id = null where id = :p").param("p", first).update();
        assertPaid(b, "0.00", null);
    }

    @RepeatedTest(5)
    void anyMixOfChangesLeavesWhatThePaymentsSay() {
        SplittableRandom random = new SplittableRandom();
        List<Long> payments = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            int op = random.nextInt(10);
            if (op < 5 || payments.isEmpty()) {
                payments.add(pay(invoices.get(random.nextInt(3)), amount(random), day(random)));
            } else if (op < 7) {
                jdbc.sql("update payment set invoice_id = :i where id = :p")
                        .param("i", random.nextInt(4) == 0 ? null : invoices.get(random.nextInt(3)))
                        .param("p", payments.get(random.nextInt(payments.size()))).update();
            } else if (op < 8) {
                jdbc.sql("update payment set amount = :a, paid_on = :d where id = :p").param("a", new BigDecimal(amount(random)))
                        .param("d", Date.valueOf(day(random))).param("p", payments.get(random.nextInt(payments.size()))).update();
            } else if (op < 9) {
                // one statement changing many rows
                jdbc.sql("update payment set amount = amount + 1 where customer_id = :c").param("c", customer).update();
            } else {
                jdbc.sql("delete from payment where id = :p").param("p", payments.remove(random.nextInt(payments.size()))).update();
            }
            assertAllAsThePaymentsSay();
        }
    }

    @Test
    void twoTransactionsPayingTheSameInvoiceAtOnce() throws Exception {
        long a = invoices.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // ten rounds of two payments of 50.00 at once: each insert's foreign-key check holds KEY SHARE on the invoice
            // while its trigger locks it — a lock that conflicted with KEY SHARE deadlocked one round in a CI run
            for (int round = 0; round < 10; round++) {
                CountDownLatch ready = new CountDownLatch(2);
                List<Future<?>> done = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    done.add(pool.submit(() -> tx.executeWithoutResult(status -> {
                        ready.countDown();
                        try {
                            ready.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        pay(a, "50.00", "2026-02-12");
                    })));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        // 20 × 50.00 = 1 000.00: no transaction's trigger may have missed another's payment
        assertPaid(a, "1000.00", "2026-02-12");
    }

    @Test
    void aPaymentIsNotHeldUpByAnotherTransactionsForeignKeyCheckOnTheSameInvoice() throws Exception {
        long a = invoices.get(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // another transaction inserting a payment to the invoice holds FOR KEY SHARE on it (its foreign-key check)
            Future<?> other = pool.submit(() -> tx.executeWithoutResult(status -> {
                jdbc.sql("select 1 from invoice where id = :i for key share").param("i", a).query(Integer.class).single();
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            held.await();
            // this payment's trigger locks the invoice: a lock that conflicts with KEY SHARE (FOR UPDATE) would wait here —
            // and, with the other transaction's own trigger waiting for this one's KEY SHARE, deadlock
            tx.executeWithoutResult(status -> {
                jdbc.sql("set local lock_timeout = '3s'").update();
                pay(a, "10.00", "2026-02-13");
            });
            release.countDown();
            other.get();
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertThat(jdbc.sql("select paid_amount from invoice where id = :i").param("i", a).query(BigDecimal.class).single())
                .isEqualByComparingTo(jdbc.sql("select coalesce(sum(amount), 0) from payment where invoice_id = :i").param("i", a)
                        .query(BigDecimal.class).single());
    }

    private long pay(long invoice, String amount, String day) {
        return jdbc.sql("""
                        insert into payment (bank_reference, paid_on, amount, status, match_rule, customer_id, invoice_id,
                            created_at, created_by, updated_at, updated_by)
                        values (gen_random_uuid()::text, :day, :amount, 'MATCHED', 'MANUAL', :c, :i, now(), 'test', now(), 'test')
                        returning id""")
                .param("day", Date.valueOf(day)).param("amount", new BigDecimal(amount)).param("c", customer).param("i", invoice)
                .query(Long.class).single();
    }

    private void assertPaid(long invoice, String paid, String inFullOn) {
        var row = jdbc.sql("select paid_amount, paid_in_full_on from invoice where id = :i").param("i", invoice)
                .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getDate(2)}).single();
        assertThat((BigDecimal) row[0]).as("paid_amount of %d", invoice).isEqualByComparingTo(paid);
        assertThat(row[1] == null ? null : ((Date) row[1]).toLocalDate()).as("paid_in_full_on of %d", invoice)
                .isEqualTo(inFullOn == null ? null : LocalDate.parse(inFullOn));
    }

    /** Recomputed in Java from the payment rows, the same rule: the running sum in (paid_on, id) order. */
    private void assertAllAsThePaymentsSay() {
        for (long invoice : invoices) {
            BigDecimal total = jdbc.sql("select total_amount from invoice where id = :i").param("i", invoice).query(BigDecimal.class).single();
            List<Object[]> rows = jdbc.sql("select amount, paid_on from payment where invoice_id = :i order by paid_on, id")
                    .param("i", invoice).query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getDate(2).toLocalDate()}).list();
            BigDecimal running = BigDecimal.ZERO;
            LocalDate inFull = null;
            for (Object[] r : rows) {
                running = running.add((BigDecimal) r[0]);
                if (inFull == null && running.compareTo(total) >= 0) {
                    inFull = (LocalDate) r[1];
                }
            }
            assertPaid(invoice, running.toPlainString(), inFull == null ? null : inFull.toString());
        }
    }

    private static String amount(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextLong(1, 60_000), 2).toPlainString();
    }

    private static String day(SplittableRandom random) {
        return LocalDate.of(2026, 2, 1).plusDays(random.nextInt(40)).toString();
    }
}
