package no.kraft.cis.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import no.kraft.cis.receivables.DunningDecision.Action;

class DunningStepsPropertiesTest {

    private static final LocalDate DUE = LocalDate.of(2025, 2, 3);

    /** A notice some days after the due date, with some deadline, with or without a fee. */
    private record Draft(NoticeKind kind, int sentAfterDue, int deadlineDays, boolean fee) {
        SentNotice notice() {
            LocalDate sent = DUE.plusDays(sentAfterDue);
            return kind == NoticeKind.FRIENDLY_REMINDER ? SentNotice.friendlyReminder(sent)
                    : new SentNotice(kind, sent, sent.plusDays(deadlineDays), fee ? new BigDecimal("35.00") : BigDecimal.ZERO);
        }
    }

    @Provide
    Arbitrary<List<Draft>> notices() {
        Arbitrary<Draft> draft = Combinators.combine(Arbitraries.of(NoticeKind.class), Arbitraries.integers().between(-5, 120),
                Arbitraries.integers().between(0, 30), Arbitraries.of(true, false)).as(Draft::new);
        return draft.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<DunningPolicy> policies() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(DunningPolicy::new);
    }

    private static DunningCase claim(BigDecimal open, BigDecimal balance, List<Draft> drafts) {
        List<SentNotice> sent = new ArrayList<>(drafts.stream().map(Draft::notice).toList());
        return new DunningCase(open, balance, DUE, List.of(new BalanceChange(DUE, open)), sent, StoppingFacts.NONE);
    }

    @Property
    void neverAFeeBeyondTheStatutoryCount(@ForAll("notices") List<Draft> drafts, @ForAll("policies") DunningPolicy policy,
            @ForAll @IntRange(min = 121, max = 300) int todayAfterDue) {
        LocalDate today = DUE.plusDays(todayAfterDue);
        DunningCase claim = claim(new BigDecimal("1000.00"), new BigDecimal("1000.00"), drafts);
        DunningDecision decision = DunningSteps.decide(claim, TestData.rules(today, policy), today);
        if (decision.fee().signum() > 0) {
            long feeBearing = claim.notices().stream().filter(SentNotice::feeBearing).count();
            assertThat(feeBearing + 1).isLessThanOrEqualTo(2);
            assertThat(today).isAfterOrEqualTo(DUE.plusDays(14));
            assertThat(policy.chargeFee()).isTrue();
        }
        if (decision.deadline() != null) {
            assertThat(decision.deadline()).isAfterOrEqualTo(today.plusDays(14));
        }
    }

    /** Walks a claim day by day through the chain: however long, it never has more than two fee-bearing notices. */
    @Property
    void theChainStaysWithinTheLimit(@ForAll("policies") DunningPolicy policy, @ForAll @IntRange(min = 0, max = 200) int dueOffset) {
        LocalDate due = LocalDate.of(2025, 1, 1).plusDays(dueOffset);
        DunningCase claim = DunningCase.unpaid(new BigDecimal("640.00"), due);
        for (LocalDate today = due; today.isBefore(due.plusDays(120)); today = today.plusDays(1)) {
            DunningDecision d = DunningSteps.decide(claim, TestData.rules(today, policy), today);
            if (d.action() == Action.HAND_OVER) {
                break;
            }
            if (d.acts()) {
                NoticeKind kind = NoticeKind.valueOf(d.action().name());
                claim = claim.withNotice(kind == NoticeKind.FRIENDLY_REMINDER ? SentNotice.friendlyReminder(today)
                        : new SentNotice(kind, today, d.deadline(), d.fee()));
            }
        }
        assertThat(claim.notices().stream().filter(SentNotice::feeBearing).count()).isLessThanOrEqualTo(2);
    }

    @Property
    void nothingIsEverDoneForNothingOpen(@ForAll @LongRange(min = -1_000_000, max = 0) long ore, @ForAll("notices") List<Draft> drafts,
            @ForAll("policies") DunningPolicy policy, @ForAll @IntRange(min = 121, max = 300) int todayAfterDue) {
        LocalDate today = DUE.plusDays(todayAfterDue);
        BigDecimal amount = BigDecimal.valueOf(ore, 2);
        DunningDecision open = DunningSteps.decide(claim(amount, new BigDecimal("100.00"), drafts), TestData.rules(today, policy), today);
        DunningDecision owesNothing = DunningSteps.decide(claim(new BigDecimal("100.00"), amount, drafts), TestData.rules(today, policy), today);
        assertThat(open.action()).isEqualTo(Action.NOTHING);
        assertThat(owesNothing.action()).isEqualTo(Action.NOTHING);
        assertThat(open.fee()).isZero();
    }
}
