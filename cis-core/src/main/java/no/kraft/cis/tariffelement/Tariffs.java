package no.kraft.cis.tariffelement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.invoice.RecalculationNeed;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.period.Period;
import no.kraft.cis.price.PriceTables;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;
import no.kraft.cis.segment.Segments;
import no.kraft.cis.tariff.NewProduct;
import no.kraft.cis.tariff.Product;
import no.kraft.cis.tariff.ProductCatalogue;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tariff groups and elements: define them, append prices, end them, and answer which elements a product is billed with
 * in a period. A price change that starts inside an already invoiced period raises a recalculation need for every
 * metering point supplied under the element's product (all supplied points for an element of every product).
 */
@Service
@Transactional
public class Tariffs {

    private static final java.util.Set<Integer> COMPENSATION_SEGMENTS = java.util.Set.of(no.kraft.cis.segment.Segment.NORGESPRIS_HOUSEHOLD,
            no.kraft.cis.segment.Segment.NORGESPRIS_HOLIDAY_HOME, no.kraft.cis.segment.Segment.STROMSTOTTE);

    /** The tariff group a product's own elements are defined in (migration V2026_11_23_1300). */
    static final String PRODUCT_GROUP = "KRAFT";

    private final TariffGroupRepository groups;
    private final TariffElementRepository elements;
    private final ProductCatalogue products;
    private final Segments segments;
    private final PriceTables priceTables;
    private final ContractService contracts;
    private final RecalculationNeeds recalculation;
    private final EntityManager entityManager;

