package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.InvalidValueException;

/**
 * The forsinkelsesrente for one half-year (forsinkelsesrenteloven § 3: the rate on 1 January and 1 July holds for the
 * following half-year; Norges Bank's policy rate + at least 8 percentage points).
 *
 * @param halfYear exactly 1 Jan – 1 Jul or 1 Jul – 1 Jan (exclusive)
 * @param ratePercent per annum, e.g. {@code 12.25}
 * @param derived our own derivation (policy rate + 8 pp), not a published text
 */
public record LateInterestRate(Period halfYear, BigDecimal ratePercent, boolean derived, String source) {

    public LateInterestRate {
        if (halfYear == null || ratePercent == null) {
            throw new InvalidValueException("required", "the half-year and the rate are required");
        }
        LocalDate from = halfYear.from();
        boolean startsHalfYear = from.getDayOfMonth() == 1 && (from.getMonth() == Month.JANUARY || from.getMonth() == Month.JULY);
        if (!startsHalfYear || halfYear.isOpenEnded() || !halfYear.to().equals(from.plusMonths(6))) {
            throw new InvalidValueException("interest.halfYear", "a forsinkelsesrente holds for a half-year from 1 January or 1 July, not " + halfYear);
        }
        if (ratePercent.signum() < 0 || ratePercent.stripTrailingZeros().scale() > 3) {
            throw new InvalidValueException("interest.rate", "a rate is a non-negative percentage with at most three decimals, not " + ratePercent);
        }
        ratePercent = ratePercent.setScale(3);
    }

    /** The half-year starting {@code from} (1 January or 1 July). */
    public static LateInterestRate of(LocalDate from, String ratePercent, boolean derived, String source) {
        return new LateInterestRate(Period.of(from, from.plusMonths(6)), new BigDecimal(ratePercent), derived, source);
    }
}
