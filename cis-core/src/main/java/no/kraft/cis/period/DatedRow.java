package no.kraft.cis.period;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import no.kraft.cis.audit.AuditedEntity;

/**
 * A persisted value that holds for a {@link Period}. Subclasses add the value itself; {@link DatedHistory} keeps the
 * rules of how one value follows another, so no entity hand-rolls its own period logic.
 */
@MappedSuperclass
public abstract class DatedRow extends AuditedEntity {

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected DatedRow() {
    }

    protected DatedRow(Period period) {
        this.validFrom = period.from();
        this.validTo = period.to();
    }

    public Period period() {
        return new Period(validFrom, validTo);
    }

    /** Closes this value's period at {@code day} (exclusive); package-private so only {@link DatedHistory} decides. */
    void closeAt(LocalDate day) {
        this.validTo = day;
    }
}
