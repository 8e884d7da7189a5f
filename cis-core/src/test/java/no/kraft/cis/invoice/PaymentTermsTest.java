package no.kraft.cis.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment terms as dated rows: the seeded 14 days, a change of terms from a day (the old row closed there, a new
 * one from it), a gap in the rows (no due date, so billing refuses), and an overlap (refused by the database). Every
 * case runs in a transaction that is rolled back, so the seeded terms stay as they are for other tests.
 */
@SpringBootTest(classes = PaymentTermsTest.Database.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=none"})
class PaymentTermsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PaymentTerms.class)
    static class Database {
    }

    @Autowired
    PaymentTerms terms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theSeededTermsAre14DaysFromTheIssueDate() {
        // 15 March 2026 + 14 days = 29 March; 20 December + 14 = 3 January over the new year
        assertThat(terms.dueDate(LocalDate.of(2026, 3, 15))).contains(LocalDate.of(2026, 3, 29));
        assertThat(terms.dueDate(LocalDate.of(2026, 12, 20))).contains(LocalDate.of(2027, 1, 3));
    }

    @Test
    void aChangeOfTermsAppliesFromItsFirstIssueDay() {
        inRolledBackTransaction(() -> {
            changeTo(LocalDate.of(2027, 1, 1), 20);
            // the last day of the old terms: 31 Dec 2026 + 14 = 14 Jan 2027; the first of the new: 1 Jan + 20 = 21 Jan
            assertThat(terms.dueDate(LocalDate.of(2026, 12, 31))).contains(LocalDate.of(2027, 1, 14));
            assertThat(terms.dueDate(LocalDate.of(2027, 1, 1))).contains(LocalDate.of(2027, 1, 21));
        });
    }

    @Test
    void aDayNoRowCoversHasNoDueDate() {
        inRolledBackTransaction(() -> {
            jdbc.sql("update invoice_payment_terms set valid_to = date '2027-01-01' where valid_to is null").update();
            assertThat(terms.dueDate(LocalDate.of(2026, 12, 31))).isPresent();
            assertThat(terms.dueDate(LocalDate.of(2027, 1, 1))).isEmpty();
            assertThat(terms.dueDate(LocalDate.of(1999, 12, 31))).isEmpty();
        });
    }

    @Test
    void overlappingTermsAreRefused() {
        inRolledBackTransaction(() -> {
            jdbc.sql("set constraints all immediate").update();
            assertThatThrownBy(() -> jdbc.sql("""
                            insert into invoice_payment_terms (valid_from, days, source, created_at, created_by)
                            values (date '2027-01-01', 20, 'test', now(), 'test')""").update())
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("invoice_payment_terms_no_overlap");
        });
    }

    private void changeTo(LocalDate from, int days) {
        jdbc.sql("update invoice_payment_terms set valid_to = :from where valid_to is null").param("from", java.sql.Date.valueOf(from)).update();
        jdbc.sql("""
                        insert into invoice_payment_terms (valid_from, days, source, created_at, created_by)
                        values (:from, :days, 'test', now(), 'test')""")
                .param("from", java.sql.Date.valueOf(from)).param("days", days).update();
    }

    private void inRolledBackTransaction(Runnable body) {
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            body.run();
        });
    }
}