    Tariffs(TariffGroupRepository groups, TariffElementRepository elements, ProductCatalogue products, Segments segments,
            PriceTables priceTables, ContractService contracts, RecalculationNeeds recalculation, EntityManager entityManager) {
        this.groups = groups;
        this.elements = elements;
        this.products = products;
        this.segments = segments;
        this.priceTables = priceTables;
        this.contracts = contracts;
        this.recalculation = recalculation;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public List<TariffGroup> groups() {
        return groups.findAll(Sort.by("code"));
    }

    public TariffGroup defineGroup(String code, String name, String description) {
        if (groups.existsById(code)) {
            throw new ConflictException("code", "tariffGroup.exists", "tariff group " + code + " already exists");
        }
        return groups.saveAndFlush(new TariffGroup(code, name, description));
    }

    @Transactional(readOnly = true)
    public List<TariffElement> elements() {
        return elements.findAllByOrderByGroupCodeAscCodeAsc();
    }

    @Transactional(readOnly = true)
    public TariffElement get(String code) {
        return elements.findByCode(code).orElseThrow(() -> new NotFoundException("tariff element", code));
    }

    /** The elements a delivery on {@code productCode} is billed with on some day of {@code period}. */
    @Transactional(readOnly = true)
    public List<TariffElement> inForce(String productCode, Period period) {
        return elements.inForce(productCode, period.from(), period.isOpenEnded() ? LocalDate.MAX : period.to());
    }

    public TariffElement define(NewTariffElement definition) {
        if (elements.existsByCode(definition.code())) {
            throw new ConflictException("code", "tariffElement.exists", "tariff element " + definition.code() + " already exists");
        }
        requireReferences(definition);
        requireOneCompensationLine(definition);
        return elements.saveAndFlush(new TariffElement(definition));
    }

    /** A product defined with its tariff elements (codes {@code <product>-ENERGI}, {@code -PASLAG}, {@code -FAST}). */
    public record DefinedProduct(Product product, List<TariffElement> elements) {
    }

    /**
     * Defines a product together with what it costs, in one transaction — a refusal leaves neither: its energy price
     * element (ENERGY_PRICE) and, when given, a markup per kWh (MARKUP) and a monthly fee (FIXED_MONTHLY), all in the
     * tariff group KRAFT, standard VAT (exemption is decided per metering point), valid from {@code from}, open-ended.
     * Later prices are appended to the elements as any element's are. A spot product's energy follows a price table (the
     * spot price, or a formula over it); a fixed-price product's is a fixed amount; a variable one's either.
     *
     * @param markup NOK excl. VAT per kWh, or null for none
     * @param monthlyFee NOK excl. VAT per month, or null for none
     * @throws ConflictException if the product, or an element with one of its codes, exists
     */
    public DefinedProduct defineProduct(NewProduct definition, LocalDate from, TariffPrice energy, TariffPrice.Fixed markup,
            TariffPrice.Fixed monthlyFee) {
        if (definition.kind() == Product.Kind.SPOT && !(energy instanceof TariffPrice.FromPriceTable)) {
            throw ValidationFailedException.of("energyPrice.priceCalculation", "product.spotFollowsPriceTable",
                    "a spot product's energy price follows a price table (the spot price or a formula over it), not a fixed amount");
        }
        if (definition.kind() == Product.Kind.FIXED && !(energy instanceof TariffPrice.Fixed)) {
            throw ValidationFailedException.of("energyPrice.amount", "product.fixedIsAmount",
                    "a fixed-price product's energy price is a fixed amount, not a price table");
        }
        requireCalculationExists(energy, "energyPrice.priceCalculation");
        Product product = products.define(definition);
        Period validity = Period.from(from);
        String energyText = switch (definition.kind()) {
            case SPOT -> "Strøm, spotpris";
            case VARIABLE -> "Strøm, variabel pris";
            case FIXED -> "Strøm, fastpris";
        };
        List<TariffElement> defined = new ArrayList<>();
        defined.add(define(new NewTariffElement(definition.code() + "-ENERGI", PRODUCT_GROUP, definition.code(),
                TariffElement.Kind.ENERGY_PRICE, energyText, TariffElement.Vat.STANDARD, null, validity, energy)));
        if (markup != null) {
            defined.add(define(new NewTariffElement(definition.code() + "-PASLAG", PRODUCT_GROUP, definition.code(),
                    TariffElement.Kind.MARKUP, "Påslag", TariffElement.Vat.STANDARD, null, validity, markup)));
        }
        if (monthlyFee != null) {
            defined.add(define(new NewTariffElement(definition.code() + "-FAST", PRODUCT_GROUP, definition.code(),
                    TariffElement.Kind.FIXED_MONTHLY, "Fastbeløp", TariffElement.Vat.STANDARD, null, validity, monthlyFee)));
        }
        return new DefinedProduct(product, List.copyOf(defined));
    }

    /** Appends a price from {@code from}; send the element version you read. */
    public TariffElement changePrice(String code, long expectedVersion, TariffPrice price, LocalDate from) {
        TariffElement element = forChange(code, expectedVersion);
        requireCalculationExists(price, "priceCalculation");
        TariffElementPrice added = element.changePrice(price, from);
        TariffElement saved = elements.saveAndFlush(element);
        raiseNeeds(saved, added.period(), "price of " + code + " changed from " + from);
        return saved;
    }

    /** Ends the element on {@code validTo} (exclusive); send the element version you read. */
    public TariffElement end(String code, long expectedVersion, LocalDate validTo) {
        TariffElement element = forChange(code, expectedVersion);
        Period before = element.period();
        element.endOn(validTo);
        TariffElement saved = elements.saveAndFlush(element);
        raiseNeeds(saved, new Period(validTo, before.to()), code + " ended " + validTo);
        return saved;
    }

    private TariffElement forChange(String code, long expectedVersion) {
        TariffElement element = get(code);
        if (element.version() != expectedVersion) {
            throw ConflictException.staleVersion("tariff element " + code, expectedVersion, element.version());
        }
        entityManager.lock(element, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return element;
    }

    private void raiseNeeds(TariffElement element, Period changed, String detail) {
        if (changed.isEmpty()) {
            return;
        }
        for (long meteringPointId : contracts.meteringPointsSupplied(element.productCode().orElse(null), changed)) {
            recalculation.changed(meteringPointId, changed, RecalculationNeed.Reason.PRICE, detail);
        }
    }

    /**
     * A compensation line is the settlement's amount: two elements for the same segment on the same day would pay it
     * twice. So per required segment, at most one compensation element applies to a delivery on any day — an element for
     * every product conflicts with any product's own.
     */
    private void requireOneCompensationLine(NewTariffElement definition) {
        if (definition.kind() != TariffElement.Kind.COMPENSATION) {
            return;
        }
        if (definition.requiredSegmentId() == null || !COMPENSATION_SEGMENTS.contains(definition.requiredSegmentId())) {
            throw ValidationFailedException.of("requiredSegmentId", "tariffElement.compensationSegment",
                    "a compensation element names the segment whose days it pays: 101 or 102 (Norgespris) or 103 (strømstøtte)");
        }
        for (TariffElement other : elements.findAll()) {
            boolean sameProducts = definition.productCode() == null || other.productCode().isEmpty()
                    || other.productCode().get().equals(definition.productCode());
            if (other.kind() == TariffElement.Kind.COMPENSATION && sameProducts
                    && java.util.Objects.equals(other.requiredSegmentId().orElse(null), definition.requiredSegmentId())
                    && other.period().overlaps(definition.validity())) {
                throw new ConflictException("requiredSegmentId", "tariffElement.compensationTwice", "compensation element "
                        + other.code() + " already applies to the same deliveries and segment in " + other.period()
                        + "; end it first");
            }
        }
    }

    private void requireReferences(NewTariffElement definition) {
        List<Violation> check = new ArrayList<>();
        if (!groups.existsById(definition.groupCode())) {
            check.add(new Violation("groupCode", "tariffGroup.unknown",
                    "tariff group " + definition.groupCode() + " does not exist"));
        }
        if (definition.productCode() != null && products.find(definition.productCode()).isEmpty()) {
            check.add(new Violation("productCode", "product.unknown",
                    "product " + definition.productCode() + " does not exist"));
        }
        if (definition.requiredSegmentId() != null && !segments.exists(definition.requiredSegmentId())) {
            check.add(new Violation("requiredSegmentId", "segment.unknown",
                    "segment " + definition.requiredSegmentId() + " does not exist"));
        }
        if (!check.isEmpty()) {
            throw new ValidationFailedException(check);
        }
        requireCalculationExists(definition.price(), "priceCalculation");
    }

    private void requireCalculationExists(TariffPrice price, String field) {
        if (price instanceof TariffPrice.FromPriceTable table && !priceTables.exists(table.calculation())) {
            throw ValidationFailedException.of(field, "priceCalculation.unknown",
                    "price calculation " + table.calculation() + " does not exist");
        }
    }
}
