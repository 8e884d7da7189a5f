package no.kraft.cis.receivables;

import static no.kraft.cis.receivables.TestData.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seeded dated rows read back for a day, on the shared test PostgreSQL with the cis-core migrations. Each test
 * rolls back what it adds.
 */
@SpringBootTest(classes = ReceivablesRulesDatabaseTest.Receivables.class,
        properties = {"spring.flyway.locations=classpath:db/migration/cis-core", "spring.jpa.hibernate.ddl-auto=validate"})
@Transactional
class ReceivablesRulesDatabaseTest {

    /** The receivables module with what it needs: the clock (period) and the audit columns (audit). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = {"no.kraft.cis.receivables", "no.kraft.cis.audit", "no.kraft.cis.period"})
    static class Receivables {
    }

    @Autowired
    ReceivablesRules rules;

    @Autowired
    CollectionTerms terms;

    @Autowired
    LateInterestRates rates;

    @Autowired
    DunningPolicies policies;

    @Test
    void theRateOnEachSideOfTheFirstOfJuly() {
        assertThat(rates.at(day("2025-06-30")).orElseThrow().ratePercent()).isEqualByComparingTo("12.50");
        LateInterestRate second = rates.at(day("2025-07-01")).orElseThrow();
        assertThat(second.ratePercent()).isEqualByComparingTo("12.25");
        assertThat(second.derived()).isTrue();
        assertThat(rates.at(day("2026-01-01")).orElseThrow().ratePercent()).isEqualByComparingTo("12.00");
        // 2H 2026 has not been entered: no rate, not the old one
        assertThat(rates.at(day("2026-07-01"))).isEmpty();
    }

    @Test
    void theFeeOnEachSideOfNewYear2026() {
        StatutoryTerms old = terms.at(day("2025-12-31"));
        assertThat(old.inkassosats()).isEqualByComparingTo("700");
        assertThat(old.reminderFee()).isEqualByComparingTo("35.00");
        assertThat(old.paymentDemandFee()).isEqualByComparingTo("105.00");
        StatutoryTerms current = terms.at(day("2026-01-01"));
        assertThat(current.reminderFee()).isEqualByComparingTo("37.50");
        assertThat(current.paymentDemandFee()).isEqualByComparingTo("112.50");
        assertThat(current.maxFeeBearingNotices()).isEqualTo(2);
        assertThat(terms.at(day("2020-10-01")).reminderFee()).isEqualByComparingTo("35.00");
        assertThatThrownBy(() -> terms.at(day("2020-09-30"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theRulesOfADayForTheJob() {
        DunningRules on = rules.on(day("2025-12-31"), Set.of());
        assertThat(on.terms().reminderFee()).isEqualByComparingTo("35.00");
        assertThat(on.rates()).hasSize(3);
        assertThat(on.policy()).isEqualTo(new DunningPolicy(true, true, false));
    }

    @Test
    void newTermsCloseThePreviousOnesAndCannotGoBack() {
        terms.add(StatutoryTerms.of(day("2027-01-01"), new BigDecimal("800"), "test"));
        assertThat(terms.at(day("2026-12-31")).reminderFee()).isEqualByComparingTo("37.50");
        assertThat(terms.at(day("2027-01-01")).reminderFee()).isEqualByComparingTo("40.00");
        assertThat(terms.history()).extracting(t -> t.validity().toString())
                .containsExactly("[2020-10-01, 2026-01-01)", "[2026-01-01, 2027-01-01)", "[2027-01-01, ∞)");
        assertThatThrownBy(() -> terms.add(StatutoryTerms.of(day("2026-06-01"), new BigDecimal("760"), "test")))
                .isInstanceOf(ConflictException.class).extracting("rule").isEqualTo("history.beforeLatest");
    }

    @Test
    void aHalfYearIsEnteredOnce() {
        rates.add(LateInterestRate.of(day("2026-07-01"), "11.75", true, "test"));
        assertThat(rates.at(day("2026-12-31")).orElseThrow().ratePercent()).isEqualByComparingTo("11.75");
        assertThatThrownBy(() -> rates.add(LateInterestRate.of(day("2026-07-01"), "12.00", false, "test")))
                .isInstanceOf(ConflictException.class).extracting("rule").isEqualTo("interest.halfYearEntered");
    }

    @Test
    void aSegmentsPolicyAndTheDefault() {
        policies.add(103, day("2026-01-01"), new DunningPolicy(true, false, false));
        assertThat(policies.forSegments(Set.of(103), day("2025-12-31"))).isEqualTo(new DunningPolicy(true, true, false));
        assertThat(policies.forSegments(Set.of(103), day("2026-01-01"))).isEqualTo(new DunningPolicy(true, false, false));
        assertThat(policies.forSegments(Set.of(101), day("2026-01-01"))).isEqualTo(policies.defaultPolicy(day("2026-01-01")));
        policies.add(null, day("2026-03-01"), new DunningPolicy(false, false, true));
        assertThat(policies.history(null)).extracting(p -> p.validity().toString())
                .containsExactly("[2020-10-01, 2026-03-01)", "[2026-03-01, ∞)");
        assertThat(rules.on(day("2026-03-01"), List.of()).policy()).isEqualTo(new DunningPolicy(false, false, true));
    }

    @Test
    void aPolicyForASegmentThatDoesNotExist() {
        assertThatThrownBy(() -> policies.add(9999, day("2026-01-01"), new DunningPolicy(true, true, true)))
                .isInstanceOf(ValidationFailedException.class);
    }
}
