package no.kraft.cis.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import no.kraft.cis.audit.AuditedEntity;
import no.kraft.cis.period.Period;

/** One line of an invoice or credit note: a delivery's tariff element (or compensation) for a period. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends AuditedEntity {

    /** What the quantity counts. */
    public enum Unit {
        KWH,
        DAY,
        MONTH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "line_number")
    private int lineNumber;

    @Column(name = "metering_point_id")
    private Long meteringPointId;

    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "element_code")
    private String elementCode;

    private String text;

    @Column(name = "period_from")
    private LocalDate periodFrom;

    @Column(name = "period_to")
    private LocalDate periodTo;

    private BigDecimal quantity;

    @Enumerated(EnumType.STRING)
    private Unit unit;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Column(name = "net_amount")
    private BigDecimal netAmount;

    @Column(name = "vat_rate")
    private BigDecimal vatRate;

    @Column(name = "vat_amount")
    private BigDecimal vatAmount;

    protected InvoiceLine() {
    }

    InvoiceLine(int lineNumber, NewInvoiceLine line) {
        this.lineNumber = lineNumber;
        this.meteringPointId = line.meteringPointId();
        this.deliveryId = line.deliveryId();
        this.elementCode = line.elementCode();
        this.text = line.text();
        this.periodFrom = line.period().from();
        this.periodTo = line.period().to();
        this.quantity = line.quantity();
        this.unit = line.unit();
        this.unitPrice = line.unitPrice();
        this.netAmount = line.netAmount();
        this.vatRate = line.vatRate();
        this.vatAmount = line.vatAmount();
    }

    /** The same line with opposite sign, for a credit note. */
    NewInvoiceLine reversed() {
        return new NewInvoiceLine(meteringPointId, deliveryId, elementCode, text, period(), quantity.negate(), unit, unitPrice,
                netAmount.negate(), vatRate, vatAmount.negate());
    }

    public int lineNumber() {
        return lineNumber;
    }

    public Long meteringPointId() {
        return meteringPointId;
    }

    public Long deliveryId() {
        return deliveryId;
    }

    public String elementCode() {
        return elementCode;
    }

    public String text() {
        return text;
    }

    public Period period() {
        return new Period(periodFrom, periodTo);
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Unit unit() {
        return unit;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal netAmount() {
        return netAmount;
    }

    public BigDecimal vatRate() {
        return vatRate;
    }

    public BigDecimal vatAmount() {
        return vatAmount;
    }
}
