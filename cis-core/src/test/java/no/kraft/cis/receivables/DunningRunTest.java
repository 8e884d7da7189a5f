package no.kraft.cis.receivables;

import static no.kraft.cis.receivables.TestData.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import no.kraft.cis.ledger.CustomerLedger;
import no.kraft.cis.ledger.Ledger;
import no.kraft.cis.ledger.LedgerEntry;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly dunning job on the shared test PostgreSQL, on a moved clock: the golden cases run day by day
 * through {@link DunningRun} (each test keeps to its own customers, so what others left in the database is not
 * touched), with the fees and interest worked out by hand in the comments. No notice adapter is installed in cis-core,
 * so every notice's channel is NONE (invoice-delivery's own test sends them).
 */
@SpringBootTest(classes = DunningRunTest.Module.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=validate",
                "cis.dunning.chunk-size=2"})
class DunningRunTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"no.kraft.cis.receivables", "no.kraft.cis.ledger", "no.kraft.cis.audit", "no.kraft.cis.period"})
    static class Module {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** The application's clock, set to a day's 02:00 in Oslo by the test. */
    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2025-01-01T01:00:00Z");

        void set(LocalDate day) {
            now = day.atTime(2, 0).atZone(NorwegianTime.ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return NorwegianTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @Autowired
    DunningRun job;

    @Autowired
    Dunning dunning;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @BeforeEach
    void noRunYet() {
        clock.set(day("2025-01-01"));
    }

    // ---- the whole chain ----------------------------------------------------------------------------------------

    @Test
    void unpaidThroughTheWholeChainIn2025() {
        long customer = customer();
        Invoice invoice = invoice(customer, "1000.00", day("2025-10-20"), day("2025-11-03"));

        runDaily(customer, day("2025-10-25"), day("2025-12-31"));

        List<DunningEvent> events = dunning.of(invoice.number()).events();
        assertThat(events).extracting(DunningEvent::step, DunningEvent::day)
                .containsExactly(tuple("FRIENDLY_REMINDER", "2025-11-03"), tuple("PURRING", "2025-11-17"),
                        tuple("INKASSOVARSEL", "2025-12-02"), tuple("HAND_OVER", "2025-12-17"));
        DunningEvent reminder = events.get(0);
        assertThat(reminder.fee()).isEqualByComparingTo("0.00");
        assertThat(reminder.deadline()).isNull();
        assertThat(reminder.by()).isEqualTo(DunningRun.ACTOR);

        // purring on due + 14 = 17 Nov, fee 1/20 × 700 = 35.00, deadline 17 Nov + 14 = 1 Dec (a Monday);
        // interest 4–17 Nov = 14 days at 12.25 %: 1000 × 12.25 × 14 / 36 500 = 4.6986… → 4.70
        DunningEvent purring = events.get(1);
        assertThat(purring.fee()).isEqualByComparingTo("35.00");
        assertThat(purring.feeRule()).isEqualTo("CHARGED");
        assertThat(purring.deadline()).isEqualTo(day("2025-12-01"));
        assertThat(purring.amount()).isEqualByComparingTo("1000.00");
        assertThat(purring.interest()).isEqualByComparingTo("4.70");
        assertThat(purring.interestCharged()).isEqualByComparingTo("0.00");

        // inkassovarsel the day after the purring's deadline lapsed: the second fee-bearing notice, 35.00; it claims the
        // purring's fee too (1035.00); deadline 2 Dec + 14 = 16 Dec (a Tuesday); interest 4 Nov–2 Dec = 29 days:
        // 1000 × 12.25 × 29 / 36 500 = 9.7328… → 9.73
        DunningEvent varsel = events.get(2);
        assertThat(varsel.fee()).isEqualByComparingTo("35.00");
        assertThat(varsel.amount()).isEqualByComparingTo("1035.00");
        assertThat(varsel.deadline()).isEqualTo(day("2025-12-16"));
        assertThat(varsel.interest()).isEqualByComparingTo("9.73");

        // hand-over the day after: 4 Nov–17 Dec = 44 days: 1000 × 12.25 × 44 / 36 500 = 14.767… → 14.77; open 1070.00
        DunningEvent handOver = events.get(3);
        assertThat(handOver.channel()).isEqualTo("AGENCY");
        assertThat(handOver.amount()).isEqualByComparingTo("1070.00");
        assertThat(handOver.interest()).isEqualByComparingTo("14.77");
        assertThat(jdbc.sql("select handed_over_on from invoice_debt_collection where invoice_id = :id").param("id", invoice.id())
                .query(LocalDate.class).single()).isEqualTo(day("2025-12-17"));

        // the two fees are the customer's debt in the ledger: 1000 + 35 + 35
        CustomerLedger l = ledger.of(customer, day("2025-12-31"));
        assertThat(l.balance()).isEqualByComparingTo("1070.00");
        assertThat(l.entries()).filteredOn(e -> e.type() == LedgerEntry.Type.CHARGE).extracting(LedgerEntry::amount)
                .containsExactly(new BigDecimal("35.00"), new BigDecimal("35.00"));
        assertThat(l.items().getFirst().charges()).isEqualByComparingTo("70.00");
        assertThat(dunning.of(invoice.number()).stage()).isEqualTo("HAND_OVER");
    }

    @Test
    void in2026ThePurringFeeIs3750() {
        long customer = customer();
        Invoice invoice = invoice(customer, "1000.00", day("2025-12-20"), day("2026-01-05"));

        runDaily(customer, day("2026-01-05"), day("2026-02-20"));

        List<DunningEvent> events = dunning.of(invoice.number()).events();
        assertThat(events).extracting(DunningEvent::step, DunningEvent::day)
                .containsExactly(tuple("FRIENDLY_REMINDER", "2026-01-05"), tuple("PURRING", "2026-01-19"),
                        tuple("INKASSOVARSEL", "2026-02-03"), tuple("HAND_OVER", "2026-02-18"));
        // 1/20 × 750 = 37.50; deadline 19 Jan + 14 = 2 Feb (Monday); interest 14 days at 12.00 %:
        // 1000 × 12.00 × 14 / 36 500 = 4.6027… → 4.60
        assertThat(events.get(1).fee()).isEqualByComparingTo("37.50");
        assertThat(events.get(1).deadline()).isEqualTo(day("2026-02-02"));
        assertThat(events.get(1).interest()).isEqualByComparingTo("4.60");
        assertThat(events.get(2).fee()).isEqualByComparingTo("37.50");
        assertThat(ledger.of(customer, day("2026-02-20")).balance()).isEqualByComparingTo("1075.00");
    }

    @Test
    void interestToTheOreAcrossTheFirstOfJuly() {
        long customer = customer();
        Invoice invoice = invoice(customer, "2000.00", day("2025-06-01"), day("2025-06-20"));

        runDaily(customer, day("2025-06-20"), day("2025-07-04"));

        // purring on 20 Jun + 14 = 4 Jul; interest 21–30 Jun = 10 days at 12.50 %, 1–4 Jul = 4 days at 12.25 %:
        // 2000 × (12.50 × 10 + 12.25 × 4) / 36 500 = 2000 × 174 / 36 500 = 9.5342… → 9.53
        DunningEvent purring = dunning.of(invoice.number()).events().getLast();
        assertThat(purring.step()).isEqualTo("PURRING");
        assertThat(purring.interest()).isEqualByComparingTo("9.53");
        // the fee 2025 is 35.00
        assertThat(purring.fee()).isEqualByComparingTo("35.00");
    }

    // ---- paid the day before each step: the step never happens --------------------------------------------------

    @Test
    void paidTheDayBeforeEachStepTheStepNeverHappens() {
        long beforeReminder = customer();
        Invoice a = invoice(beforeReminder, "500.00", day("2025-10-20"), day("2025-11-03"));
        pay(a, "500.00", day("2025-11-02"));

        long beforePurring = customer();
        Invoice b = invoice(beforePurring, "500.00", day("2025-10-20"), day("2025-11-03"));

        long beforeVarsel = customer();
        Invoice c = invoice(beforeVarsel, "500.00", day("2025-10-20"), day("2025-11-03"));

        long beforeHandOver = customer();
        Invoice d = invoice(beforeHandOver, "500.00", day("2025-10-20"), day("2025-11-03"));

        List<Long> all = List.of(beforeReminder, beforePurring, beforeVarsel, beforeHandOver);
        runDaily(all, day("2025-11-01"), day("2025-11-16"));
        pay(b, "500.00", day("2025-11-16"));            // the day before the purring (17 Nov)
        runDaily(all, day("2025-11-17"), day("2025-12-01"));
        pay(c, "535.00", day("2025-12-01"));            // invoice and purring fee, the day before the inkassovarsel (2 Dec)
        runDaily(all, day("2025-12-02"), day("2025-12-16"));
        pay(d, "570.00", day("2025-12-16"));            // all of it, the day before the hand-over (17 Dec)
        runDaily(all, day("2025-12-17"), day("2026-01-31"));

        assertThat(steps(a)).isEmpty();
        assertThat(steps(b)).containsExactly("FRIENDLY_REMINDER");
        assertThat(steps(c)).containsExactly("FRIENDLY_REMINDER", "PURRING");
        assertThat(steps(d)).containsExactly("FRIENDLY_REMINDER", "PURRING", "INKASSOVARSEL");
        assertThat(jdbc.sql("select count(*) from invoice_debt_collection where invoice_id = :id").param("id", d.id())
                .query(Long.class).single()).isZero();
        assertThat(ledger.of(beforeHandOver, day("2026-01-31")).balance()).isEqualByComparingTo("0.00");
    }

    @Test
    void aPartialPaymentLowersTheAmountAndTheInterest() {
        long customer = customer();
        Invoice invoice = invoice(customer, "1000.00", day("2025-10-20"), day("2025-11-03"));
        pay(invoice, "400.00", day("2025-11-10"));

        runDaily(customer, day("2025-11-03"), day("2025-11-17"));

        // 4–10 Nov on 1000 (7 days: the payment on the 10th still bears that day), 11–17 Nov on 600 (7 days), 12.25 %:
        // (1000 × 7 + 600 × 7) × 12.25 / 36 500 = 11 200 × 12.25 / 36 500 = 3.7589… → 3.76
        DunningEvent purring = dunning.of(invoice.number()).events().getLast();
        assertThat(purring.step()).isEqualTo("PURRING");
        assertThat(purring.amount()).isEqualByComparingTo("600.00");
        assertThat(purring.interest()).isEqualByComparingTo("3.76");
    }

    // ---- stopping rules ----------------------------------------------------------------------------------------

    @Test
    void aPostponementMovesTheChainToTheNewDueDate() {
        long customer = customer();
        Invoice invoice = invoice(customer, "800.00", day("2025-10-20"), day("2025-11-03"));
        jdbc.sql("""
                        insert into invoice_postponement (invoice_id, original_due_date, new_due_date, reason, created_at, created_by, updated_at, updated_by)
                        values (:id, '2025-11-03', '2025-11-17', 'test', now(), 'test', now(), 'test')""")
                .param("id", invoice.id()).update();

        runDaily(customer, day("2025-11-01"), day("2025-12-01"));

        assertThat(dunning.of(invoice.number()).events()).extracting(DunningEvent::step, DunningEvent::day)
                .containsExactly(tuple("FRIENDLY_REMINDER", "2025-11-17"), tuple("PURRING", "2025-12-01"));
    }

    @Test
    void anOpenComplaintCaseAboutTheInvoiceStopsItUntilClosed() {
        long customer = customer();
        Invoice invoice = invoice(customer, "800.00", day("2025-10-20"), day("2025-11-03"));
        runDaily(customer, day("2025-11-03"), day("2025-11-05"));
        long caseId = complaint(customer, invoice.number());

        runDaily(customer, day("2025-11-06"), day("2025-12-10"));
        assertThat(steps(invoice)).containsExactly("FRIENDLY_REMINDER");
        assertThat(job.run(day("2025-12-10"), "test", List.of(customer)).nothingBecause()).containsEntry("DISPUTED", 1);

        jdbc.sql("update service_case set status = 'CLOSED' where id = :id").param("id", caseId).update();
        runDaily(customer, day("2025-12-11"), day("2025-12-11"));
        assertThat(steps(invoice)).containsExactly("FRIENDLY_REMINDER", "PURRING");
        // the purring comes when the case is closed; 11 Dec is ≥ 14 days after the due date, so its fee is charged
        assertThat(dunning.of(invoice.number()).events().getLast().fee()).isEqualByComparingTo("35.00");
    }

    @Test
    void aCreditNoteEndsIt() {
        long customer = customer();
        Invoice invoice = invoice(customer, "800.00", day("2025-10-20"), day("2025-11-03"));
        runDaily(customer, day("2025-11-03"), day("2025-11-05"));
        creditNote(invoice, day("2025-11-10"));
        runDaily(customer, day("2025-11-06"), day("2025-12-31"));
        assertThat(steps(invoice)).containsExactly("FRIENDLY_REMINDER");
    }

    @Test
    void aStaffPauseHoldsItAndAResumeCarriesOnAStopEndsIt() {
        long customer = customer();
        Invoice paused = invoice(customer, "300.00", day("2025-10-20"), day("2025-11-03"));
        Invoice stopped = invoice(customer, "200.00", day("2025-10-21"), day("2025-11-03"));
        runDaily(customer, day("2025-11-03"), day("2025-11-03"));
        clock.set(day("2025-11-05"));
        dunning.pause(paused.number(), "customer is in hospital", day("2025-11-05"));
        dunning.stop(stopped.number(), "written off as a goodwill gesture", day("2025-11-05"));
        assertThatThrownBy(() -> dunning.resume(stopped.number(), day("2025-11-06")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("stopped"));
        assertThatThrownBy(() -> dunning.pause(paused.number(), "again", day("2025-11-06"))).isInstanceOf(ConflictException.class);

        runDaily(customer, day("2025-11-06"), day("2025-11-30"));
        assertThat(steps(paused)).containsExactly("FRIENDLY_REMINDER", "PAUSED");
        dunning.resume(paused.number(), day("2025-12-01"));
        runDaily(customer, day("2025-12-01"), day("2025-12-01"));

        assertThat(dunning.of(paused.number()).events()).extracting(DunningEvent::step)
                .containsExactly("FRIENDLY_REMINDER", "PAUSED", "RESUMED", "PURRING");
        assertThat(dunning.of(stopped.number()).events()).extracting(DunningEvent::step).containsExactly("FRIENDLY_REMINDER", "STOPPED");
        assertThat(dunning.of(stopped.number()).hold()).isEqualTo("STOPPED");
        assertThat(dunning.of(stopped.number()).holdReason()).isEqualTo("written off as a goodwill gesture");
    }

    @Test
    void aPaymentPlanSeamPausesTheInvoicesItCovers() {
        // the other half of issue 20 (instalment plans) implements PaymentPlanCoverage; the stopping fact is wired
        long customer = customer();
        Invoice invoice = invoice(customer, "300.00", day("2025-10-20"), day("2025-11-03"));
        DunningDecision decision = DunningSteps.decide(DunningCase.unpaid(new BigDecimal("300.00"), invoice.due())
                .withStops(new StoppingFacts(false, false, true, false)), TestData.rules(day("2025-11-17"), TestData.DEFAULT), day("2025-11-17"));
        assertThat(decision.reason()).isEqualTo(DunningDecision.Reason.PAYMENT_ARRANGEMENT);
    }

    // ---- the statutory limits and nothing owed -----------------------------------------------------------------

    @Test
    void aCustomerOwingNothingOrInCreditIsNeverDunned() {
        long zero = customer();
        Invoice paidByAccount = invoice(zero, "400.00", day("2025-10-20"), day("2025-11-03"));
        payOnAccount(zero, "400.00", day("2025-10-25"));   // not on the invoice's KID: credit on account settles it

        long credit = customer();
        Invoice inCredit = invoice(credit, "400.00", day("2025-10-20"), day("2025-11-03"));
        payOnAccount(credit, "900.00", day("2025-10-25"));

        runDaily(List.of(zero, credit), day("2025-11-01"), day("2026-01-31"));
        assertThat(steps(paidByAccount)).isEmpty();
        assertThat(steps(inCredit)).isEmpty();
    }

    @Test
    void noFeeBefore14DaysAfterDueAndAtMostTwoFeeBearingNotices() {
        long customer = customer();
        Invoice invoice = invoice(customer, "100.00", day("2025-10-20"), day("2025-11-03"));
        runDaily(customer, day("2025-11-03"), day("2026-01-31"));
        List<DunningEvent> events = dunning.of(invoice.number()).events();
        // nothing before 17 Nov carries a fee; two fee-bearing notices in all
        assertThat(events).filteredOn(e -> e.day().isBefore(day("2025-11-17"))).allSatisfy(e -> assertThat(e.fee()).isZero());
        assertThat(events).filteredOn(e -> e.fee().signum() > 0).hasSize(2);
        assertThat(events.getFirst().day()).isEqualTo(day("2025-11-03"));
    }

    // ---- idempotent and restartable ----------------------------------------------------------------------------

    @Test
    void runTwiceTheSameDayAddsNothing() {
        long customer = customer();
        Invoice invoice = invoice(customer, "100.00", day("2025-10-20"), day("2025-11-03"));
        clock.set(day("2025-11-17"));
        DunningRun.Report first = job.runToday("test", List.of(customer));
        DunningRun.Report second = job.runToday("test", List.of(customer));
        assertThat(first.stepsByKind()).containsEntry("PURRING", 1);
        assertThat(second.stepsTaken()).isZero();
        assertThat(second.nothingBecause()).containsEntry("ALREADY_SENT_TODAY", 1);
        assertThat(steps(invoice)).containsExactly("PURRING");
        assertThat(ledger.of(customer, day("2025-11-17")).balance()).isEqualByComparingTo("135.00");
    }

    @Test
    void aRunKilledHalfWayIsFinishedByTheRerunWithNoNoticeTwice() {
        // chunks of two customers (cis.dunning.chunk-size=2): five customers are three chunks
        List<Long> customers = List.of(customer(), customer(), customer(), customer(), customer());
        List<Invoice> invoices = customers.stream().map(c -> invoice(c, "250.00", day("2025-10-20"), day("2025-11-03"))).toList();

        DunningRun.Report killed = job.run(day("2025-11-17"), "test", customers, 1);
        assertThat(killed.finished()).isFalse();
        assertThat(killed.stepsTaken()).isEqualTo(2);
        assertThat(jdbc.sql("select status from dunning_run where id = :id").param("id", killed.runId()).query(String.class).single())
                .isEqualTo("RUNNING");

        DunningRun.Report rerun = job.run(day("2025-11-17"), "test", customers);
        assertThat(rerun.finished()).isTrue();
        assertThat(rerun.stepsTaken()).isEqualTo(3);
        assertThat(invoices).allSatisfy(i -> assertThat(steps(i)).containsExactly("PURRING"));
        // one fee per invoice in the ledger, never two
        assertThat(jdbc.sql("select count(*) from invoice_charge where invoice_id = any(:ids)")
                .param("ids", invoices.stream().map(Invoice::id).toArray(Long[]::new)).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aMissingRateNeverFailsTheRunTheNoticeSaysSoAndTheRunReportsIt() {
        // 2H 2026 has no rate entered; a purring on 6 Jul 2026 has days of interest in it
        long customer = customer();
        Invoice invoice = invoice(customer, "1000.00", day("2026-06-05"), day("2026-06-22"));
        DunningRun.Report report = job.run(day("2026-07-06"), "test", List.of(customer));

        assertThat(report.interestRateMissingFrom()).isEqualTo(day("2026-07-01"));
        assertThat(report.stepsByKind()).containsEntry("PURRING", 1);
        DunningEvent purring = dunning.of(invoice.number()).events().getLast();
        assertThat(purring.interest()).isNull();
        assertThat(purring.interestNote()).contains("2026-07-01").contains("ikke fastsatt");
        assertThat(purring.fee()).isEqualByComparingTo("37.50");
        assertThat(jdbc.sql("select interest_missing_from from dunning_run where id = :id").param("id", report.runId())
                .query(LocalDate.class).single()).isEqualTo(day("2026-07-01"));
    }

    // ---- fixture -------------------------------------------------------------------------------------------------

    record Invoice(long id, long number, long customerId, String kid, LocalDate due) {
    }

    private static org.assertj.core.groups.Tuple tuple(String step, String day) {
        return org.assertj.core.groups.Tuple.tuple(step, LocalDate.parse(day));
    }

    private void runDaily(long customer, LocalDate from, LocalDate through) {
        runDaily(List.of(customer), from, through);
    }

    private void runDaily(List<Long> customers, LocalDate from, LocalDate through) {
        for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) {
            clock.set(d);
            DunningRun.Report report = job.runToday(DunningRun.ACTOR, customers);
            assertThat(report.warnings()).isEmpty();
        }
    }

    private List<String> steps(Invoice invoice) {
        return dunning.of(invoice.number()).events().stream().map(DunningEvent::step).toList();
    }

    private long customer() {
        long n = SEQUENCE.incrementAndGet();
        return jdbc.sql("""
                        insert into customer (customer_number, kind, organisation_number, organisation_name, search_name, version,
                            created_at, created_by, updated_at, updated_by)
                        values (:number, 'ORGANISATION', :org, 'Dunning Test AS', 'dunning test as', 0, now(), 'test', now(), 'test')
                        returning id""")
                .param("number", 80_000_000_000L + n).param("org", String.format("%09d", n % 1_000_000_000L)).query(Long.class).single();
    }

    private Invoice invoice(long customer, String total, LocalDate issued, LocalDate due) {
        long number = 70_000_000_000L + SEQUENCE.incrementAndGet();
        String kid = Long.toString(number);
        LocalDate periodFrom = issued.minusMonths(1).withDayOfMonth(1).plusDays(number % 20);
        long id = jdbc.sql("""
                        insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                            net_amount, vat_amount, total_amount, created_at, created_by, updated_at, updated_by)
                        values (:number, 'INVOICE', :customer, :from, :to, :issued, :due, :kid, :total, 0, :total, now(), 'test', now(), 'test')
                        returning id""")
                .param("number", number).param("customer", customer).param("from", periodFrom).param("to", periodFrom.plusDays(1))
                .param("issued", issued).param("due", due).param("kid", kid).param("total", new BigDecimal(total)).query(Long.class).single();
        return new Invoice(id, number, customer, kid, due);
    }

    private void creditNote(Invoice invoice, LocalDate issued) {
        long number = 70_000_000_000L + SEQUENCE.incrementAndGet();
        jdbc.sql("""
                        insert into invoice (invoice_number, kind, customer_id, period_from, period_to, issue_date, due_date, kid,
                            net_amount, vat_amount, total_amount, credits_invoice_id, created_at, created_by, updated_at, updated_by)
                        select :number, 'CREDIT_NOTE', customer_id, period_from, period_to, :issued, :issued, :kid, -total_amount, 0,
                            -total_amount, id, now(), 'test', now(), 'test' from invoice where id = :id""")
                .param("number", number).param("issued", issued).param("kid", Long.toString(number)).param("id", invoice.id()).update();
        jdbc.sql("update invoice set credited = true where id = :id").param("id", invoice.id()).update();
    }

    private void pay(Invoice invoice, String amount, LocalDate paidOn) {
        jdbc.sql("""
                        insert into payment (bank_reference, paid_on, amount, kid, status, match_rule, customer_id, invoice_id,
                            created_at, created_by, updated_at, updated_by)
                        values (:ref, :on, :amount, :kid, 'MATCHED', 'KID', :customer, :invoice, now(), 'test', now(), 'test')""")
                .param("ref", "DUN-" + SEQUENCE.incrementAndGet()).param("on", paidOn).param("amount", new BigDecimal(amount))
                .param("kid", invoice.kid()).param("customer", invoice.customerId()).param("invoice", invoice.id()).update();
    }

    private void payOnAccount(long customer, String amount, LocalDate paidOn) {
        jdbc.sql("""
                        insert into payment (bank_reference, paid_on, amount, status, match_rule, customer_id,
                            created_at, created_by, updated_at, updated_by)
                        values (:ref, :on, :amount, 'MATCHED', 'MANUAL', :customer, now(), 'test', now(), 'test')""")
                .param("ref", "DUN-" + SEQUENCE.incrementAndGet()).param("on", paidOn).param("amount", new BigDecimal(amount))
                .param("customer", customer).update();
    }

    private long complaint(long customer, long invoiceNumber) {
        return jdbc.sql("""
                        insert into service_case (case_number, customer_id, kind, title, description, status, flagged, origin, version,
                            created_at, created_by, updated_at, updated_by, invoice_number)
                        values (nextval('service_case_number_seq'), :customer, 'COMPLAINT', 'Disputes the bill', 'meter read twice', 'OPEN',
                            false, 'test', 0, now(), 'test', now(), 'test', :invoice) returning id""")
                .param("customer", customer).param("invoice", invoiceNumber).query(Long.class).single();
    }
}
