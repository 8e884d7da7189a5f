package no.kraft.cis.price;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.rule.InvalidValueException;

/** Command: define (or redefine) a price-table calculation. */
public record NewPriceCalculation(int number, String name, String description, PriceFormula formula, BigDecimal threshold,
        Map<PriceArea, Rule> areaRules) {

    /** A formula with the threshold value {@code :t} it is evaluated with. */
    public record Rule(PriceFormula formula, BigDecimal threshold) {
        public Rule {
            Objects.requireNonNull(formula, "formula");
            if (formula.usesThreshold() && threshold == null) {
                throw new InvalidValueException("formula.thresholdRequired", "the formula uses :t, so a threshold value is required");
            }
        }
    }

    public NewPriceCalculation {
        if (number <= 0) {
            throw new InvalidValueException("priceCalculation.number", "the calculation number is a positive integer");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidValueException("priceCalculation.name", "name must be present (at most 100 characters)");
        }
        new Rule(formula, threshold);
        areaRules = areaRules == null ? Map.of() : Map.copyOf(areaRules);
    }
}
