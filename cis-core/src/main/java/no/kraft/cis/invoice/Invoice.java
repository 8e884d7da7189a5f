package no.kraft.cis.invoice;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditedEntity;
import no.kraft.cis.period.Period;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * An invoice (faktura) or credit note (kreditnota) to one customer for one billing period, covering all the customer's
 * metering points. Issued once, never changed: the only later change is the mark that a credit note cancelled it.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends AuditedEntity {

    /** Invoice or credit note. */
    public enum Kind {
        INVOICE,
        CREDIT_NOTE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_number")
    private long invoiceNumber;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "customer_id")
    private long customerId;

    @Column(name = "period_from")
    private LocalDate periodFrom;

    @Column(name = "period_to")
    private LocalDate periodTo;

    @Column(name = "issue_date")
    private LocalDate issueDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    private String kid;

    @Column(name = "net_amount")
    private BigDecimal netAmount;

    @Column(name = "vat_amount")
    private BigDecimal vatAmount;

    @Column(name = "total_amount")
    private BigDecimal totalAmount;

    @Column(name = "credits_invoice_id")
    private Long creditsInvoiceId;

    @Column(name = "replaces_invoice_id")
    private Long replacesInvoiceId;

    private boolean credited;

    @Column(name = "billing_run_id")
    private Long billingRunId;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "invoice_id", nullable = false)
    @OrderBy("lineNumber")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    Invoice(long number, Kind kind, long customerId, Kid kid, Period period, LocalDate issueDate, LocalDate dueDate,
            List<NewInvoiceLine> lines, Long creditsInvoiceId, Long replacesInvoiceId, Long billingRunId) {
        this.invoiceNumber = number;
        this.kind = kind;
        this.customerId = customerId;
        this.kid = kid.value();
        this.periodFrom = period.from();
        this.periodTo = period.to();
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.creditsInvoiceId = creditsInvoiceId;
        this.replacesInvoiceId = replacesInvoiceId;
        this.billingRunId = billingRunId;
        for (int i = 0; i < lines.size(); i++) {
            this.lines.add(new InvoiceLine(i + 1, lines.get(i)));
        }
        this.netAmount = NewInvoiceLine.netTotal(lines);
        this.vatAmount = NewInvoiceLine.vatTotal(lines);
        this.totalAmount = netAmount.add(vatAmount);
    }

    void markCredited() {
        this.credited = true;
    }

    public Long id() {
        return id;
    }

    public long invoiceNumber() {
        return invoiceNumber;
    }

    public Kind kind() {
        return kind;
    }

    public long customerId() {
        return customerId;
    }

    public Period period() {
        return new Period(periodFrom, periodTo);
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Kid kid() {
        return new Kid(kid);
    }

    public BigDecimal netAmount() {
        return netAmount;
    }

    public BigDecimal vatAmount() {
        return vatAmount;
    }

    public BigDecimal totalAmount() {
        return totalAmount;
    }

    public Optional<Long> creditsInvoiceId() {
        return Optional.ofNullable(creditsInvoiceId);
    }

    public Optional<Long> replacesInvoiceId() {
        return Optional.ofNullable(replacesInvoiceId);
    }

    public boolean credited() {
        return credited;
    }

    public Optional<Long> billingRunId() {
        return Optional.ofNullable(billingRunId);
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}
