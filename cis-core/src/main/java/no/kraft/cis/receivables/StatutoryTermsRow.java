package no.kraft.cis.receivables;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import no.kraft.cis.period.DatedRow;

/** One version of the statutory terms; appended through {@link no.kraft.cis.period.DatedHistory}, never rewritten. */
@Entity
@Table(name = "receivables_statutory_terms")
class StatutoryTermsRow extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private BigDecimal inkassosats;
    private BigDecimal reminderFeeFraction;
    private BigDecimal paymentDemandFeeFraction;
    private int feeEarliestDaysAfterDue;
    private int minimumDeadlineDays;
    private int maxFeeBearingNotices;
    private String source;

    protected StatutoryTermsRow() {
    }

    StatutoryTermsRow(StatutoryTerms terms) {
        super(terms.validity());
        this.inkassosats = terms.inkassosats();
        this.reminderFeeFraction = terms.reminderFeeFraction();
        this.paymentDemandFeeFraction = terms.paymentDemandFeeFraction();
        this.feeEarliestDaysAfterDue = terms.feeEarliestDaysAfterDue();
        this.minimumDeadlineDays = terms.minimumDeadlineDays();
        this.maxFeeBearingNotices = terms.maxFeeBearingNotices();
        this.source = terms.source();
    }

    StatutoryTerms terms() {
        return new StatutoryTerms(period(), inkassosats, reminderFeeFraction, paymentDemandFeeFraction, feeEarliestDaysAfterDue,
                minimumDeadlineDays, maxFeeBearingNotices, source);
    }
}
