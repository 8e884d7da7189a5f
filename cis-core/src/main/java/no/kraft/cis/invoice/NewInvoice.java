package no.kraft.cis.invoice;

import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.period.Period;

/** An invoice to issue: a customer's lines for a billing period. */
public record NewInvoice(long customerId, long customerNumber, Period period, LocalDate issueDate, LocalDate dueDate,
        List<NewInvoiceLine> lines, Long billingRunId) {

    public NewInvoice {
        lines = List.copyOf(lines);
        if (period.isOpenEnded() || period.isEmpty()) {
            throw new IllegalArgumentException("a billing period has a start and an end");
        }
    }

    /** The lines' net amounts added (the invoice only adds; each line is rounded once). */
    public java.math.BigDecimal netAmount() {
        return NewInvoiceLine.netTotal(lines);
    }

    public java.math.BigDecimal vatAmount() {
        return NewInvoiceLine.vatTotal(lines);
    }
}
