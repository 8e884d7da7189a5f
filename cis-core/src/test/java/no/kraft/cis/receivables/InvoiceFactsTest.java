package no.kraft.cis.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-invoice facts the receivables figures read (migration {@code V2026_12_08_0100}): {@code postponed_to} and
 * {@code due_in_force} from the postponement row, {@code first_notice_on} from the dunning events (the first purring
 * or inkassovarsel; a friendly reminder is no notice). Golden cases by hand, then random inserts, updates and deletes
 * of the rows — several per statement — after which the columns equal what the rows say.
 */
@SpringBootTest(classes = InvoiceFactsTest.Database.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=validate"})
class InvoiceFactsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Database {
    }

    static final LocalDate DUE = LocalDate.of(2026, 2, 19);
    static long serial = System.nanoTime() % 1_000_000_000L;

    @Autowired
    JdbcClient jdbc;

    long customer;
    final List<Long> invoices = new ArrayList<>();

    @BeforeEach
    void customerWithThreeInvoices() {
        LedgerRows rows = new LedgerRows(jdbc);
        customer = rows.organisation(910_000_000_000L + serial++, "Fakta AS");
        invoices.clear();
        for (int m = 0; m < 3; m++) {
            invoices.add(rows.invoice(customer, LocalDate.of(2025, 8 + m, 1), LocalDate.of(2026, 2, 5), DUE, new BigDecimal("100.00")));
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from dunning_event where invoice_id = any(:i)").param("i", invoices.toArray(Long[]::new)).update();
        jdbc.sql("delete from invoice_postponement where invoice_id = any(:i)").param("i", invoices.toArray(Long[]::new)).update();
        jdbc.sql("delete from invoice where customer_id = :c").param("c", customer).update();
        jdbc.sql("delete from customer where id = :c").param("c", customer).update();
    }

    @Test
    void aPostponementMovesTheDueDateInForceAndTakingItBackMovesItBack() {
        long invoice = invoices.getFirst();
        assertThat(facts(invoice)).containsEntry("due_in_force", DUE).containsEntry("postponed_to", null);

        postpone(invoice, DUE.plusDays(14));
        // 19 February + 14 days = 5 March
        assertThat(facts(invoice)).containsEntry("due_in_force", LocalDate.of(2026, 3, 5))
                .containsEntry("postponed_to", LocalDate.of(2026, 3, 5));
        jdbc.sql("update invoice_postponement set new_due_date = date '2026-03-20' where invoice_id = :i").param("i", invoice).update();
        assertThat(facts(invoice)).containsEntry("due_in_force", LocalDate.of(2026, 3, 20));

        jdbc.sql("delete from invoice_postponement where invoice_id = :i").param("i", invoice).update();
        assertThat(facts(invoice)).containsEntry("due_in_force", DUE).containsEntry("postponed_to", null);
        assertThat(facts(invoices.get(1))).containsEntry("due_in_force", DUE);
    }

    @Test
    void theFirstNoticeIsTheEarliestPurringOrInkassovarselNeverAFriendlyReminder() {
        long invoice = invoices.getFirst();
        event(invoice, "FRIENDLY_REMINDER", DUE);
        assertThat(facts(invoice)).containsEntry("first_notice_on", null);

        event(invoice, "INKASSOVARSEL", DUE.plusDays(28));
        assertThat(facts(invoice)).containsEntry("first_notice_on", LocalDate.of(2026, 3, 19));
        event(invoice, "PURRING", DUE.plusDays(14));
        // the purring came first: 19 February + 14 days = 5 March
        assertThat(facts(invoice)).containsEntry("first_notice_on", LocalDate.of(2026, 3, 5));

        jdbc.sql("delete from dunning_event where invoice_id = :i and step = 'PURRING'").param("i", invoice).update();
        assertThat(facts(invoice)).containsEntry("first_notice_on", LocalDate.of(2026, 3, 19));
        jdbc.sql("update dunning_event set step = 'HAND_OVER' where invoice_id = :i and step = 'INKASSOVARSEL'").param("i", invoice).update();
        assertThat(facts(invoice)).containsEntry("first_notice_on", null);
        assertThat(facts(invoices.get(1))).containsEntry("first_notice_on", null);
    }

    @RepeatedTest(10)
    void afterAnyMixOfRowChangesTheFactsAreWhatTheRowsSay() {
        SplittableRandom random = new SplittableRandom();
        for (int step = 0; step < 12; step++) {
            long invoice = invoices.get(random.nextInt(invoices.size()));
            LocalDate day = DUE.plusDays(random.nextInt(60));
            switch (random.nextInt(6)) {
                case 0 -> jdbc.sql("""
                                insert into invoice_postponement (invoice_id, original_due_date, new_due_date, reason, created_at,
                                    created_by, updated_at, updated_by)
                                values (:i, :due, :new, 'test', now(), 'test', now(), 'test')
                                on conflict (invoice_id) do update set new_due_date = excluded.new_due_date""")
                        .param("i", invoice).param("due", Date.valueOf(DUE)).param("new", Date.valueOf(DUE.plusDays(1 + random.nextInt(30))))
                        .update();
                case 1 -> jdbc.sql("delete from invoice_postponement where invoice_id = :i").param("i", invoice).update();
                case 2 -> {
                    // several invoices' events in one statement, as the dunning run writes them
                    String step1 = random.nextBoolean() ? "PURRING" : "INKASSOVARSEL";
                    jdbc.sql("""
                                    insert into dunning_event (invoice_id, step, day, actor, created_at)
                                    select i, :step, :day, 'test', now() from unnest(cast(:ids as bigint[])) as i
                                    on conflict (invoice_id, step) where step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER')
                                    do nothing""")
                            .param("ids", invoices.subList(0, 1 + random.nextInt(invoices.size())).toArray(Long[]::new))
                            .param("step", step1).param("day", Date.valueOf(day)).update();
                }
                case 3 -> event(invoice, "FRIENDLY_REMINDER", day);
                case 4 -> jdbc.sql("update dunning_event set day = :day where invoice_id = :i").param("i", invoice)
                        .param("day", Date.valueOf(day)).update();
                default -> jdbc.sql("delete from dunning_event where invoice_id = :i and step = :s").param("i", invoice)
                        .param("s", random.nextBoolean() ? "PURRING" : "INKASSOVARSEL").update();
            }
        }
        for (long invoice : invoices) {
            LocalDate postponed = jdbc.sql("select new_due_date from invoice_postponement where invoice_id = :i").param("i", invoice)
                    .query(LocalDate.class).optional().orElse(null);
            LocalDate firstNotice = jdbc.sql("""
                            select min(day) from dunning_event where invoice_id = :i and step in ('PURRING', 'INKASSOVARSEL')""")
                    .param("i", invoice).query((rs, n) -> day(rs.getDate(1))).list().getFirst();
            assertThat(facts(invoice)).containsEntry("postponed_to", postponed)
                    .containsEntry("due_in_force", postponed == null ? DUE : postponed)
                    .containsEntry("first_notice_on", firstNotice);
        }
    }

    private void postpone(long invoice, LocalDate to) {
        jdbc.sql("""
                        insert into invoice_postponement (invoice_id, original_due_date, new_due_date, reason, created_at, created_by,
                            updated_at, updated_by)
                        values (:i, :due, :new, 'test', now(), 'test', now(), 'test')""")
                .param("i", invoice).param("due", Date.valueOf(DUE)).param("new", Date.valueOf(to)).update();
    }

    private void event(long invoice, String step, LocalDate day) {
        BigDecimal fee = step.equals("PURRING") ? new BigDecimal("37.50") : BigDecimal.ZERO;
        jdbc.sql("""
                        insert into dunning_event (invoice_id, step, day, fee, actor, created_at) values (:i, :step, :day, :fee, 'test', now())
                        on conflict (invoice_id, step) where step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER')
                        do nothing""")
                .param("i", invoice).param("step", step).param("day", Date.valueOf(day)).param("fee", fee).update();
    }

    private Map<String, Object> facts(long invoice) {
        return jdbc.sql("select postponed_to, due_in_force, first_notice_on from invoice where id = :i").param("i", invoice)
                .query((rs, n) -> {
                    Map<String, Object> facts = new java.util.HashMap<>();
                    facts.put("postponed_to", day(rs.getDate("postponed_to")));
                    facts.put("due_in_force", day(rs.getDate("due_in_force")));
                    facts.put("first_notice_on", day(rs.getDate("first_notice_on")));
                    return facts;
                }).single();
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
