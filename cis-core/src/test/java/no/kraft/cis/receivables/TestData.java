package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.period.Period;

/** The receivables rules as the migration seeds them, for the pure tests. */
final class TestData {

    static final StatutoryTerms TERMS_700 = new StatutoryTerms(Period.of(LocalDate.of(2020, 10, 1), LocalDate.of(2026, 1, 1)),
            new BigDecimal("700"), new BigDecimal("0.05"), new BigDecimal("0.15"), 14, 14, 2, "test");
    static final StatutoryTerms TERMS_750 = StatutoryTerms.of(LocalDate.of(2026, 1, 1), new BigDecimal("750"), "test");

    static final List<LateInterestRate> RATES = List.of(
            LateInterestRate.of(LocalDate.of(2025, 1, 1), "12.50", false, "test"),
            LateInterestRate.of(LocalDate.of(2025, 7, 1), "12.25", true, "test"),
            LateInterestRate.of(LocalDate.of(2026, 1, 1), "12.00", false, "test"));

    static final DunningPolicy DEFAULT = new DunningPolicy(true, true, false);
    static final DunningPolicy NO_FEES = new DunningPolicy(false, false, false);
    static final DunningPolicy CHARGE_ALL = new DunningPolicy(true, true, true);

    private TestData() {
    }

    static DunningRules rules(LocalDate day, DunningPolicy policy) {
        return new DunningRules(day.isBefore(TERMS_750.validity().from()) ? TERMS_700 : TERMS_750, RATES, policy);
    }

    static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
