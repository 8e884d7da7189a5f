package no.kraft.cis.meteringpoint;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;

/** The {@link Characteristics} a metering point had during one period. */
@Entity
@Table(name = "metering_point_characteristics")
public class CharacteristicsVersion extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private PriceArea priceArea;

    private String gridOwnerGln;
    private String street;
    private String postcode;
    private String city;
    private String municipalityNumber;
    private String endUserGroup;
    private String industryCode;
    private String resolution;
    private boolean vatExempt;
    private int dwellingUnits;
    private boolean profiled;

    /** The value, built once: the row's master data never changes after it is written (only its period may end). */
    @jakarta.persistence.Transient
    private Characteristics value;

    protected CharacteristicsVersion() {
    }

    CharacteristicsVersion(Characteristics c, Period period) {
        super(period);
        priceArea = c.priceArea();
        gridOwnerGln = c.gridOwner().value();
        street = c.address().street();
        postcode = c.address().postcode();
        city = c.address().city();
        municipalityNumber = c.address().municipalityNumber();
        endUserGroup = c.endUserGroup().code();
        industryCode = c.industryCode() == null ? null : c.industryCode().code();
        resolution = c.resolution().iso();
        vatExempt = c.vatExempt();
        dwellingUnits = c.dwellingUnits();
        profiled = c.profiled();
    }

    public Characteristics characteristics() {
        if (value == null) {
            value = new Characteristics(priceArea, new Gln(gridOwnerGln),
                    new InstallationAddress(street, postcode, city, municipalityNumber), new EndUserGroup(endUserGroup),
                    industryCode == null ? null : new IndustryCode(industryCode), MeteringResolution.parse(resolution), vatExempt,
                    dwellingUnits, profiled);
        }
        return value;
    }
}
