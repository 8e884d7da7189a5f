package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.kraft.cis.ledger.CreditOnAccount;

/**
 * The receivables figures from plain rows — no Spring, no database. {@link Receivables} reads the rows; a test can
 * write them by hand.
 */
public final class ReceivablesCalculator {

    /** The earliest notice (purring) may be sent 14 days after the due date (inkassoforskriften § 1-2). */
    public static final int NOTICE_DAYS = 14;
    /** The forecast's horizon after {@code to}. */
    public static final int FORECAST_DAYS = 60;

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ReceivablesCalculator() {
    }

    /**
     * An invoice with something left on it at the start of day {@code to}, before the customer's credit on account.
     *
     * @param customerBalance the customer's balance then (documents − payments; positive = owes us), the same on every
     *     row of the customer
     * @param dueDate the due date in force then
     * @param left total + credit notes − own payments, dated before {@code to}
     * @param inCollectionSince when it was handed over to debt collection (before {@code to}), or {@code null}
     */
    public record OpenClaim(long customerId, BigDecimal customerBalance, long invoiceId, long invoiceNumber, LocalDate dueDate,
            BigDecimal left, LocalDate inCollectionSince) {
    }

    /**
     * An invoice due in the period (not cancelled by a credit note before {@code to}, total above zero).
     *
     * @param settledOn the day the payments matched to it first added up to its total; {@code null} while not paid in full
     * @param channel how it was delivered; {@code null} when not known
     * @param firstNoticeOn the day of its first purring or inkassovarsel (a dunning event); {@code null} when none was sent
     */
    public record DueInvoice(long invoiceId, LocalDate dueDate, BigDecimal total, LocalDate settledOn, DeliveryChannel channel,
            LocalDate firstNoticeOn) {

        /** No notice sent. */
        public DueInvoice(long invoiceId, LocalDate dueDate, BigDecimal total, LocalDate settledOn, DeliveryChannel channel) {
            this(invoiceId, dueDate, total, settledOn, channel, null);
        }
    }

    /**
     * Open amounts after the customers' credit on account, summed by due date in force and whether handed over to
     * debt collection — what {@link Receivables} reads in one grouped query instead of a row per invoice.
     *
     * @param amount above zero
     * @param invoices how many invoices' open amounts it sums
     */
    public record OpenAmount(LocalDate dueDate, boolean inCollection, BigDecimal amount, int invoices) {
    }

    /**
     * Invoices due in the period with the same due date, day paid in full, day of first notice and channel, counted —
     * {@link DueInvoice}s as {@link Receivables} reads them in one grouped query.
     */
    public record DueGroup(LocalDate dueDate, LocalDate settledOn, LocalDate firstNoticeOn, DeliveryChannel channel, int invoices) {
    }

    /**
     * @param creditSales invoices less credit notes issued in the period
     * @param deliveries invoices issued in the period by delivery channel
     * @param creditLoss what was written off in the period (invoice_write_off: the part a debt-collection agency closed
     *     as not collectable)
     */
    public record Input(LocalDate from, LocalDate to, LocalDate today, BigDecimal creditSales, List<OpenClaim> claims,
            List<DueInvoice> dueInvoices, Map<DeliveryChannel, Long> deliveries, BigDecimal creditLoss) {

        /** Without write-offs: credit loss 0.00. */
        public Input(LocalDate from, LocalDate to, LocalDate today, BigDecimal creditSales, List<OpenClaim> claims,
                List<DueInvoice> dueInvoices, Map<DeliveryChannel, Long> deliveries) {
            this(from, to, today, creditSales, claims, dueInvoices, deliveries, BigDecimal.ZERO);
        }
    }

    /**
     * The sums the figures are computed from: the open amounts at {@code to} and the invoices due in the period,
     * grouped.
     */
    public record Sums(LocalDate from, LocalDate to, LocalDate today, BigDecimal creditSales, List<OpenAmount> open,
            List<DueGroup> due, Map<DeliveryChannel, Long> deliveries, BigDecimal creditLoss) {
    }

