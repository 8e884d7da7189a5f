package no.kraft.cis.tariffelement;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import no.kraft.cis.period.DatedHistory;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.ValidationFailedException;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A tariff element (tariffelement): one priced component of a product, with its own validity and a dated price history.
 * An element is billed for a day when the day is inside its validity, a price is in force, and — if it names a required
 * segment — the metering point is a member of that segment on that day.
 */
@Entity
@Table(name = "tariff_element")
public class TariffElement extends DatedRow {

    /** What the element charges for. */
    public enum Kind {
        /** Energy price per kWh (energiledd): fixed or from a price table. */
        ENERGY_PRICE(true),
        /** Markup per kWh (påslag): fixed. */
        MARKUP(false),
        /** Fixed amount per month (fastbeløp), prorated by days: fixed. */
        FIXED_MONTHLY(false),
        /** Compensation line (Norgespris, strømstøtte): fixed or from a price table. */
        COMPENSATION(true);

        private final boolean mayUsePriceTable;

        Kind(boolean mayUsePriceTable) {
            this.mayUsePriceTable = mayUsePriceTable;
        }

        /** Whether the element's price may come from a price table instead of a fixed amount. */
        public boolean mayUsePriceTable() {
            return mayUsePriceTable;
        }
    }

    /** VAT treatment (mva-behandling); whether a VAT-exempt county applies is decided per metering point at billing. */
    public enum Vat {
        STANDARD,
        EXEMPT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private String code;

    @Column(name = "group_code")
    private String groupCode;

    @Column(name = "product_code")
    private String productCode;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "invoice_text")
    private String invoiceText;

    @Enumerated(EnumType.STRING)
    private Vat vat;

    @Column(name = "required_segment_id")
    private Integer requiredSegmentId;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "element_id", nullable = false)
    private List<TariffElementPrice> prices = new ArrayList<>();

    protected TariffElement() {
    }

    TariffElement(NewTariffElement definition) {
        super(definition.validity());
        requireAllowed(definition.kind(), definition.price());
        this.code = definition.code();
        this.groupCode = definition.groupCode();
        this.productCode = definition.productCode();
        this.kind = definition.kind();
        this.invoiceText = definition.invoiceText();
        this.vat = definition.vat();
        this.requiredSegmentId = definition.requiredSegmentId();
        this.prices.add(new TariffElementPrice(definition.price(), definition.validity()));
    }

    /**
     * A new price from {@code from}; the price in force until then is closed at {@code from}, and no price before the
     * latest one's start can be changed.
     */
    TariffElementPrice changePrice(TariffPrice price, LocalDate from) {
        requireAllowed(kind, price);
        Period validity = period();
        if (!validity.contains(from)) {
            throw new ConflictException("validFrom", "tariffElement.outsideValidity",
                    "a price from " + from + " is outside the element's validity " + validity);
        }
        TariffElementPrice next = new TariffElementPrice(price, new Period(from, validity.to()));
        priceHistory().append(next);
        return next;
    }

    /** Ends the element (and its price in force) on {@code day}, exclusive; an element can be shortened, not extended. */
    void endOn(LocalDate day) {
        DatedHistory.end(this, day, "validTo");
        for (TariffElementPrice price : prices) {
            Period p = price.period();
            if (p.isOpenEnded() || p.to().isAfter(day)) {
                if (!p.from().isBefore(day)) {
                    throw new ConflictException("validTo", "tariffElement.pricesAfterEnd",
                            "a price starts " + p.from() + ", on or after the end " + day + "; prices are never removed");
                }
                DatedHistory.end(price, day, "validTo");
            }
        }
    }

    private DatedHistory<TariffElementPrice> priceHistory() {
        return new DatedHistory<>(prices, prices::add, "validFrom");
    }

    private static void requireAllowed(Kind kind, TariffPrice price) {
        if (price instanceof TariffPrice.FromPriceTable && !kind.mayUsePriceTable()) {
            throw ValidationFailedException.of("priceCalculation", "tariffElement.fixedOnly",
                    kind + " elements have a fixed amount, not a price table");
        }
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String code() {
        return code;
    }

    public String groupCode() {
        return groupCode;
    }

    public Optional<String> productCode() {
        return Optional.ofNullable(productCode);
    }

    public Kind kind() {
        return kind;
    }

    public String invoiceText() {
        return invoiceText;
    }

    public Vat vat() {
        return vat;
    }

    public Optional<Integer> requiredSegmentId() {
        return Optional.ofNullable(requiredSegmentId);
    }

    /** The price history, oldest first (including versions replaced on their first day). */
    public List<TariffElementPrice> prices() {
        return priceHistory().rows();
    }

    /** The price in force on {@code day}. */
    public Optional<TariffPrice> priceOn(LocalDate day) {
        return priceHistory().at(day).map(TariffElementPrice::price);
    }
}
