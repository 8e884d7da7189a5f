package no.kraft.cis.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import no.kraft.cis.receivables.ReceivablesCalculator.DueInvoice;
import no.kraft.cis.receivables.ReceivablesCalculator.Input;
import no.kraft.cis.receivables.ReceivablesCalculator.OpenClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The receivables figures from rows written by hand: a small ledger, the aging boundaries, and properties. */
class ReceivablesCalculatorTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 2, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    static OpenClaim claim(long customer, String balance, long invoice, LocalDate due, String left, LocalDate collection) {
        return new OpenClaim(customer, nok(balance), invoice, invoice, due, nok(left), collection);
    }

    static ReceivablesFigures figures(BigDecimal sales, List<OpenClaim> claims, List<DueInvoice> due, Map<DeliveryChannel, Long> deliveries) {
        return ReceivablesCalculator.figures(new Input(FROM, TO, TODAY, sales, claims, due, deliveries));
    }

    static BigDecimal bucket(ReceivablesFigures f, AgingBucket b) {
        return f.aging().buckets().stream().filter(x -> x.bucket() == b).findFirst().orElseThrow().amount();
    }

    @Test
    void aSmallLedgerWorkedByHand() {
        // January 2026, 31 days; the figures taken at the start of 1 February.
        // Customer 1: invoice 11 due 10 Jan, 1000.00 left; invoice 12 due 20 Feb, 600.00 left. Balance 1600.00: no credit.
        // Customer 2: invoice 21 due 25 Jan, 500.00 left, in collection since 28 Jan; invoice 22 due 1 Feb, 300.00 left;
        //   balance 650.00 (150.00 paid on account) → credit = 800.00 − 650.00 = 150.00, settles the oldest due first:
        //   invoice 21 → 350.00 open, invoice 22 stays 300.00.
        // Customer 3: invoice 31 due 1 Oct 2025, 200.00 left, balance 200.00.
        List<OpenClaim> claims = List.of(
                claim(1, "1600.00", 11, LocalDate.of(2026, 1, 10), "1000.00", null),
                claim(1, "1600.00", 12, LocalDate.of(2026, 2, 20), "600.00", null),
                claim(2, "650.00", 21, LocalDate.of(2026, 1, 25), "500.00", LocalDate.of(2026, 1, 28)),
                claim(2, "650.00", 22, LocalDate.of(2026, 2, 1), "300.00", null),
                claim(3, "200.00", 31, LocalDate.of(2025, 10, 1), "200.00", null));
        // Due in January: 41 (due 5 Jan, paid 5 Jan, e-mail), 42 (due 10 Jan, paid 20 Jan, paper), 43 (due 15 Jan, purring
        // 29 Jan, paid 2 Feb, SMS), 11 (due 10 Jan, not paid, e-mail)
        List<DueInvoice> due = List.of(
                new DueInvoice(41, LocalDate.of(2026, 1, 5), nok("400.00"), LocalDate.of(2026, 1, 5), DeliveryChannel.EMAIL),
                new DueInvoice(42, LocalDate.of(2026, 1, 10), nok("700.00"), LocalDate.of(2026, 1, 20), DeliveryChannel.PAPER),
                new DueInvoice(43, LocalDate.of(2026, 1, 15), nok("250.00"), LocalDate.of(2026, 2, 2), DeliveryChannel.SMS,
                        LocalDate.of(2026, 1, 29)),
                new DueInvoice(11, LocalDate.of(2026, 1, 10), nok("1000.00"), null, DeliveryChannel.EMAIL));

        ReceivablesFigures f = figures(nok("2500.00"), claims, due,
                Map.of(DeliveryChannel.EMAIL, 5L, DeliveryChannel.SMS, 2L, DeliveryChannel.EHF, 1L, DeliveryChannel.PAPER, 2L));

        // receivables = 1000 + 600 + 350 + 300 + 200 = 2450.00; DSO = 2450 / 2500 × 31 = 30.38 → 30.4
        assertThat(f.dso().receivables()).isEqualByComparingTo("2450.00");
        assertThat(f.dso().days()).isEqualTo(31);
        assertThat(f.dso().value()).isEqualByComparingTo("30.4");
        // days past due on 1 Feb: 11 → 22 (15–30), 12 → −19 (not due), 21 → 7 (1–14), 22 → 0 (not due: due today),
        // 31 → 123 (> 90)
        assertThat(bucket(f, AgingBucket.NOT_DUE)).isEqualByComparingTo("900.00");
        assertThat(bucket(f, AgingBucket.DAYS_1_14)).isEqualByComparingTo("350.00");
        assertThat(bucket(f, AgingBucket.DAYS_15_30)).isEqualByComparingTo("1000.00");
        assertThat(bucket(f, AgingBucket.DAYS_31_60)).isEqualByComparingTo("0.00");
        assertThat(bucket(f, AgingBucket.DAYS_61_90)).isEqualByComparingTo("0.00");
        assertThat(bucket(f, AgingBucket.OVER_90)).isEqualByComparingTo("200.00");
        // overdue = 350 + 1000 + 200 = 1550.00
        assertThat(f.aging().open()).isEqualByComparingTo("2450.00");
        assertThat(f.aging().overdue()).isEqualByComparingTo("1550.00");
        assertThat(f.collection().amount()).isEqualByComparingTo("350.00");
        assertThat(f.collection().invoices()).isEqualTo(1);
        assertThat(f.creditLoss()).isEqualByComparingTo("0.00");
        // by the due date: 41 only → 1/4; before any notice (paid in full before the first purring, or with none sent):
        // 41 and 42 (no notice), not 43 (2 Feb, purring 29 Jan), not 11 (unpaid) → 2/4
        assertThat(f.paidOnTime().invoicesDue()).isEqualTo(4);
        assertThat(f.paidOnTime().paidByDueDateShare()).isEqualByComparingTo("0.2500");
        assertThat(f.paidOnTime().paidBeforeNoticeShare()).isEqualByComparingTo("0.5000");
        // delay: 41 → 0, 42 → 10, 43 → 18 (15 Jan → 2 Feb); (0 + 10 + 18) / 3 = 9.33 → 9.3
        assertThat(f.paymentDelay().paidInvoices()).isEqualTo(3);
        assertThat(f.paymentDelay().averageDays()).isEqualByComparingTo("9.3");
        assertThat(f.paymentDelay().byChannel()).extracting(ReceivablesFigures.ChannelDelay::averageDays)
                .containsExactly(new BigDecimal("0.0"), new BigDecimal("18.0"), null, new BigDecimal("10.0"));
        // deliveries: (5 + 2 + 1) / 10 = 0.8000
        assertThat(f.deliveries().total()).isEqualTo(10);
        assertThat(f.deliveries().digitalShare()).isEqualByComparingTo("0.8000");
        // forecast [1 Feb, 2 Apr): 22 on 1 Feb (300.00), 12 on 20 Feb (600.00); overdue ones not forecast
        assertThat(f.forecast().days()).hasSize(60);
        assertThat(f.forecast().to()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(f.forecast().days().getFirst().amount()).isEqualByComparingTo("300.00");
        assertThat(f.forecast().days().get(19).dueDate()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(f.forecast().days().get(19).amount()).isEqualByComparingTo("600.00");
        assertThat(f.forecast().total()).isEqualByComparingTo("900.00");
    }

    @ParameterizedTest(name = "{0} days past due → {1}")
    @CsvSource({"-5, NOT_DUE", "0, NOT_DUE", "1, DAYS_1_14", "14, DAYS_1_14", "15, DAYS_15_30", "30, DAYS_15_30", "31, DAYS_31_60",
            "60, DAYS_31_60", "61, DAYS_61_90", "90, DAYS_61_90", "91, OVER_90", "400, OVER_90"})
    void agingBoundaries(int daysPastDue, AgingBucket expected) {
        assertThat(AgingBucket.of(daysPastDue)).isEqualTo(expected);
        // and through the calculator: an invoice due that many days before the figures' day
        ReceivablesFigures f = figures(nok("100.00"), List.of(claim(1, "100.00", 1, TO.minusDays(daysPastDue), "100.00", null)),
                List.of(), Map.of());
        assertThat(bucket(f, expected)).isEqualByComparingTo("100.00");
        assertThat(f.aging().overdue()).isEqualByComparingTo(expected.overdue() ? "100.00" : "0.00");
    }

    @Test
    void nothingToMeasureGivesNullsNotZeros() {
        ReceivablesFigures f = figures(BigDecimal.ZERO, List.of(), List.of(), Map.of());
        assertThat(f.dso().value()).isNull();
        assertThat(f.paidOnTime().paidByDueDateShare()).isNull();
        assertThat(f.paymentDelay().averageDays()).isNull();
        assertThat(f.deliveries().digitalShare()).isNull();
        assertThat(f.aging().open()).isEqualByComparingTo("0.00");
        assertThat(f.forecast().total()).isEqualByComparingTo("0.00");
    }

    @Test
    void anInvoiceWhoseNoticeDayHasNotComeIsNotJudgedBeforeNotice() {
        // due 5 Mar, today 15 Mar: due date passed (counted for "by due date"), notice day 19 Mar not yet
        DueInvoice recent = new DueInvoice(1, LocalDate.of(2026, 3, 5), nok("100.00"), null, null);
        ReceivablesFigures f = ReceivablesCalculator.figures(new Input(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10), TODAY,
                nok("100.00"), List.of(), List.of(recent), Map.of()));
        assertThat(f.paidOnTime().invoicesDue()).isEqualTo(1);
        assertThat(f.paidOnTime().paidByDueDateShare()).isEqualByComparingTo("0.0000");
        assertThat(f.paidOnTime().invoicesPastNoticeDay()).isZero();
        assertThat(f.paidOnTime().paidBeforeNoticeShare()).isNull();
    }

    @Property(tries = 300)
    void bucketsAddUpToTheOpenTotalAndSharesLieBetweenZeroAndOne(@ForAll("claims") @Size(max = 30) List<OpenClaim> claims,
            @ForAll("dueInvoices") @Size(max = 30) List<DueInvoice> due, @ForAll @IntRange(min = 0, max = 50) int email,
            @ForAll @IntRange(min = 0, max = 50) int paper) {
        ReceivablesFigures f = figures(nok("1000.00"), claims, due, Map.of(DeliveryChannel.EMAIL, (long) email, DeliveryChannel.PAPER, (long) paper));

        BigDecimal buckets = f.aging().buckets().stream().map(ReceivablesFigures.BucketAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(buckets).isEqualByComparingTo(f.aging().open());
        assertThat(f.aging().open()).isEqualByComparingTo(f.dso().receivables());
        assertThat(f.aging().overdue()).isEqualByComparingTo(f.aging().open().subtract(bucket(f, AgingBucket.NOT_DUE)));
        assertThat(f.collection().amount()).isLessThanOrEqualTo(f.aging().open());
        assertThat(f.forecast().total()).isLessThanOrEqualTo(bucket(f, AgingBucket.NOT_DUE));
        // the open amounts never exceed what each customer owes (credit on account is applied)
        BigDecimal owed = claims.stream().collect(java.util.stream.Collectors.toMap(OpenClaim::customerId, c -> c.customerBalance().max(BigDecimal.ZERO),
                (a, b) -> a)).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(f.aging().open()).isLessThanOrEqualTo(owed);
        for (BigDecimal share : new BigDecimal[] {f.paidOnTime().paidByDueDateShare(), f.paidOnTime().paidBeforeNoticeShare(),
                f.deliveries().digitalShare()}) {
            if (share != null) {
                assertThat(share).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                assertThat(share.scale()).isEqualTo(4);
            }
        }
        assertThat(f.paidOnTime().paidBeforeNotice()).isLessThanOrEqualTo(f.paidOnTime().invoicesPastNoticeDay());
        assertThat(f.aging().open().scale()).isEqualTo(2);
        if (f.paymentDelay().averageDays() != null) {
            assertThat(f.paymentDelay().averageDays()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }

    @Provide
    Arbitrary<List<OpenClaim>> claims() {
        Arbitrary<OpenClaim> claim = Combinators.combine(Arbitraries.longs().between(1, 5), Arbitraries.integers().between(-500_00, 5000_00),
                Arbitraries.integers().between(-200, 100), Arbitraries.integers().between(1, 3000_00), Arbitraries.of(true, false))
                .as((customer, balance, dueOffset, left, collection) -> new OpenClaim(customer, BigDecimal.valueOf(balance, 2),
                        0, 0, TO.plusDays(dueOffset), BigDecimal.valueOf(left, 2), collection ? TO.minusDays(1) : null));
        return claim.list().map(list -> {
            // one balance per customer, and unique invoice ids, as the query gives them
            java.util.Map<Long, BigDecimal> balance = new java.util.HashMap<>();
            List<OpenClaim> rows = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                OpenClaim c = list.get(i);
                BigDecimal b = balance.computeIfAbsent(c.customerId(), k -> c.customerBalance());
                rows.add(new OpenClaim(c.customerId(), b, i + 1, i + 1, c.dueDate(), c.left(), c.inCollectionSince()));
            }
            return rows;
        });
    }

    @Provide
    Arbitrary<List<DueInvoice>> dueInvoices() {
        return Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(-20, 120).injectNull(0.3),
                Arbitraries.of(DeliveryChannel.class).injectNull(0.2))
                .as((dueDay, paidAfter, channel) -> new DueInvoice(dueDay, FROM.plusDays(dueDay), new BigDecimal("100.00"),
                        paidAfter == null ? null : FROM.plusDays(dueDay + paidAfter), channel))
                .list();
    }
}
