package no.kraft.cis.delivery.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import no.kraft.cis.billing.settlement.CompensationRuleBook;
import no.kraft.cis.billing.settlement.DayResult;
import no.kraft.cis.billing.settlement.SchemeTotal;
import no.kraft.cis.billing.settlement.Settlements;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.delivery.InvoiceDeliveryProperties;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.InvoiceLine;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.tariff.Product;
import no.kraft.cis.tariff.ProductCatalogue;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.Tariffs;

/**
 * Gathers what an invoice document shows from the issued invoice (cis-core) and the month's settlement
 * (norgespris-billing) into one {@link InvoiceDocument}: reads only.
 */
public class InvoiceDocuments {

    private final Invoices invoices;
    private final CustomerService customers;
    private final MeteringPointService meteringPoints;
    private final ContractService contracts;
    private final ProductCatalogue products;
    private final Tariffs tariffs;
    private final Settlements settlements;
    private final CompensationRuleBook rules;
    private final InvoiceDeliveryProperties properties;

    public InvoiceDocuments(Invoices invoices, CustomerService customers, MeteringPointService meteringPoints, ContractService contracts,
            ProductCatalogue products, Tariffs tariffs, Settlements settlements, CompensationRuleBook rules,
            InvoiceDeliveryProperties properties) {
        this.invoices = invoices;
        this.customers = customers;
        this.meteringPoints = meteringPoints;
        this.contracts = contracts;
        this.products = products;
        this.tariffs = tariffs;
        this.settlements = settlements;
        this.rules = rules;
        this.properties = properties;
    }

    public InvoiceDocument of(long invoiceNumber) {
        return of(invoiceNumber, new Memo());
    }

    /** Gathers the documents of many invoices (a night's), safe from several threads. */
    public interface Batch {
        InvoiceDocument of(long invoiceNumber);
    }

    /**
     * For many invoices at once: what is the same for all of them — the tariff elements' kinds, the products behind the
     * agreements, the compensation rules — is read once for the batch instead of once (or once per line) per invoice.
     */
    public Batch batch() {
        Memo memo = new Memo();
        return invoiceNumber -> of(invoiceNumber, memo);
    }

    /** What one gathering (or a batch of them) has read already. */
    private static final class Memo {
        final java.util.concurrent.ConcurrentHashMap<String, InvoiceDocument.Category> categories = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.ConcurrentHashMap<String, InvoiceDocument.Agreement> agreements = new java.util.concurrent.ConcurrentHashMap<>();
        volatile List<no.kraft.cis.billing.settlement.CompensationRules> rules;
    }

    private InvoiceDocument of(long invoiceNumber, Memo memo) {
        Invoice invoice = invoices.byNumber(invoiceNumber);
        Customer customer = customers.findById(invoice.customerId()).orElseThrow();
        Map<Long, List<InvoiceLine>> byPoint = new LinkedHashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            byPoint.computeIfAbsent(line.meteringPointId() == null ? 0L : line.meteringPointId(), k -> new ArrayList<>()).add(line);
        }
        List<InvoiceDocument.MeteringPointPart> parts = new ArrayList<>();
        String productCode = null;
        for (var entry : byPoint.entrySet()) {
            Optional<MeteringPoint> point = entry.getKey() == 0L ? Optional.empty() : meteringPoints.findById(entry.getKey());
            List<InvoiceDocument.Line> lines = entry.getValue().stream().map(l -> line(l, memo)).toList();
            String address = point.flatMap(p -> p.characteristicsAsOf(invoice.period().from()))
                    .map(v -> v.characteristics().address()).map(a -> a.street() + ", " + a.postcode() + " " + a.city()).orElse("");
            parts.add(new InvoiceDocument.MeteringPointPart(point.map(p -> p.meteringPointId().value()).orElse(""), address, lines,
                    point.flatMap(p -> explanation(p, YearMonth.from(invoice.period().from()), memo)).orElse(null)));
            if (productCode == null) {
                productCode = entry.getValue().stream().map(InvoiceLine::deliveryId).filter(java.util.Objects::nonNull).findFirst()
                        .flatMap(id -> deliveryProduct(invoice.customerId(), id)).orElse(null);
            }
        }
        Map<BigDecimal, BigDecimal[]> vat = new TreeMap<>();
        for (InvoiceLine l : invoice.lines()) {
            BigDecimal[] row = vat.computeIfAbsent(l.vatRate().stripTrailingZeros(), r -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            row[0] = row[0].add(l.netAmount());
            row[1] = row[1].add(l.vatAmount());
        }
        List<InvoiceDocument.VatRow> vatRows = vat.entrySet().stream()
                .map(e -> new InvoiceDocument.VatRow(e.getKey(), e.getValue()[0].setScale(2, RoundingMode.UNNECESSARY),
                        e.getValue()[1].setScale(2, RoundingMode.UNNECESSARY)))
                .toList();
        Long credits = invoice.creditsInvoiceId().map(invoices::numberOf).orElse(null);
        return new InvoiceDocument(invoice.kind() == Invoice.Kind.CREDIT_NOTE ? InvoiceDocument.Kind.CREDIT_NOTE : InvoiceDocument.Kind.INVOICE,
                invoice.invoiceNumber(), credits, invoice.issueDate(), invoice.dueDate(), invoice.period().from(), invoice.period().to(),
                invoice.kid().value(), properties.seller(), buyer(customer),
                memo.agreements.computeIfAbsent(productCode == null ? "" : productCode, code -> agreement(code.isEmpty() ? null : code)), parts, vatRows, invoice.netAmount(),
                invoice.vatAmount(), invoice.totalAmount());
    }

