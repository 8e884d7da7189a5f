package no.kraft.cis.meteringpoint;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;

/** One dated value of a property (egenskap) on a metering point, with an optional note (888: Elhub's error text). */
@Entity
@Table(name = "metering_point_property")
public class PropertyValue extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int code;
    private int value;
    private String note;

    protected PropertyValue() {
    }

    PropertyValue(PropertyCode code, int value, String note, Period period) {
        super(period);
        this.code = code.code();
        this.value = value;
        this.note = note;
    }

    public PropertyCode code() {
        return PropertyCode.ofCode(code);
    }

    public int value() {
        return value;
    }

    public String note() {
        return note;
    }
}
