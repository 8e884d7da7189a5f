package no.kraft.cis.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment as staff see it. {@code rule}, {@code customerNumber} and {@code invoiceNumber} are null until matched. */
public record PaymentView(long id, String bankReference, LocalDate paidOn, BigDecimal amount, String kid, String payerName,
        String payerAccount, String status, MatchRule rule, Long customerNumber, Long invoiceNumber, String heldReason) {
}