    private InvoiceDocument.Line line(InvoiceLine l, Memo memo) {
        InvoiceDocument.Category category = memo.categories.computeIfAbsent(l.elementCode(), this::category);
        return new InvoiceDocument.Line(l.lineNumber(), l.elementCode(), l.text(), category, l.period().from(), l.period().to(), l.quantity(),
                switch (l.unit()) {
                    case KWH -> "kWh";
                    case MONTH -> "month";
                    case DAY -> "day";
                }, l.unitPrice(), l.netAmount(), l.vatRate(), l.vatAmount());
    }

    /** Every element we bill is the power agreement's, or its Norgespris / strømstøtte line: the grid company bills the rest. */
    private InvoiceDocument.Category category(String elementCode) {
        try {
            return tariffs.get(elementCode).kind() == TariffElement.Kind.COMPENSATION ? InvoiceDocument.Category.COMPENSATION
                    : InvoiceDocument.Category.POWER;
        } catch (RuntimeException unknown) {
            return InvoiceDocument.Category.OTHER;
        }
    }

    private Optional<String> deliveryProduct(long customerId, long deliveryId) {
        return contracts.ofCustomer(customerId).stream().flatMap(c -> c.findDelivery(deliveryId).stream()).findFirst()
                .map(d -> d.productCode());
    }

    private InvoiceDocument.Agreement agreement(String productCode) {
        Optional<Product> product = productCode == null ? Optional.empty() : products.find(productCode);
        String name = product.map(Product::name).orElse(productCode == null ? "Kraftavtale" : productCode);
        Product.Kind kind = product.map(Product::kind).orElse(Product.Kind.SPOT);
        String duration = kind == Product.Kind.FIXED ? "Fastprisavtale for avtalt periode" : "Løpende avtale uten bindingstid";
        String guarantee = kind == Product.Kind.FIXED ? "Prisen er garantert i avtaleperioden" : "Ingen prisgaranti";
        return new InvoiceDocument.Agreement(name, duration, properties.changeNotice(), guarantee);
    }

    /** The customer as a letter's addressee today (name, postal address, e-mail and mobile as held now). */
    public InvoiceDocument.Buyer addressee(long customerId) {
        return buyer(customers.findById(customerId).orElseThrow());
    }

    /** Who sends the letters: us, as on the invoices. */
    public InvoiceDocument.Seller seller() {
        return properties.seller();
    }

    private static InvoiceDocument.Buyer buyer(Customer c) {
        String email = c.contact().email() == null ? null : c.contact().email().value();
        String mobile = c.contact().mobile() == null ? null : c.contact().mobile().value();
        var a = c.address();
        String org = c.identity() instanceof CustomerIdentity.Organisation o ? o.organisationNumber().value() : null;
        return new InvoiceDocument.Buyer(c.number().value(), c.displayName(), org, a.map(x -> x.street()).orElse(""),
                a.map(x -> x.postcode()).orElse(""), a.map(x -> x.city()).orElse(""), email, mobile);
    }

    private Optional<InvoiceDocument.Explanation> explanation(MeteringPoint point, YearMonth month, Memo memo) {
        return settlements.current(point.id(), month).flatMap(stored -> {
            var result = stored.result();
            boolean norgespris = result.norgespris().coveredWh() > 0 || result.norgespris().actualWh() > 0;
            SchemeTotal scheme = norgespris ? result.norgespris() : result.stromstotte();
            if (scheme.actualWh() == 0) {
                return Optional.empty();
            }
            CompensationClass klass = result.days().stream().map(DayResult::compensation).filter(c -> c != CompensationClass.NONE)
                    .findFirst().orElse(CompensationClass.STROMSTOTTE);
            BigDecimal cap = CompensationRuleBook.on(rules(memo), month.atDay(1)).map(r -> BigDecimal.valueOf(
                    klass == CompensationClass.NORGESPRIS_HOLIDAY_HOME ? r.holidayHomeCapKwh() : r.householdCapKwh())).orElse(null);
            BigDecimal covered = kwh(scheme.coveredWh());
            BigDecimal average = covered.signum() == 0 ? null : scheme.amount().divide(covered, 4, RoundingMode.HALF_UP);
            return Optional.of(new InvoiceDocument.Explanation(norgespris ? "NORGESPRIS" : "STROMSTOTTE", kwh(scheme.actualWh()), covered, cap,
                    average, scheme.amount()));
        });
    }

    private List<no.kraft.cis.billing.settlement.CompensationRules> rules(Memo memo) {
        var all = memo.rules;
        if (all == null) {
            all = rules.all();
            memo.rules = all;
        }
        return all;
    }

    private static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh, 3);
    }
}
