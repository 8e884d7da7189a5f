package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.period.Period;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The receivables rules as the migration seeds them, for the pure tests; and rows for the database tests. */
final class TestData {

    static final StatutoryTerms TERMS_700 = new StatutoryTerms(Period.of(LocalDate.of(2020, 10, 1), LocalDate.of(2026, 1, 1)),
            new BigDecimal("700"), new BigDecimal("0.05"), new BigDecimal("0.15"), 14, 14, 2, "test");
    static final StatutoryTerms TERMS_750 = StatutoryTerms.of(LocalDate.of(2026, 1, 1), new BigDecimal("750"), "test");

    static final List<LateInterestRate> RATES = List.of(
            LateInterestRate.of(LocalDate.of(2025, 1, 1), "12.50", false, "test"),
            LateInterestRate.of(LocalDate.of(2025, 7, 1), "12.25", true, "test"),
            LateInterestRate.of(LocalDate.of(2026, 1, 1), "12.00", false, "test"));

    static final DunningPolicy DEFAULT = new DunningPolicy(true, true, false);
    static final DunningPolicy NO_FEES = new DunningPolicy(false, false, false);
    static final DunningPolicy CHARGE_ALL = new DunningPolicy(true, true, true);

    private TestData() {
    }

    static DunningRules rules(LocalDate day, DunningPolicy policy) {
        return new DunningRules(day.isBefore(TERMS_750.validity().from()) ? TERMS_700 : TERMS_750, RATES, policy);
    }

    static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** An organisation customer with customer number {@code number} (its organisation number: the last nine digits). */
    static long organisation(JdbcClient jdbc, long number, String name) {
        return jdbc.sql("""
                        insert into customer (customer_number, kind, organisation_number, organisation_name, search_name, version,
                            created_at, created_by, updated_at, updated_by)
                        values (:n, 'ORGANISATION', :org, :name, lower(:name), 0, now(), 'test', now(), 'test') returning id""")
                .param("n", number).param("org", Long.toString(number).substring(3)).param("name", name).query(Long.class).single();
    }

    /** An invoice of the customer for the month starting {@code month}, issued 5 February 2026, without VAT. */
    static long invoice(JdbcClient jdbc, long customer, LocalDate month, LocalDate due, BigDecimal total) {
        return jdbc.sql("""
                        insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                            net_amount, vat_amount, total_amount, created_at, created_by, updated_at, updated_by)
                        values ((select coalesce(max(invoice_number), 0) + 1 from invoice), 'INVOICE', :c, :from,
                            :to, date '2026-02-05', :due, '1234', :total, 0, :total, now(), 'test', now(), 'test')
                        returning id""")
                .param("c", customer).param("total", total).param("due", Date.valueOf(due))
                .param("from", Date.valueOf(month)).param("to", Date.valueOf(month.plusMonths(1)))
                .query(Long.class).single();
    }
}
