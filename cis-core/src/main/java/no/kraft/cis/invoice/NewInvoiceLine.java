package no.kraft.cis.invoice;

import java.math.BigDecimal;
import java.util.Objects;
import no.kraft.cis.period.Period;

/**
 * A line to put on an invoice. Amounts are in NOK with two decimals (øre), already rounded by the caller — the
 * invoice adds them up and never rounds again.
 */
public record NewInvoiceLine(Long meteringPointId, Long deliveryId, String elementCode, String text, Period period,
        BigDecimal quantity, InvoiceLine.Unit unit, BigDecimal unitPrice, BigDecimal netAmount, BigDecimal vatRate,
        BigDecimal vatAmount) {

    public NewInvoiceLine {
        Objects.requireNonNull(text);
        Objects.requireNonNull(period);
        Objects.requireNonNull(unit);
        if (netAmount.scale() > 2 || vatAmount.scale() > 2) {
            throw new IllegalArgumentException("line amounts are whole øre: " + netAmount + " / " + vatAmount);
        }
        quantity = quantity.setScale(3, java.math.RoundingMode.HALF_UP);
        unitPrice = unitPrice.setScale(6, java.math.RoundingMode.HALF_UP);
        netAmount = netAmount.setScale(2);
        vatAmount = vatAmount.setScale(2);
    }

    /** The net amounts of {@code lines} added, to øre. */
    public static BigDecimal netTotal(java.util.List<NewInvoiceLine> lines) {
        return lines.stream().map(NewInvoiceLine::netAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The VAT amounts of {@code lines} added, to øre. */
    public static BigDecimal vatTotal(java.util.List<NewInvoiceLine> lines) {
        return lines.stream().map(NewInvoiceLine::vatAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
