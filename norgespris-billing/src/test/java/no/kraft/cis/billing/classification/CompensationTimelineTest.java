package no.kraft.cis.billing.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.billing.classification.CompensationTimeline.Classified;
import no.kraft.cis.billing.classification.CompensationTimeline.Fact;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.EndUserGroup;
import no.kraft.cis.period.Period;
import org.junit.jupiter.api.Test;

class CompensationTimelineTest {

    private static final LocalDate START = LocalDate.of(2025, 10, 1);
    private static final EndUserGroup BUSINESS = new EndUserGroup("11");

    @Test
    void theRuleTable() {
        assertThat(CompensationTimeline.classify(Optional.of(1), Optional.empty(), EndUserGroup.HOUSEHOLD))
                .isEqualTo(CompensationClass.NORGESPRIS_HOUSEHOLD);
        assertThat(CompensationTimeline.classify(Optional.of(2), Optional.empty(), EndUserGroup.HOLIDAY_HOME))
                .as("cancellation registered: still active").isEqualTo(CompensationClass.NORGESPRIS_HOLIDAY_HOME);
        assertThat(CompensationTimeline.classify(Optional.of(0), Optional.empty(), EndUserGroup.HOUSEHOLD))
                .as("registered, not yet active").isEqualTo(CompensationClass.STROMSTOTTE);
        assertThat(CompensationTimeline.classify(Optional.of(3), Optional.empty(), EndUserGroup.HOLIDAY_HOME)).isEqualTo(CompensationClass.NONE);
        assertThat(CompensationTimeline.classify(Optional.empty(), Optional.empty(), BUSINESS)).isEqualTo(CompensationClass.NONE);
        assertThat(CompensationTimeline.classify(Optional.of(1), Optional.empty(), BUSINESS)).isEqualTo(CompensationClass.NONE);
        assertThat(CompensationTimeline.classify(Optional.of(1), Optional.of(0), EndUserGroup.HOUSEHOLD))
                .as("870 overrides").isEqualTo(CompensationClass.STROMSTOTTE);
    }

    @Test
    void changesOfAnyInputMakeTheTimelineAndEqualNeighboursMerge() {
        // household from 2025-01-01, cabin from 2026-06-01; Norgespris 888 = 0 from 2025-11-01, 1 from 2025-11-10,
        // 2 (cancellation registered) from 2026-03-01, 3 from 2026-09-01
        List<Fact<EndUserGroup>> groups = List.of(
                new Fact<>(Period.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 1)), EndUserGroup.HOUSEHOLD),
                new Fact<>(Period.from(LocalDate.of(2026, 6, 1)), EndUserGroup.HOLIDAY_HOME));
        List<Fact<Integer>> p888 = List.of(
                new Fact<>(Period.of(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 10)), 0),
                new Fact<>(Period.of(LocalDate.of(2025, 11, 10), LocalDate.of(2026, 3, 1)), 1),
                new Fact<>(Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 1)), 2),
                new Fact<>(Period.from(LocalDate.of(2026, 9, 1)), 3));
        assertThat(CompensationTimeline.of(p888, List.of(), groups, START)).containsExactly(
                new Classified(Period.of(START, LocalDate.of(2025, 11, 10)), CompensationClass.STROMSTOTTE),
                new Classified(Period.of(LocalDate.of(2025, 11, 10), LocalDate.of(2026, 6, 1)), CompensationClass.NORGESPRIS_HOUSEHOLD),
                new Classified(Period.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 1)), CompensationClass.NORGESPRIS_HOLIDAY_HOME),
                new Classified(Period.from(LocalDate.of(2026, 9, 1)), CompensationClass.NONE));
    }

    @Test
    void firstDifferenceFindsTheDayTheClassesPartWays() {
        List<Classified> a = List.of(new Classified(Period.of(START, LocalDate.of(2026, 1, 1)), CompensationClass.STROMSTOTTE),
                new Classified(Period.from(LocalDate.of(2026, 1, 1)), CompensationClass.NORGESPRIS_HOUSEHOLD));
        List<Classified> b = List.of(new Classified(Period.of(START, LocalDate.of(2025, 12, 1)), CompensationClass.STROMSTOTTE),
                new Classified(Period.from(LocalDate.of(2025, 12, 1)), CompensationClass.NONE));
        assertThat(CompensationClassification.firstDifference(a, b)).contains(LocalDate.of(2025, 12, 1));
        assertThat(CompensationClassification.firstDifference(a, a)).isEmpty();
    }
}
