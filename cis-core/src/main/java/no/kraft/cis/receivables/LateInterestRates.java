package no.kraft.cis.receivables;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.rule.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forsinkelsesrente per half-year. A half-year is entered once and never changed; a half-year not entered has
 * no rate (the interest calculation refuses days in it).
 */
@Service
@Transactional
public class LateInterestRates {

    private final LateInterestRateRepository rows;

    LateInterestRates(LateInterestRateRepository rows) {
        this.rows = rows;
    }

    /** All half-years entered, oldest first. */
    @Transactional(readOnly = true)
    public List<LateInterestRate> history() {
        return rows.findAll().stream().map(LateInterestRateRow::rate).sorted(Comparator.comparing(r -> r.halfYear().from())).toList();
    }

    /** The rate in force on {@code day}, if its half-year has been entered. */
    @Transactional(readOnly = true)
    public Optional<LateInterestRate> at(LocalDate day) {
        return history().stream().filter(r -> r.halfYear().contains(day)).findFirst();
    }

    /**
     * Enters one half-year's rate.
     *
     * @throws ConflictException {@code interest.halfYearEntered} if that half-year already has a rate
     */
    public LateInterestRate add(LateInterestRate rate) {
        if (at(rate.halfYear().from()).isPresent()) {
            throw new ConflictException("validFrom", "interest.halfYearEntered", "the half-year from " + rate.halfYear().from()
                    + " already has a forsinkelsesrente; entered rates are never changed");
        }
        LateInterestRateRow row = rows.saveAndFlush(new LateInterestRateRow(rate));
        return row.rate();
    }
}
