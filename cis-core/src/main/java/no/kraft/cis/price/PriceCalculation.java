package no.kraft.cis.price;

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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kraft.cis.audit.AuditedEntity;
import no.kraft.cis.meteringpoint.PriceArea;

/**
 * A named calculation of the price-table generator (pristabellgenerator), e.g. number 4 "Norgespris", description
 * "Norgespris 40 øre basis", base calculation, formula {@code :a-0.40}. A price area may have its own formula or
 * threshold; otherwise the calculation's own apply.
 */
@Entity
@Table(name = "price_calculation")
public class PriceCalculation extends AuditedEntity {

    @Id
    private Integer number;

    @Version
    private long version;

    private String name;
    private String description;
    private String kind;
    private String formula;
    private BigDecimal threshold;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "calculation_number", nullable = false)
    private List<AreaRule> areaRules = new ArrayList<>();

    protected PriceCalculation() {
    }

    PriceCalculation(NewPriceCalculation definition) {
        this.number = definition.number();
        this.kind = "BASE";
        redefine(definition);
    }

    void redefine(NewPriceCalculation definition) {
        name = definition.name();
        description = definition.description();
        formula = definition.formula().text();
        threshold = definition.threshold();
        areaRules.clear();
        definition.areaRules().forEach((area, rule) -> areaRules.add(new AreaRule(area, rule.formula().text(), rule.threshold())));
    }

    public int number() {
        return number;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String kind() {
        return kind;
    }

    public PriceFormula formula() {
        return PriceFormula.parse(formula);
    }

    public BigDecimal threshold() {
        return threshold;
    }

    /** The formula and threshold that apply in {@code area}. */
    public NewPriceCalculation.Rule ruleFor(PriceArea area) {
        return areaRule(area).map(r -> new NewPriceCalculation.Rule(PriceFormula.parse(r.formula), r.threshold))
                .orElse(new NewPriceCalculation.Rule(formula(), threshold));
    }

    public Map<PriceArea, NewPriceCalculation.Rule> areaRules() {
        Map<PriceArea, NewPriceCalculation.Rule> rules = new java.util.EnumMap<>(PriceArea.class);
        areaRules.forEach(r -> rules.put(PriceArea.valueOf(r.priceArea), new NewPriceCalculation.Rule(PriceFormula.parse(r.formula), r.threshold)));
        return rules;
    }

    private Optional<AreaRule> areaRule(PriceArea area) {
        return areaRules.stream().filter(r -> r.priceArea.equals(area.name())).findFirst();
    }

    /** One price area's own formula and threshold. */
    @Entity
    @Table(name = "price_calculation_area_rule")
    static class AreaRule extends AuditedEntity {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        private String priceArea;
        private String formula;
        private BigDecimal threshold;

        protected AreaRule() {
        }

        AreaRule(PriceArea area, String formula, BigDecimal threshold) {
            this.priceArea = area.name();
            this.formula = formula;
            this.threshold = threshold;
        }
    }
}