    /** From rows: the customers' credit on account applied here ({@link CreditOnAccount}), then as {@link #figures(Sums)}. */
    public static ReceivablesFigures figures(Input in) {
        List<DueGroup> due = in.dueInvoices().stream()
                .map(d -> new DueGroup(d.dueDate(), d.settledOn(), d.firstNoticeOn(), d.channel(), 1)).toList();
        return figures(new Sums(in.from(), in.to(), in.today(), in.creditSales(), open(in.claims()), due, in.deliveries(),
                in.creditLoss()));
    }

    public static ReceivablesFigures figures(Sums in) {
        List<OpenAmount> open = in.open();
        BigDecimal receivables = sum(open.stream().map(OpenAmount::amount).toList());
        long days = ChronoUnit.DAYS.between(in.from(), in.to());
        BigDecimal sales = in.creditSales().setScale(2, RoundingMode.HALF_UP);
        BigDecimal dso = sales.signum() <= 0 ? null
                : receivables.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);

        return new ReceivablesFigures(in.from(), in.to(), in.today(), new ReceivablesFigures.Dso(receivables, sales, days, dso),
                paidOnTime(in.due(), in.today()), aging(open, in.to()), collection(open),
                in.creditLoss().setScale(2, RoundingMode.HALF_UP),
                deliveries(in.deliveries()), delay(in.due()), forecast(open, in.to()));
    }

    /** The open amounts after each customer's credit on account, one per claim that keeps something open. */
    private static List<OpenAmount> open(List<OpenClaim> claims) {
        Map<Long, List<OpenClaim>> byCustomer = claims.stream()
                .collect(Collectors.groupingBy(OpenClaim::customerId, LinkedHashMap::new, Collectors.toList()));
        List<OpenAmount> open = new ArrayList<>();
        for (List<OpenClaim> ofCustomer : byCustomer.values()) {
            Map<Long, BigDecimal> fromAccount = CreditOnAccount.settled(ofCustomer.stream()
                    .map(c -> new CreditOnAccount.Claim(c.invoiceId(), c.invoiceNumber(), c.dueDate(), c.left())).toList(),
                    ofCustomer.getFirst().customerBalance());
            for (OpenClaim c : ofCustomer) {
                BigDecimal amount = c.left().max(ZERO).subtract(fromAccount.getOrDefault(c.invoiceId(), ZERO)).setScale(2);
                if (amount.signum() > 0) {
                    open.add(new OpenAmount(c.dueDate(), c.inCollectionSince() != null, amount, 1));
                }
            }
        }
        return open;
    }

    /**
     * Paid before any notice: paid in full before the day of its first purring or inkassovarsel — the notices that may
     * carry a fee (the friendly reminder on the due date is not one) — or paid in full with no such notice sent at all.
     * Judged for the invoices whose earliest notice day (due + {@value #NOTICE_DAYS}) has come.
     */
    private static ReceivablesFigures.PaidOnTime paidOnTime(List<DueGroup> due, LocalDate today) {
        int passed = 0;
        int byDueDate = 0;
        int pastNotice = 0;
        int beforeNotice = 0;
        for (DueGroup d : due) {
            if (d.dueDate().isBefore(today)) {
                passed += d.invoices();
                if (d.settledOn() != null && !d.settledOn().isAfter(d.dueDate())) {
                    byDueDate += d.invoices();
                }
            }
            LocalDate noticeDay = d.dueDate().plusDays(NOTICE_DAYS);
            if (!noticeDay.isAfter(today)) {
                pastNotice += d.invoices();
                if (d.settledOn() != null && (d.firstNoticeOn() == null || d.settledOn().isBefore(d.firstNoticeOn()))) {
                    beforeNotice += d.invoices();
                }
            }
        }
        return new ReceivablesFigures.PaidOnTime(passed, byDueDate, share(byDueDate, passed), pastNotice, beforeNotice,
                share(beforeNotice, pastNotice));
    }

    private static ReceivablesFigures.Aging aging(List<OpenAmount> open, LocalDate to) {
        Map<AgingBucket, BigDecimal> amounts = new EnumMap<>(AgingBucket.class);
        Map<AgingBucket, Integer> counts = new EnumMap<>(AgingBucket.class);
        for (OpenAmount o : open) {
            AgingBucket bucket = AgingBucket.of(ChronoUnit.DAYS.between(o.dueDate(), to));
            amounts.merge(bucket, o.amount(), BigDecimal::add);
            counts.merge(bucket, o.invoices(), Integer::sum);
        }
        List<ReceivablesFigures.BucketAmount> buckets = new ArrayList<>();
        BigDecimal overdue = ZERO;
        for (AgingBucket b : AgingBucket.values()) {
            BigDecimal amount = amounts.getOrDefault(b, ZERO);
            buckets.add(new ReceivablesFigures.BucketAmount(b, amount, counts.getOrDefault(b, 0)));
            if (b.overdue()) {
                overdue = overdue.add(amount);
            }
        }
        return new ReceivablesFigures.Aging(sum(open.stream().map(OpenAmount::amount).toList()), overdue, List.copyOf(buckets));
    }

    private static ReceivablesFigures.Collection collection(List<OpenAmount> open) {
        List<OpenAmount> inCollection = open.stream().filter(OpenAmount::inCollection).toList();
        return new ReceivablesFigures.Collection(sum(inCollection.stream().map(OpenAmount::amount).toList()),
                inCollection.stream().mapToInt(OpenAmount::invoices).sum());
    }

    private static ReceivablesFigures.Deliveries deliveries(Map<DeliveryChannel, Long> deliveries) {
        long total = 0;
        long digital = 0;
        List<ReceivablesFigures.ChannelCount> byChannel = new ArrayList<>();
        for (DeliveryChannel c : DeliveryChannel.values()) {
            long n = deliveries.getOrDefault(c, 0L);
            byChannel.add(new ReceivablesFigures.ChannelCount(c, n));
            total += n;
            digital += c.digital() ? n : 0;
        }
        return new ReceivablesFigures.Deliveries(total, digital, share(digital, total), List.copyOf(byChannel));
    }

    private static ReceivablesFigures.PaymentDelay delay(List<DueGroup> due) {
        long days = 0;
        int paid = 0;
        Map<DeliveryChannel, long[]> byChannel = new EnumMap<>(DeliveryChannel.class);
        for (DueGroup d : due) {
            if (d.settledOn() == null) {
                continue;
            }
            long late = Math.max(0, ChronoUnit.DAYS.between(d.dueDate(), d.settledOn()));
            days += late * d.invoices();
            paid += d.invoices();
            if (d.channel() != null) {
                long[] daysAndCount = byChannel.computeIfAbsent(d.channel(), c -> new long[2]);
                daysAndCount[0] += late * d.invoices();
                daysAndCount[1] += d.invoices();
            }
        }
        List<ReceivablesFigures.ChannelDelay> channels = new ArrayList<>();
        for (DeliveryChannel c : DeliveryChannel.values()) {
            long[] daysAndCount = byChannel.getOrDefault(c, new long[2]);
            channels.add(new ReceivablesFigures.ChannelDelay(c, (int) daysAndCount[1], average(daysAndCount[0], daysAndCount[1])));
        }
        return new ReceivablesFigures.PaymentDelay(paid, average(days, paid), List.copyOf(channels));
    }

    private static ReceivablesFigures.Forecast forecast(List<OpenAmount> open, LocalDate to) {
        LocalDate end = to.plusDays(FORECAST_DAYS);
        Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
        for (LocalDate day = to; day.isBefore(end); day = day.plusDays(1)) {
            byDay.put(day, ZERO);
        }
        for (OpenAmount o : open) {
            byDay.computeIfPresent(o.dueDate(), (day, amount) -> amount.add(o.amount()));
        }
        List<ReceivablesFigures.ForecastDay> days = byDay.entrySet().stream()
                .map(e -> new ReceivablesFigures.ForecastDay(e.getKey(), e.getValue())).toList();
        return new ReceivablesFigures.Forecast(to, end, sum(List.copyOf(byDay.values())), days);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(ZERO, BigDecimal::add).setScale(2);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal average(long days, long count) {
        return count == 0 ? null : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
