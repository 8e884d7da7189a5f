package no.kraft.cis.meteringpoint;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditedEntity;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import no.kraft.cis.period.DatedHistory;
import no.kraft.cis.period.Period;

/**
 * A metering point (målepunkt): where electricity is measured and supplied. Its master data ({@link Characteristics})
 * and its properties (888/870/900) are dated, with full history: a change closes the previous value's period.
 */
@Entity
@Table(name = "metering_point")
public class MeteringPoint extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private String gsrn;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "metering_point_id", nullable = false)
    private List<CharacteristicsVersion> characteristics = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "metering_point_id", nullable = false)
    private List<PropertyValue> properties = new ArrayList<>();

    protected MeteringPoint() {
    }

    static MeteringPoint register(MeteringPointId id, LocalDate validFrom, Characteristics initial) {
        MeteringPoint point = new MeteringPoint();
        point.gsrn = id.value();
        point.changeCharacteristics(validFrom, initial);
        return point;
    }

    void changeCharacteristics(LocalDate validFrom, Characteristics next) {
        characteristicsHistory().append(new CharacteristicsVersion(next, Period.from(validFrom)));
    }

    /**
     * Gives a property a new value from {@code validFrom}. Setting the value already in force is a no-op, so a sync
     * that repeats itself changes nothing.
     *
     * @return whether anything changed
     */
    boolean setProperty(PropertyCode code, int value, String note, LocalDate validFrom) {
        code.requireValid(value, note);
        DatedHistory<PropertyValue> history = propertyHistory(code);
        Optional<PropertyValue> replaced = history.replacedBy(validFrom);
        if (replaced.isPresent() && replaced.get().value() == value
                && java.util.Objects.equals(replaced.get().note(), note)) {
            return false;
        }
        code.requireTransition(replaced.map(PropertyValue::value), value);
        history.append(new PropertyValue(code, value, note, Period.from(validFrom)));
        return true;
    }

    /**
     * Replaces the settled compensation (900) from {@code from} on with {@code timeline} — the one property the system
     * derives from others, so a back-dated change of its inputs re-derives it back in time. Nothing is deleted: a value
     * in force on {@code from} is closed there, values starting later are closed on their own start (kept, in force on
     * no day), and the new values follow.
     *
     * @param timeline values in date order, none starting before {@code from}
     * @return whether anything changed
     */
    boolean rederiveSettledCompensation(LocalDate from, List<DerivedValue> timeline) {
        List<PropertyValue> current = propertyValues(PropertyCode.SETTLED_COMPENSATION).stream()
                .filter(v -> !v.period().isEmpty() && v.period().overlaps(Period.from(from))).toList();
        List<DerivedValue> existing = current.stream()
                .map(v -> new DerivedValue(v.value(), v.period().from().isBefore(from) ? new Period(from, v.period().to()) : v.period()))
                .toList();
        if (existing.equals(timeline)) {
            return false;
        }
        if (!timeline.isEmpty() && timeline.getFirst().period().from().isBefore(from)) {
            throw new IllegalArgumentException("the timeline starts " + timeline.getFirst().period().from() + ", before " + from);
        }
        for (PropertyValue value : current) {
            if (value.period().from().isBefore(from)) {
                DatedHistory.end(value, from, "validFrom");
            } else {
                DatedHistory.supersede(value);
            }
        }
        for (DerivedValue next : timeline) {
            PropertyCode.SETTLED_COMPENSATION.requireValid(next.value(), null);
            properties.add(new PropertyValue(PropertyCode.SETTLED_COMPENSATION, next.value(), null, next.period()));
        }
        return true;
    }

    /** A derived value for a period. */
    public record DerivedValue(int value, Period period) {
    }

    void endProperty(PropertyCode code, LocalDate validTo) {
        propertyHistory(code).endAt(validTo);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public MeteringPointId meteringPointId() {
        return new MeteringPointId(gsrn);
    }

    public Optional<Characteristics> characteristicsOn(LocalDate day) {
        return characteristicsHistory().at(day).map(CharacteristicsVersion::characteristics);
    }

    /**
     * The master data version to show "as of" {@code day}: the one in force then, or — for a point whose data starts
     * later or has ended — the latest one.
     */
    public Optional<CharacteristicsVersion> characteristicsAsOf(LocalDate day) {
        DatedHistory<CharacteristicsVersion> history = characteristicsHistory();
        return history.at(day).or(history::latest);
    }

    /** All versions of the master data, oldest first. */
    public List<CharacteristicsVersion> characteristicsVersions() {
        return characteristicsHistory().rows();
    }

    public Optional<PropertyValue> propertyOn(PropertyCode code, LocalDate day) {
        return propertyHistory(code).at(day);
    }

    /** The value that started last and was in force on some day (it may have ended since), if any. */
    public Optional<PropertyValue> latestProperty(PropertyCode code) {
        return propertyHistory(code).latest().filter(v -> !v.period().isEmpty());
    }

    /** All values the property has had, oldest first. */
    public List<PropertyValue> propertyValues(PropertyCode code) {
        return propertyHistory(code).rows();
    }

    private DatedHistory<CharacteristicsVersion> characteristicsHistory() {
        return new DatedHistory<>(characteristics, characteristics::add, "validFrom");
    }

    private DatedHistory<PropertyValue> propertyHistory(PropertyCode code) {
        return new DatedHistory<>(properties.stream().filter(p -> p.code() == code).toList(), properties::add, "validFrom");
    }

    @Override
    public String toString() {
        return "MeteringPoint[" + gsrn + "]";
    }
}
