package no.kraft.cis.receivables;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;

/** One version of a segment's (or the default) dunning policy; appended, never rewritten. */
@Entity
@Table(name = "receivables_dunning_policy")
class DunningPolicyRow extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Integer segmentId;
    private boolean friendlyReminder;
    private boolean chargeFee;
    private boolean chargeInterest;

    protected DunningPolicyRow() {
    }

    DunningPolicyRow(Integer segmentId, Period period, DunningPolicy policy) {
        super(period);
        this.segmentId = segmentId;
        this.friendlyReminder = policy.friendlyReminder();
        this.chargeFee = policy.chargeFee();
        this.chargeInterest = policy.chargeInterest();
    }

    DatedDunningPolicy dated() {
        return new DatedDunningPolicy(segmentId, period(), new DunningPolicy(friendlyReminder, chargeFee, chargeInterest));
    }
}
