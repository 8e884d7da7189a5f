package no.kraft.cis.receivables;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import no.kraft.cis.period.DatedRow;

/** The forsinkelsesrente of one half-year: inserted once, never changed. */
@Entity
@Table(name = "receivables_late_interest_rate")
class LateInterestRateRow extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private BigDecimal ratePercent;
    private boolean derived;
    private String source;

    protected LateInterestRateRow() {
    }

    LateInterestRateRow(LateInterestRate rate) {
        super(rate.halfYear());
        this.ratePercent = rate.ratePercent();
        this.derived = rate.derived();
        this.source = rate.source();
    }

    LateInterestRate rate() {
        return new LateInterestRate(period(), ratePercent, derived, source);
    }
}
