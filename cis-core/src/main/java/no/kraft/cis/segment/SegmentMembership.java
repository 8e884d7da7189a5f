package no.kraft.cis.segment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import no.kraft.cis.period.DatedHistory;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;

/** A metering point's or a contract's membership of a segment for a half-open period. */
@Entity
@Table(name = "segment_membership")
public class SegmentMembership extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int segmentId;
    private Long meteringPointId;
    private Long contractId;

    protected SegmentMembership() {
    }

    static SegmentMembership ofMeteringPoint(int segmentId, long meteringPointId, Period period) {
        SegmentMembership m = new SegmentMembership(period);
        m.segmentId = segmentId;
        m.meteringPointId = meteringPointId;
        return m;
    }

    static SegmentMembership ofContract(int segmentId, long contractId, Period period) {
        SegmentMembership m = new SegmentMembership(period);
        m.segmentId = segmentId;
        m.contractId = contractId;
        return m;
    }

    private SegmentMembership(Period period) {
        super(period);
    }

    /** Ends the membership on {@code day} (exclusive); it can only be shortened. */
    void endOn(LocalDate day) {
        DatedHistory.end(this, day, "validTo");
    }

    public Long id() {
        return id;
    }

    public int segmentId() {
        return segmentId;
    }

    public Long meteringPointId() {
        return meteringPointId;
    }

    public Long contractId() {
        return contractId;
    }
}
