package no.kraft.cis.invoice;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment terms (betalingsfrist) as dated rows ({@code invoice_payment_terms}, migration {@code V2026_12_10_0100}):
 * an invoice issued on a day falls due the row's number of days later. A change of terms is a new row from its first
 * issue day; invoices already issued keep their due date.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class PaymentTerms {

    private final JdbcClient jdbc;

    PaymentTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The due date of an invoice issued on {@code issued}; empty when no row of terms covers that day. */
    public Optional<LocalDate> dueDate(LocalDate issued) {
        return jdbc.sql("""
                        select days from invoice_payment_terms
                        where valid_from <= :day and (valid_to is null or valid_to > :day)""")
                .param("day", Date.valueOf(issued)).query(Integer.class).optional().map(issued::plusDays);
    }
}
