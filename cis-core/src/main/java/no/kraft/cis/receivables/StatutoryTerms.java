package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.InvalidValueException;

/**
 * The statutory terms of dunning in force for a period (inkassoforskriften §§ 1-1 – 1-3): the inkassosats and the
 * fractions of it a fee may be, the earliest day after the due date a notice may carry a fee, the shortest deadline a
 * notice gives, and how many fee-bearing notices a claim may have before a betalingsoppfordring.
 *
 * @param inkassosats NOK, two decimals
 * @param reminderFeeFraction purregebyr and inkassovarsel fee as a fraction of the inkassosats (1/20 = 0.05)
 * @param paymentDemandFeeFraction betalingsoppfordring fee as a fraction of the inkassosats (3/20 = 0.15)
 * @param feeEarliestDaysAfterDue a fee only on a notice sent at the earliest this many days after the due date (14)
 * @param minimumDeadlineDays a notice's payment deadline is at least this many days after it is sent (14)
 * @param maxFeeBearingNotices fee-bearing notices (purring, inkassovarsel) per claim before a betalingsoppfordring (2)
 * @param source where the values come from, and which are derived
 */
public record StatutoryTerms(Period validity, BigDecimal inkassosats, BigDecimal reminderFeeFraction,
        BigDecimal paymentDemandFeeFraction, int feeEarliestDaysAfterDue, int minimumDeadlineDays, int maxFeeBearingNotices,
        String source) {

    public StatutoryTerms {
        if (validity == null || inkassosats == null || reminderFeeFraction == null || paymentDemandFeeFraction == null) {
            throw new InvalidValueException("required", "validity, inkassosats and both fee fractions are required");
        }
        if (inkassosats.signum() <= 0 || inkassosats.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("terms.inkassosats", "the inkassosats is a positive NOK amount in øre, not " + inkassosats);
        }
        for (BigDecimal fraction : new BigDecimal[] {reminderFeeFraction, paymentDemandFeeFraction}) {
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0 || fraction.stripTrailingZeros().scale() > 6) {
                throw new InvalidValueException("terms.fraction", "a fee fraction is between 0 and 1 with at most six decimals, not " + fraction);
            }
        }
        if (feeEarliestDaysAfterDue < 0 || minimumDeadlineDays < 0 || maxFeeBearingNotices < 0) {
            throw new InvalidValueException("terms.negative", "days and counts cannot be negative");
        }
        inkassosats = inkassosats.setScale(2);
        reminderFeeFraction = reminderFeeFraction.setScale(6);
        paymentDemandFeeFraction = paymentDemandFeeFraction.setScale(6);
    }

    /** The terms of today's law from {@code from}: fees 1/20 and 3/20, 14 days, two fee-bearing notices. */
    public static StatutoryTerms of(LocalDate from, BigDecimal inkassosats, String source) {
        return new StatutoryTerms(Period.from(from), inkassosats, new BigDecimal("0.05"), new BigDecimal("0.15"), 14, 14, 2, source);
    }

    /** Purregebyr, also the inkassovarsel fee (1/20 of the inkassosats: 35.00 from 700, 37.50 from 750), to the øre. */
    public BigDecimal reminderFee() {
        return inkassosats.multiply(reminderFeeFraction).setScale(2, RoundingMode.HALF_UP);
    }

    /** Betalingsoppfordring fee in egeninkasso (3/20: 105.00 from 700, 112.50 from 750), to the øre. */
    public BigDecimal paymentDemandFee() {
        return inkassosats.multiply(paymentDemandFeeFraction).setScale(2, RoundingMode.HALF_UP);
    }
}
