package no.kraft.cis.receivables;

import static no.kraft.cis.receivables.TestData.CHARGE_ALL;
import static no.kraft.cis.receivables.TestData.DEFAULT;
import static no.kraft.cis.receivables.TestData.NO_FEES;
import static no.kraft.cis.receivables.TestData.day;
import static no.kraft.cis.receivables.TestData.nok;
import static no.kraft.cis.receivables.TestData.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import no.kraft.cis.receivables.DunningDecision.Action;
import no.kraft.cis.receivables.DunningDecision.FeeRule;
import no.kraft.cis.receivables.DunningDecision.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DunningStepsTest {

    private static DunningDecision on(DunningCase claim, String today, DunningPolicy policy) {
        return DunningSteps.decide(claim, rules(day(today), policy), day(today));
    }

    private static DunningDecision on(DunningCase claim, String today) {
        return on(claim, today, DEFAULT);
    }

    /** Records the step as the job would: the notice it sent, with its deadline and fee. */
    private static DunningCase sent(DunningCase claim, DunningDecision decision, String on) {
        NoticeKind kind = NoticeKind.valueOf(decision.action().name());
        return claim.withNotice(new SentNotice(kind, day(on), decision.deadline(), decision.fee()));
    }

    /**
     * NOK 1 000 due Wednesday 2025-12-10, never paid, interest charged.
     *   2025-12-10 friendly reminder, no fee, no interest yet
     *   2025-12-24 (due + 14) purring, fee 35.00 (1/20 of 700), deadline 2026-01-07 (+14, a Wednesday);
     *     interest 12-11 … 12-24 = 14 days × 1000 × 12.25 / 36 500 = 171 500 / 36 500 = 4.698… → 4.70
     *   2026-01-08 (deadline lapsed) inkassovarsel, fee 37.50 (1/20 of 750, the 2026 terms), deadline 2026-01-22 (Thursday);
     *     interest 21 days at 12.25 (12-11 … 12-31) + 8 days at 12.00 (01-01 … 01-08) = (257 250 + 96 000) / 36 500 = 9.678… → 9.68
     *   2026-01-23 (deadline lapsed) hand-over, no fee; interest (257 250 + 23 × 12 000) / 36 500 = 533 250 / 36 500 = 14.609… → 14.61
     */
    @Test
    void anUnpaidClaimThroughTheWholeChain() {
        DunningCase claim = DunningCase.unpaid(nok("1000.00"), day("2025-12-10"));

        assertThat(on(claim, "2025-12-09", CHARGE_ALL).reason()).isEqualTo(Reason.NOT_DUE);

        DunningDecision reminder = on(claim, "2025-12-10", CHARGE_ALL);
        assertThat(reminder.action()).isEqualTo(Action.FRIENDLY_REMINDER);
        assertThat(reminder.fee()).isZero();
        assertThat(reminder.deadline()).isNull();
        assertThat(reminder.interest()).isZero();
        claim = claim.withNotice(SentNotice.friendlyReminder(day("2025-12-10")));
        assertThat(on(claim, "2025-12-10", CHARGE_ALL).reason()).isEqualTo(Reason.ALREADY_SENT_TODAY);
        assertThat(on(claim, "2025-12-23", CHARGE_ALL).reason()).isEqualTo(Reason.WAITING);

        DunningDecision purring = on(claim, "2025-12-24", CHARGE_ALL);
        assertThat(purring.action()).isEqualTo(Action.PURRING);
        assertThat(purring.fee()).isEqualByComparingTo("35.00");
        assertThat(purring.feeRule()).isEqualTo(FeeRule.CHARGED);
        assertThat(purring.deadline()).isEqualTo(day("2026-01-07"));
        assertThat(purring.amount()).isEqualByComparingTo("1000.00");
        assertThat(purring.interest()).isEqualByComparingTo("4.70");
        assertThat(purring.interestCharged()).isTrue();
        claim = sent(claim, purring, "2025-12-24");
        assertThat(on(claim, "2026-01-07", CHARGE_ALL).reason()).isEqualTo(Reason.WAITING);

        DunningDecision varsel = on(claim, "2026-01-08", CHARGE_ALL);
        assertThat(varsel.action()).isEqualTo(Action.INKASSOVARSEL);
        assertThat(varsel.fee()).isEqualByComparingTo("37.50");
        assertThat(varsel.deadline()).isEqualTo(day("2026-01-22"));
        assertThat(varsel.interest()).isEqualByComparingTo("9.68");
        claim = sent(claim, varsel, "2026-01-08");
        assertThat(on(claim, "2026-01-22", CHARGE_ALL).reason()).isEqualTo(Reason.WAITING);

        DunningDecision handOver = on(claim, "2026-01-23", CHARGE_ALL);
        assertThat(handOver.action()).isEqualTo(Action.HAND_OVER);
        assertThat(handOver.fee()).isZero();
        assertThat(handOver.interest()).isEqualByComparingTo("14.61");

        assertThat(on(claim.withStops(new StoppingFacts(false, false, false, true)), "2026-01-24", CHARGE_ALL).reason())
                .isEqualTo(Reason.IN_COLLECTION);
    }

    /** The fee is the one in force on the day the purring is sent: due 17 Dec → purring 31 Dec (35.00); due 18 Dec → 1 Jan (37.50). */
    @ParameterizedTest
    @CsvSource({"2025-12-17, 2025-12-31, 35.00", "2025-12-18, 2026-01-01, 37.50", "2025-03-03, 2025-03-17, 35.00"})
    void purringFeeByTheDaySent(String due, String purringDay, String fee) {
        DunningDecision purring = on(DunningCase.unpaid(nok("500"), day(due)).withNotice(SentNotice.friendlyReminder(day(due))), purringDay);
        assertThat(purring.action()).isEqualTo(Action.PURRING);
        assertThat(purring.fee()).isEqualByComparingTo(fee);
    }

    /** Sent Friday 2025-12-12: + 14 = Boxing Day (Friday), then a weekend — the deadline is Monday 2025-12-29. */
    @Test
    void aDeadlineOnAHolidayMovesToTheNextWorkingDay() {
        DunningDecision purring = on(DunningCase.unpaid(nok("500"), day("2025-11-28")), "2025-12-12");
        assertThat(purring.deadline()).isEqualTo(day("2025-12-29"));
    }

    @Test
    void aMissedRunCatchesUpTheFriendlyReminderUntilThePurringIsDue() {
        DunningCase claim = DunningCase.unpaid(nok("500"), day("2025-05-05"));
        assertThat(on(claim, "2025-05-07").action()).isEqualTo(Action.FRIENDLY_REMINDER);
        // on the purring day the purring goes, not a late reminder
        assertThat(on(claim, "2025-05-19").action()).isEqualTo(Action.PURRING);
    }

    @Nested
    class TheStatutoryLimits {

        private final DunningCase due = DunningCase.unpaid(nok("800"), day("2025-03-03"));

        @Test
        void noPurringAndNoFeeEarlierThanFourteenDaysAfterTheDueDate() {
            assertThat(on(due.withNotice(SentNotice.friendlyReminder(day("2025-03-03"))), "2025-03-16").reason()).isEqualTo(Reason.WAITING);
            assertThat(on(due, "2025-03-17").fee()).isEqualByComparingTo("35.00");
        }

        /** Two fee-bearing purringer already (sent by hand before): the inkassovarsel goes, without a third fee. */
        @Test
        void aThirdFeeBearingNoticeIsRefused() {
            DunningCase claim = due
                    .withNotice(new SentNotice(NoticeKind.PURRING, day("2025-03-17"), day("2025-03-31"), nok("35.00")))
                    .withNotice(new SentNotice(NoticeKind.PURRING, day("2025-04-01"), day("2025-04-15"), nok("35.00")));
            DunningDecision varsel = on(claim, "2025-04-16");
            assertThat(varsel.action()).isEqualTo(Action.INKASSOVARSEL);
            assertThat(varsel.fee()).isZero();
            assertThat(varsel.feeRule()).isEqualTo(FeeRule.LIMIT_REACHED);
        }

        /** One purring with fee + the inkassovarsel with fee is the other lawful pair. */
        @Test
        void onePurringAndTheInkassovarselBothBearAFee() {
            DunningCase claim = due.withNotice(new SentNotice(NoticeKind.PURRING, day("2025-03-17"), day("2025-03-31"), nok("35.00")));
            assertThat(on(claim, "2025-04-01").fee()).isEqualByComparingTo("35.00");
        }

        @Test
        void noSecondFeeWhenTheFirstNoticeGaveLessThanFourteenDays() {
            DunningCase claim = due.withNotice(new SentNotice(NoticeKind.PURRING, day("2025-03-17"), day("2025-03-27"), nok("35.00")));
            DunningDecision varsel = on(claim, "2025-03-28");
            assertThat(varsel.action()).isEqualTo(Action.INKASSOVARSEL);
            assertThat(varsel.feeRule()).isEqualTo(FeeRule.PREVIOUS_DEADLINE);
            assertThat(varsel.fee()).isZero();
        }

        /** A fee-free purring sent on the due date with a five-day deadline: the inkassovarsel on day 6 is too early for a fee. */
        @Test
        void anInkassovarselBeforeDayFourteenHasNoFee() {
            DunningCase claim = due.withNotice(new SentNotice(NoticeKind.PURRING, day("2025-03-03"), day("2025-03-08"), BigDecimal.ZERO));
            DunningDecision varsel = on(claim, "2025-03-09");
            assertThat(varsel.action()).isEqualTo(Action.INKASSOVARSEL);
            assertThat(varsel.feeRule()).isEqualTo(FeeRule.TOO_EARLY);
        }

        @Test
        void noHandOverWithoutAnInkassovarselWhoseDeadlineLapsed() {
            DunningCase claim = due.withNotice(new SentNotice(NoticeKind.PURRING, day("2025-03-17"), day("2025-03-31"), nok("35.00")));
            assertThat(on(claim, "2025-06-01").action()).isEqualTo(Action.INKASSOVARSEL);
        }

        @Test
        void nothingForACustomerWhoseBalanceIsZeroOrInCredit() {
            DunningCase inCredit = new DunningCase(nok("800"), nok("-50"), day("2025-03-03"), due.balanceChanges(), List.of(), null);
            assertThat(on(inCredit, "2025-03-17").reason()).isEqualTo(Reason.NOTHING_OWED);
            DunningCase zero = new DunningCase(nok("800"), nok("0.00"), day("2025-03-03"), due.balanceChanges(), List.of(), null);
            assertThat(on(zero, "2025-03-17").reason()).isEqualTo(Reason.NOTHING_OWED);
        }
    }

    @Nested
    class StoppingRules {

        private final DunningCase due = DunningCase.unpaid(nok("800"), day("2025-03-03"));
        private final DunningCase purred = due.withNotice(SentNotice.friendlyReminder(day("2025-03-03")))
                .withNotice(new SentNotice(NoticeKind.PURRING, day("2025-03-17"), day("2025-03-31"), nok("35.00")));
        private final DunningCase warned = purred
                .withNotice(new SentNotice(NoticeKind.INKASSOVARSEL, day("2025-04-01"), day("2025-04-15"), nok("35.00")));

        /** Paid the day before each step: the step never happens. */
        @ParameterizedTest
        @CsvSource({"2025-03-02, 2025-03-03", "2025-03-16, 2025-03-17", "2025-03-31, 2025-04-01", "2025-04-15, 2025-04-16"})
        void paidTheDayBeforeAStep(String paidOn, String stepDay) {
            DunningCase claim = stepDay.equals("2025-03-03") ? due : stepDay.equals("2025-03-17")
                    ? due.withNotice(SentNotice.friendlyReminder(day("2025-03-03"))) : stepDay.equals("2025-04-01") ? purred : warned;
            assertThat(on(claim, stepDay).acts()).isTrue();
            DunningDecision decision = on(claim.withPayment(day(paidOn), nok("800")), stepDay);
            assertThat(decision.action()).isEqualTo(Action.NOTHING);
            assertThat(decision.reason()).isEqualTo(Reason.PAID);
        }

        /*
         * A partial payment recomputes: NOK 300 paid 2025-03-20 on NOK 800 due 2025-03-03; inkassovarsel 2025-04-01 for 500.
         *   800 × 12.5 × 17 (03-04 … 03-20) = 170 000;  500 × 12.5 × 12 (03-21 … 04-01) = 75 000
         *   245 000 / 36 500 = 6.712… → 6.71
         */
        @Test
        void aPartialPaymentRecomputes() {
            DunningDecision varsel = on(purred.withPayment(day("2025-03-20"), nok("300")), "2025-04-01");
            assertThat(varsel.action()).isEqualTo(Action.INKASSOVARSEL);
            assertThat(varsel.amount()).isEqualByComparingTo("500");
            assertThat(varsel.interest()).isEqualByComparingTo("6.71");
        }

        @Test
        void aFullCreditNoteEndsIt() {
            DunningCase credited = purred.withPayment(day("2025-03-25"), nok("800")).withStops(new StoppingFacts(true, false, false, false));
            assertThat(on(credited, "2025-04-01").reason()).isEqualTo(Reason.CREDITED);
        }

        @Test
        void aComplaintCasePausesIt() {
            DunningCase disputed = purred.withStops(new StoppingFacts(false, true, false, false));
            assertThat(on(disputed, "2025-04-01").reason()).isEqualTo(Reason.DISPUTED);
            // closed again: it goes on where it stood
            assertThat(on(purred, "2025-05-01").action()).isEqualTo(Action.INKASSOVARSEL);
        }

        @Test
        void aPaymentArrangementPausesIt() {
            assertThat(on(warned.withStops(new StoppingFacts(false, false, true, false)), "2025-04-16").reason())
                    .isEqualTo(Reason.PAYMENT_ARRANGEMENT);
        }

        /** A postponed due date is the due date in force: nothing before it, the chain counts from it. */
        @Test
        void aPostponedDueDateCountsFromTheNewDate() {
            DunningCase postponed = DunningCase.unpaid(nok("800"), day("2025-03-17"));
            assertThat(on(postponed, "2025-03-16").reason()).isEqualTo(Reason.NOT_DUE);
            assertThat(on(postponed.withNotice(SentNotice.friendlyReminder(day("2025-03-17"))), "2025-03-30").reason())
                    .isEqualTo(Reason.WAITING);
        }

        @Test
        void inCollectionNothingMore() {
            assertThat(on(warned.withStops(new StoppingFacts(false, false, false, true)), "2025-04-16").reason())
                    .isEqualTo(Reason.IN_COLLECTION);
        }
    }

    @Nested
    class APolicyWithoutFees {

        @Test
        void noFriendlyReminderAndNoFeesButTheSameChain() {
            DunningCase claim = DunningCase.unpaid(nok("800"), day("2025-03-03"));
            assertThat(on(claim, "2025-03-03", NO_FEES).reason()).isEqualTo(Reason.WAITING);
            DunningDecision purring = on(claim, "2025-03-17", NO_FEES);
            assertThat(purring.action()).isEqualTo(Action.PURRING);
            assertThat(purring.fee()).isZero();
            assertThat(purring.feeRule()).isEqualTo(FeeRule.NOT_BY_POLICY);
            // interest is shown, not charged: 800 × 12.5 × 14 / 36 500 = 140 000 / 36 500 = 3.835… → 3.84
            assertThat(purring.interest()).isEqualByComparingTo("3.84");
            assertThat(purring.interestCharged()).isFalse();
        }
    }

    @Test
    void todayFromTheClockInNorwegianTime() {
        // 23:30 UTC on 2025-03-16 is already 17 March in Oslo: the purring day
        Clock clock = Clock.fixed(java.time.Instant.parse("2025-03-16T23:30:00Z"), ZoneOffset.UTC);
        DunningDecision decision = DunningSteps.decide(DunningCase.unpaid(nok("800"), day("2025-03-03")), rules(day("2025-03-17"), DEFAULT), clock);
        assertThat(decision.action()).isEqualTo(Action.PURRING);
    }

    @Test
    void refusesTermsNotInForceToday() {
        assertThatThrownBy(() -> DunningSteps.decide(DunningCase.unpaid(nok("800"), day("2025-12-10")),
                new DunningRules(TestData.TERMS_700, TestData.RATES, DEFAULT), LocalDate.of(2026, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
