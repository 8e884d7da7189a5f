package no.kraft.cis.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import no.kraft.cis.period.NorwegianTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures summed in SQL ({@link Receivables}) equal the same figures computed in Java row by row ({@link
 * ReceivablesCalculator} from {@link ReceivablesCalculator.OpenClaim}s and {@link ReceivablesCalculator.DueInvoice}s,
 * credit on account by {@code CreditOnAccount}), for random small ledgers: partial, exact, over- and early payments,
 * payments after the day, credit notes on invoices and on the account, payments to the account, charges, write-offs,
 * postponements granted either side of midnight, hand-overs, notices. The Java side reads the plain rows back and adds
 * them up itself. Early 1980, which no other test writes in; each ledger is removed afterwards.
 */
@SpringBootTest(classes = ReceivablesFiguresSqlPropertiesTest.Module.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=validate"})
class ReceivablesFiguresSqlPropertiesTest {

    /** Scans the same packages as {@link DunningRunTest}, whose {@code MovableClock} it then finds (and sets). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"no.kraft.cis.receivables", "no.kraft.cis.ledger", "no.kraft.cis.audit", "no.kraft.cis.period"})
    static class Module {
    }

    static final LocalDate FROM = LocalDate.of(1980, 3, 1);
    static final LocalDate TO = LocalDate.of(1980, 4, 1);
    static final LocalDate TODAY = LocalDate.of(1980, 4, 20);
    static long serial = System.nanoTime() % 1_000_000_000L;

    @Autowired
    Receivables receivables;

    @Autowired
    JdbcClient jdbc;

    LedgerRows rows;

    @BeforeEach
    void ledgerRows() {
        rows = new LedgerRows(jdbc);
    }

    @Autowired
    DunningRunTest.MovableClock clock;

    final List<Long> customers = new ArrayList<>();

    @AfterEach
    void removeTheLedger() {
        String mine = "(select id from invoice where customer_id = any(:c))";
        for (String table : List.of("dunning_event", "invoice_write_off", "invoice_charge", "invoice_debt_collection", "invoice_postponement")) {
            jdbc.sql("delete from " + table + " where invoice_id in " + mine).param("c", ids()).update();
        }
        jdbc.sql("delete from payment where customer_id = any(:c)").param("c", ids()).update();
        jdbc.sql("delete from invoice where customer_id = any(:c) and kind = 'CREDIT_NOTE'").param("c", ids()).update();
        jdbc.sql("delete from invoice where customer_id = any(:c)").param("c", ids()).update();
        jdbc.sql("delete from customer where id = any(:c)").param("c", ids()).update();
        customers.clear();
    }

    @RepeatedTest(25)
    void theSqlSumsAreTheRowByRowFigures() {
        clock.set(TODAY);
        SplittableRandom random = new SplittableRandom();
        int customerCount = 1 + random.nextInt(4);
        for (int c = 0; c < customerCount; c++) {
            long customer = customer();
            customers.add(customer);
            int invoiceCount = 1 + random.nextInt(5);
            for (int n = 1; n <= invoiceCount; n++) {
                LocalDate issued = LocalDate.of(1980, 1, 1).plusDays(random.nextInt(105));
                LocalDate due = issued.plusDays(10 + random.nextInt(16));
                BigDecimal total = cents(random, 5_000, 200_000);
                long invoice = rows.invoice(customer, LocalDate.of(1979, n, 1), issued, due, total);
                int payments = random.nextInt(4);
                for (int k = 0; k < payments; k++) {
                    // a third of them the whole total, the others parts; some before issue, some after the day
                    BigDecimal amount = random.nextInt(3) == 0 ? total : cents(random, 100, total.movePointRight(2).intValue());
                    rows.pay(customer, invoice, amount, issued.plusDays(random.nextInt(-15, 60)));
                }
                if (random.nextInt(6) == 0) {
                    rows.creditNote(customer, invoice, issued.plusDays(random.nextInt(1, 60)), total.negate());
                }
                if (random.nextInt(6) == 0) {
                    rows.charge(invoice, due.plusDays(14 + random.nextInt(10)));
                }
                if (random.nextInt(8) == 0) {
                    rows.writeOff(invoice, cents(random, 100, 5_000), due.plusDays(random.nextInt(10, 50)));
                }
                if (random.nextInt(5) == 0) {
                    // granted either side of midnight before 1 Apr in Oslo (winter time then, +1: 31 Mar 22:30 UTC is
                    // 23:30 on 31 Mar, 23:30 UTC already 1 Apr), or long before
                    Instant at = Instant.parse("1980-03-31T22:30:00Z").plusSeconds(3600L * random.nextInt(0, 2));
                    rows.postpone(invoice, due, due.plusDays(1 + random.nextInt(30)), random.nextBoolean() ? at : Instant.parse("1980-02-01T10:00:00Z"));
                }
                if (random.nextInt(6) == 0) {
                    rows.handOver(invoice, due.plusDays(random.nextInt(10, 45)));
                }
                if (random.nextInt(4) == 0) {
                    rows.notice(invoice, random.nextBoolean() ? "PURRING" : "INKASSOVARSEL", due.plusDays(14 + random.nextInt(10)));
                }
            }
            if (random.nextInt(3) == 0) {
                rows.pay(customer, null, cents(random, 1_000, 100_000), LocalDate.of(1980, 2, 1).plusDays(random.nextInt(70)));
            }
            if (random.nextInt(4) == 0) {
                rows.creditNote(customer, null, LocalDate.of(1980, 2, 1).plusDays(random.nextInt(70)), cents(random, 1_000, 50_000).negate());
            }
        }

        ReceivablesFigures sql = receivables.figures(FROM, TO);
        ReceivablesFigures rows = ReceivablesCalculator.figures(rowByRow());

        assertThat(sql).isEqualTo(rows);
    }

    /** The figures' input from the plain rows, summed here in Java. */
    private ReceivablesCalculator.Input rowByRow() {
        record Doc(long id, long customerId, long number, String kind, LocalDate issued, LocalDate due, BigDecimal total, Long credits) {
        }
        record Pay(Long invoiceId, long customerId, LocalDate paidOn, long id, BigDecimal amount) {
        }
        List<Doc> docs = jdbc.sql("""
                        select id, customer_id, invoice_number, kind, issue_date, due_date, total_amount, credits_invoice_id
                        from invoice where customer_id = any(:c) order by id""").param("c", ids())
                .query((rs, n) -> new Doc(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), (Long) rs.getObject(8)))
                .list();
        List<Pay> pays = jdbc.sql("select invoice_id, customer_id, paid_on, id, amount from payment where customer_id = any(:c) order by paid_on, id")
                .param("c", ids())
                .query((rs, n) -> new Pay((Long) rs.getObject(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
        Map<Long, List<Object[]>> charges = byInvoice("select invoice_id, charged_on, amount from invoice_charge");
        Map<Long, List<Object[]>> writeOffs = byInvoice("select invoice_id, written_off_on, amount from invoice_write_off");
        Map<Long, List<Object[]>> postponed = byInvoice("select invoice_id, created_at::date, new_due_date, created_at from invoice_postponement");
        Map<Long, List<Object[]>> collection = byInvoice("select invoice_id, handed_over_on, null from invoice_debt_collection");
        Map<Long, List<Object[]>> notices = byInvoice(
                "select invoice_id, day, null from dunning_event where step in ('PURRING', 'INKASSOVARSEL')");
        Instant startOfTo = TO.atStartOfDay(NorwegianTime.ZONE).toInstant();

        Map<Long, BigDecimal> balance = new HashMap<>();
        List<ReceivablesCalculator.OpenClaim> claims = new ArrayList<>();
        Map<Long, List<Object[]>> claimsOf = new HashMap<>();
        for (Doc d : docs) {
            if (!d.kind().equals("INVOICE") || !d.issued().isBefore(TO)) {
                continue;
            }
            BigDecimal left = d.total();
            for (Doc c : docs) {
                if (c.kind().equals("CREDIT_NOTE") && Long.valueOf(d.id()).equals(c.credits()) && c.issued().isBefore(TO)) {
                    left = left.add(c.total());
                }
            }
            left = left.add(before(charges.get(d.id()))).subtract(before(writeOffs.get(d.id())));
            for (Pay p : pays) {
                if (Long.valueOf(d.id()).equals(p.invoiceId()) && p.paidOn().isBefore(TO)) {
                    left = left.subtract(p.amount());
                }
            }
            LocalDate due = d.due();
            if (postponed.containsKey(d.id())) {
                Object[] pp = postponed.get(d.id()).getFirst();
                if (((Timestamp) pp[3]).toInstant().isBefore(startOfTo)) {
                    due = ((Date) pp[2]).toLocalDate();
                }
            }
            LocalDate inCollection = null;
            if (collection.containsKey(d.id())) {
                LocalDate on = ((Date) collection.get(d.id()).getFirst()[1]).toLocalDate();
                inCollection = on.isBefore(TO) ? on : null;
            }
            balance.merge(d.customerId(), left, BigDecimal::add);
            claimsOf.computeIfAbsent(d.customerId(), k -> new ArrayList<>())
                    .add(new Object[] {d.id(), d.number(), due, left, inCollection});
        }
        for (Pay p : pays) {
            if (p.invoiceId() == null && p.paidOn().isBefore(TO)) {
                balance.merge(p.customerId(), p.amount().negate(), BigDecimal::add);
            }
        }
        for (Doc c : docs) {
            if (c.kind().equals("CREDIT_NOTE") && c.credits() == null && c.issued().isBefore(TO)) {
                balance.merge(c.customerId(), c.total(), BigDecimal::add);
            }
        }
        for (Map.Entry<Long, List<Object[]>> e : claimsOf.entrySet()) {
            for (Object[] c : e.getValue()) {
                BigDecimal left = (BigDecimal) c[3];
                if (left.signum() > 0) {
                    claims.add(new ReceivablesCalculator.OpenClaim(e.getKey(), balance.get(e.getKey()), (long) c[0], (long) c[1],
                            (LocalDate) c[2], left, (LocalDate) c[4]));
                }
            }
        }

        List<ReceivablesCalculator.DueInvoice> due = new ArrayList<>();
        for (Doc d : docs) {
            if (!d.kind().equals("INVOICE") || d.total().signum() <= 0) {
                continue;
            }
            LocalDate dueDate = postponed.containsKey(d.id()) ? ((Date) postponed.get(d.id()).getFirst()[2]).toLocalDate() : d.due();
            boolean credited = docs.stream().anyMatch(c -> Long.valueOf(d.id()).equals(c.credits()) && c.issued().isBefore(TO));
            if (dueDate.isBefore(FROM) || !dueDate.isBefore(TO) || credited) {
                continue;
            }
            BigDecimal running = BigDecimal.ZERO;
            LocalDate settled = null;
            for (Pay p : pays) {
                if (Long.valueOf(d.id()).equals(p.invoiceId())) {
                    running = running.add(p.amount());
                    if (settled == null && running.compareTo(d.total()) >= 0) {
                        settled = p.paidOn();
                    }
                }
            }
            LocalDate firstNotice = notices.getOrDefault(d.id(), List.of()).stream().map(n -> ((Date) n[1]).toLocalDate())
                    .min(LocalDate::compareTo).orElse(null);
            due.add(new ReceivablesCalculator.DueInvoice(d.id(), dueDate, d.total(), settled, null, firstNotice));
        }

        BigDecimal creditSales = jdbc.sql("select coalesce(sum(total_amount), 0) from invoice where issue_date >= :f and issue_date < :t")
                .param("f", Date.valueOf(FROM)).param("t", Date.valueOf(TO)).query(BigDecimal.class).single();
        BigDecimal creditLoss = writeOffs.values().stream().flatMap(List::stream)
                .filter(w -> !((Date) w[1]).toLocalDate().isBefore(FROM) && ((Date) w[1]).toLocalDate().isBefore(TO))
                .map(w -> (BigDecimal) w[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReceivablesCalculator.Input(FROM, TO, TODAY, creditSales, claims, due, Map.of(), creditLoss);
    }

    private static BigDecimal before(List<Object[]> rows) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object[] r : rows == null ? List.<Object[]>of() : rows) {
            if (((Date) r[1]).toLocalDate().isBefore(TO)) {
                sum = sum.add((BigDecimal) r[2]);
            }
        }
        return sum;
    }

    private Map<Long, List<Object[]>> byInvoice(String select) {
        Map<Long, List<Object[]>> rows = new HashMap<>();
        jdbc.sql("select * from (" + select + ") x where x.invoice_id in (select id from invoice where customer_id = any(:c))").param("c", ids())
                .query((java.sql.ResultSet rs) -> {
                    int columns = rs.getMetaData().getColumnCount();
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(row);
                });
        return rows;
    }

    private Long[] ids() {
        return customers.toArray(Long[]::new);
    }

    private static BigDecimal cents(SplittableRandom random, int from, int to) {
        return BigDecimal.valueOf(random.nextInt(from, Math.max(from + 1, to)), 2);
    }

    private long customer() {
        return rows.organisation(700_000_000_000L + serial++, "Property AS");
    }
}
