package no.kraft.cis.api.price;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.price.NewPriceCalculation;
import no.kraft.cis.price.PriceCalculation;
import no.kraft.cis.price.PriceFormula;
import no.kraft.cis.price.PriceTableValue;
import no.kraft.cis.price.PriceTables;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Price tables", description = "The price-table generator (pristabellgenerator): named calculations over the spot price")
@RestController
class PriceCalculationController {

    private final PriceTables tables;

    PriceCalculationController(PriceTables tables) {
        this.tables = tables;
    }

    record AreaRuleBody(String priceArea, String formula, BigDecimal threshold) {
    }

    record CalculationBody(
            @Schema(example = "4") Integer number,
            @Schema(example = "Norgespris") String name,
            @Schema(example = "Norgespris 40 øre basis") String description,
            @Schema(description = ":a = spot NOK/kWh, :t = threshold; + - * / ( ) min max", example = ":a-0.40") String formula,
            BigDecimal threshold,
            List<AreaRuleBody> areaRules,
            Long version) {
    }

    record AreaRuleResponse(String priceArea, String formula, BigDecimal threshold) {
    }

    record CalculationResponse(int number, String name, String description, String kind, String formula, BigDecimal threshold,
            List<AreaRuleResponse> areaRules, long version) {
        static CalculationResponse of(PriceCalculation c) {
            return new CalculationResponse(c.number(), c.name(), c.description(), c.kind(), c.formula().text(), c.threshold(),
                    c.areaRules().entrySet().stream().map(e -> new AreaRuleResponse(e.getKey().name(), e.getValue().formula().text(),
                            e.getValue().threshold())).toList(), c.version());
        }
    }

    record GenerateBody(@Schema(example = "NO1") String priceArea, LocalDate from, @Schema(description = "exclusive") LocalDate to) {
    }

    record PriceTableValueResponse(Instant start, Instant end, BigDecimal value) {
        static PriceTableValueResponse of(PriceTableValue v) {
            return new PriceTableValueResponse(v.start(), v.end(), v.value());
        }
    }

    @Operation(summary = "Define a price calculation", description = "A malformed formula is rejected with the position and reason.")
    @PostMapping("/api/v1/price-calculations")
    ResponseEntity<CalculationResponse> define(@RequestBody CalculationBody body) {
        CalculationResponse created = CalculationResponse.of(tables.define(definition(body)));
        return ResponseEntity.created(URI.create("/api/v1/price-calculations/" + created.number())).body(created);
    }

    @Operation(summary = "Change a price calculation (send the version you read)")
    @PutMapping("/api/v1/price-calculations/{number}")
    CalculationResponse redefine(@PathVariable int number, @RequestBody CalculationBody body) {
        FieldValidation check = new FieldValidation();
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return CalculationResponse.of(tables.redefine(body.version(), definition(new CalculationBody(number, body.name(),
                body.description(), body.formula(), body.threshold(), body.areaRules(), body.version()))));
    }

    @Operation(summary = "List price calculations")
    @GetMapping("/api/v1/price-calculations")
    List<CalculationResponse> all() {
        return tables.all().stream().map(CalculationResponse::of).toList();
    }

    @Operation(summary = "Get a price calculation")
    @GetMapping("/api/v1/price-calculations/{number}")
    CalculationResponse get(@PathVariable int number) {
        return CalculationResponse.of(tables.get(number));
    }

    @Operation(summary = "Generate the price table of a price area for Norwegian days [from, to)",
            description = "At the spot prices' resolution; needs complete spot prices for the period (409 otherwise).")
    @PostMapping("/api/v1/price-calculations/{number}/tables")
    PriceTables.Generation generate(@PathVariable int number, @RequestBody GenerateBody body) {
        FieldValidation check = new FieldValidation();
        PriceArea area = check.required("priceArea", body.priceArea(), () -> PriceArea.parse(body.priceArea()));
        check.required("from", body.from(), body::from);
        check.required("to", body.to(), body::to);
        check.throwIfInvalid();
        return tables.generate(number, area, body.from(), body.to());
    }

    @Operation(summary = "Values of a generated price table for Norwegian days [from, to)")
    @GetMapping("/api/v1/price-calculations/{number}/tables")
    List<PriceTableValueResponse> values(@PathVariable int number, @RequestParam String area, @RequestParam LocalDate from,
            @RequestParam LocalDate to) {
        PriceArea priceArea = FieldValidation.parse("area", () -> PriceArea.parse(area));
        return tables.values(number, priceArea, from, to).stream().map(PriceTableValueResponse::of).toList();
    }

    private static NewPriceCalculation definition(CalculationBody body) {
        FieldValidation check = new FieldValidation();
        check.required("number", body.number(), body::number);
        PriceFormula formula = check.required("formula", body.formula(), () -> PriceFormula.parse(body.formula()));
        Map<PriceArea, NewPriceCalculation.Rule> rules = new EnumMap<>(PriceArea.class);
        List<AreaRuleBody> areaRules = body.areaRules() == null ? List.of() : body.areaRules();
        for (int i = 0; i < areaRules.size(); i++) {
            AreaRuleBody rule = areaRules.get(i);
            String prefix = "areaRules[" + i + "].";
            PriceArea area = check.required(prefix + "priceArea", rule.priceArea(), () -> PriceArea.parse(rule.priceArea()));
            PriceFormula areaFormula = check.required(prefix + "formula", rule.formula(), () -> PriceFormula.parse(rule.formula()));
            NewPriceCalculation.Rule parsed = area == null || areaFormula == null ? null
                    : check.field(prefix + "threshold", () -> new NewPriceCalculation.Rule(areaFormula, rule.threshold()));
            if (parsed != null && rules.put(area, parsed) != null) {
                check.reject(prefix + "priceArea", "priceCalculation.areaTwice", area + " has two rules");
            }
        }
        check.throwIfInvalid();
        NewPriceCalculation definition = check.field("threshold", () -> new NewPriceCalculation(body.number(), body.name(),
                body.description(), formula, body.threshold(), rules));
        check.throwIfInvalid();
        return definition;
    }
}
