package no.kraft.cis.contract;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;

/**
 * A delivery (leveranse): supply to one metering point under one product for a half-open period. Changing product
 * ends one delivery and starts the next on the same day.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long meteringPointId;
    private String productCode;

    protected Delivery() {
    }

    Delivery(long meteringPointId, String productCode, Period period) {
        super(period);
        this.meteringPointId = meteringPointId;
        this.productCode = productCode;
    }

    public Long id() {
        return id;
    }

    /** Internal ID of the metering point (see the meteringpoint module for its GSRN). */
    public long meteringPointId() {
        return meteringPointId;
    }

    public String productCode() {
        return productCode;
    }

    public boolean isActiveOn(LocalDate day) {
        return period().contains(day);
    }
}
