package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The receivables figures of the days [{@code from}, {@code to}). Money has scale 2, shares 4 decimals (0–1), days 1
 * decimal; a share or an average over nothing is {@code null}.
 *
 * <p>Two kinds of figure: the <b>stock</b> at {@code to} (DSO's receivables, aging, collection, forecast) is the
 * ledger as it stood at the start of day {@code to} — documents issued and payments paid before it; the
 * <b>behaviour</b> of the invoices due in the period (paid on time, before notice, delay) is judged by the payments
 * known {@code today}.
 *
 * @param today the day the figures were computed (the clock's), which decides which invoices' outcomes are known
 */
public record ReceivablesFigures(LocalDate from, LocalDate to, LocalDate today, Dso dso, PaidOnTime paidOnTime,
        Aging aging, Collection collection, BigDecimal creditLoss, Deliveries deliveries, PaymentDelay paymentDelay,
        Forecast forecast) {

    /**
     * Days sales outstanding: {@code receivables ÷ creditSales × days}.
     *
     * @param receivables the open amounts at {@code to} (after credit on account), incl. VAT
     * @param creditSales invoices less credit notes issued in the period, incl. VAT (all sales are on credit)
     * @param days the days in the period ({@code to − from})
     * @param value {@code null} when there were no net credit sales
     */
    public record Dso(BigDecimal receivables, BigDecimal creditSales, long days, BigDecimal value) {
    }

    /**
     * The invoices with due date in the period: paid in full by the due date, and before any notice — before the day
     * of the first purring or inkassovarsel the dunning job recorded, or with none sent (the friendly reminder does not
     * count) — judged once the earliest day a purring may be sent (due + 14) has come.
     *
     * @param invoicesDue invoices due in the period, before {@code today} (their due date has passed)
     * @param invoicesPastNoticeDay of those, the ones whose earliest notice day (due + 14) is {@code today} or earlier
     */
    public record PaidOnTime(int invoicesDue, int paidByDueDate, BigDecimal paidByDueDateShare, int invoicesPastNoticeDay,
            int paidBeforeNotice, BigDecimal paidBeforeNoticeShare) {
    }

    /** The open amount at {@code to} and the overdue part of it, by bucket (every bucket listed, in order). */
    public record Aging(BigDecimal open, BigDecimal overdue, List<BucketAmount> buckets) {
    }

    public record BucketAmount(AgingBucket bucket, BigDecimal amount, int invoices) {
    }

    /** The open amount at {@code to} of invoices handed over to debt collection before {@code to}. */
    public record Collection(BigDecimal amount, int invoices) {
    }

    /** Invoices issued in the period by delivery channel, and the digital (e-mail, SMS, EHF) share. */
    public record Deliveries(long total, long digital, BigDecimal digitalShare, List<ChannelCount> byChannel) {
    }

    public record ChannelCount(DeliveryChannel channel, long deliveries) {
    }

    /**
     * Days from due date to the day an invoice due in the period was paid in full (0 when paid on or before it), over
     * the invoices paid; by delivery channel (invoices with no known channel count only in the total).
     */
    public record PaymentDelay(int paidInvoices, BigDecimal averageDays, List<ChannelDelay> byChannel) {
    }

    public record ChannelDelay(DeliveryChannel channel, int paidInvoices, BigDecimal averageDays) {
    }

    /**
     * The open amounts at {@code to} by due date, every day of [{@code from}, {@code to}) = [period's {@code to}, +60
     * days). Overdue amounts are not forecast: they have no due date left to expect them on (they are in the aging).
     */
    public record Forecast(LocalDate from, LocalDate to, BigDecimal total, List<ForecastDay> days) {
    }

    public record ForecastDay(LocalDate dueDate, BigDecimal amount) {
    }
}
