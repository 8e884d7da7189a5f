package no.kraft.cis.api.tariff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.tariffelement.NewTariffElement;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.TariffElementPrice;
import no.kraft.cis.tariffelement.TariffGroup;
import no.kraft.cis.tariffelement.TariffPrice;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tariffs", description = "Tariff groups and tariff elements (tariffelementer) with dated prices")
@RestController
class TariffController {

    private final Tariffs tariffs;

    TariffController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    record TariffGroupBody(@Schema(example = "KAMPANJE") String code, @Schema(example = "Kampanjer") String name, String description) {
    }

    record TariffGroupResponse(String code, String name, String description) {
        static TariffGroupResponse of(TariffGroup g) {
            return new TariffGroupResponse(g.code(), g.name(), g.description());
        }
    }

    /** A price: exactly one of amount (NOK excl. VAT, ≤ 6 decimals) and priceCalculation. */
    record PriceBody(
            @Schema(description = "NOK excl. VAT per kWh (per month for FIXED_MONTHLY); at most 6 decimals", example = "0.049")
            BigDecimal amount,
            @Schema(description = "number of the price calculation whose price table gives the price") Integer priceCalculation) {
    }

    record ElementBody(
            @Schema(example = "SPOT-PASLAG") String code,
            @Schema(example = "KRAFT") String groupCode,
            @Schema(description = "omit for an element every product is billed with", example = "SPOT") String productCode,
            @Schema(allowableValues = {"ENERGY_PRICE", "MARKUP", "FIXED_MONTHLY", "COMPENSATION"}) String kind,
            @Schema(example = "Påslag") String invoiceText,
            @Schema(allowableValues = {"STANDARD", "EXEMPT"}) String vat,
            @Schema(description = "billed only while the metering point is in this segment") Integer requiredSegmentId,
            LocalDate validFrom,
            @Schema(description = "exclusive; omit for open-ended") LocalDate validTo,
            PriceBody price) {
    }

    record PriceChangeBody(LocalDate validFrom, BigDecimal amount, Integer priceCalculation, Long version) {
    }

    record EndBody(@Schema(description = "first day the element is not billed (exclusive end)") LocalDate validTo, Long version) {
    }

    record TariffPriceResponse(LocalDate validFrom, LocalDate validTo, BigDecimal amount, Integer priceCalculation, String createdBy) {
        static TariffPriceResponse of(TariffElementPrice p) {
            return switch (p.price()) {
                case TariffPrice.Fixed fixed -> new TariffPriceResponse(p.period().from(), p.period().to(), fixed.amount(), null, p.createdBy());
                case TariffPrice.FromPriceTable table -> new TariffPriceResponse(p.period().from(), p.period().to(), null,
                        table.calculation(), p.createdBy());
            };
        }
    }

    record ElementResponse(String code, String groupCode, String productCode, String kind, String invoiceText, String vat,
            Integer requiredSegmentId, LocalDate validFrom, LocalDate validTo, List<TariffPriceResponse> prices, long version) {
        static ElementResponse of(TariffElement e) {
            return new ElementResponse(e.code(), e.groupCode(), e.productCode().orElse(null), e.kind().name(), e.invoiceText(),
                    e.vat().name(), e.requiredSegmentId().orElse(null), e.period().from(), e.period().to(),
                    e.prices().stream().map(TariffPriceResponse::of).toList(), e.version());
        }
    }

    @Operation(summary = "List tariff groups")
    @GetMapping("/api/v1/tariff-groups")
    List<TariffGroupResponse> groups() {
        return tariffs.groups().stream().map(TariffGroupResponse::of).toList();
    }

    @Operation(summary = "Define a tariff group")
    @PostMapping("/api/v1/tariff-groups")
    ResponseEntity<TariffGroupResponse> defineGroup(@RequestBody TariffGroupBody body) {
        FieldValidation check = new FieldValidation();
        String code = check.required("code", body.code(), () -> NewTariffElement.code(body.code().strip()));
        String name = check.required("name", body.name(), () -> NewTariffElement.invoiceText(body.name()));
        check.throwIfInvalid();
        TariffGroupResponse created = TariffGroupResponse.of(tariffs.defineGroup(code, name, body.description()));
        return ResponseEntity.created(URI.create("/api/v1/tariff-groups/" + code)).body(created);
    }

    @Operation(summary = "List tariff elements", description = "With product and period: the elements a delivery on that product "
            + "is billed with on some day of [from, to) — the product's own and those of every product.")
    @GetMapping("/api/v1/tariff-elements")
    List<ElementResponse> elements(@RequestParam(required = false) String product, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        if (product == null && from == null && to == null) {
            return tariffs.elements().stream().map(ElementResponse::of).toList();
        }
        FieldValidation check = new FieldValidation();
        check.required("product", product, () -> product);
        check.required("from", from, () -> from);
        Period period = from == null ? null : check.field("to", () -> new Period(from, to));
        check.throwIfInvalid();
        return tariffs.inForce(product, period).stream().map(ElementResponse::of).toList();
    }

    @Operation(summary = "Get a tariff element with its price history")
    @GetMapping("/api/v1/tariff-elements/{code}")
    ElementResponse get(@PathVariable String code) {
        return ElementResponse.of(tariffs.get(code));
    }

    @Operation(summary = "Define a tariff element with its first price",
            description = "MARKUP and FIXED_MONTHLY take a fixed amount; ENERGY_PRICE and COMPENSATION an amount or a price table.")
    @PostMapping("/api/v1/tariff-elements")
    ResponseEntity<ElementResponse> define(@RequestBody ElementBody body) {
        FieldValidation check = new FieldValidation();
        String code = check.required("code", body.code(), () -> NewTariffElement.code(body.code().strip()));
        check.required("groupCode", body.groupCode(), body::groupCode);
        TariffElement.Kind kind = check.required("kind", body.kind(), () -> parse(TariffElement.Kind.class, body.kind()));
        String text = check.required("invoiceText", body.invoiceText(), () -> NewTariffElement.invoiceText(body.invoiceText()));
        TariffElement.Vat vat = check.required("vat", body.vat(), () -> parse(TariffElement.Vat.class, body.vat()));
        check.required("validFrom", body.validFrom(), body::validFrom);
        Period validity = body.validFrom() == null ? null : check.field("validTo", () -> nonEmpty(body.validFrom(), body.validTo()));
        TariffPrice price = body.price() == null ? null : price(check, "price.", body.price().amount(), body.price().priceCalculation());
        if (body.price() == null) {
            check.reject("price", "required", "must be present");
        }
        if (kind != null && price instanceof TariffPrice.FromPriceTable && !kind.mayUsePriceTable()) {
            check.reject("price.priceCalculation", "tariffElement.fixedOnly", kind + " elements have a fixed amount, not a price table");
        }
        check.throwIfInvalid();
        TariffElement created = tariffs.define(new NewTariffElement(code, body.groupCode().strip(), blankToNull(body.productCode()),
                kind, text, vat, body.requiredSegmentId(), validity, price));
        return ResponseEntity.created(URI.create("/api/v1/tariff-elements/" + code)).body(ElementResponse.of(created));
    }

    @Operation(summary = "Add a price from a date (send the version you read)",
            description = "Closes the price in force at validFrom. History is never rewritten: validFrom before the latest price's "
                    + "start is 409. A start inside an invoiced period raises recalculation needs.")
    @PostMapping("/api/v1/tariff-elements/{code}/prices")
    ElementResponse changePrice(@PathVariable String code, @RequestBody PriceChangeBody body) {
        FieldValidation check = new FieldValidation();
        check.required("validFrom", body.validFrom(), body::validFrom);
        check.required("version", body.version(), body::version);
        TariffPrice price = price(check, "", body.amount(), body.priceCalculation());
        check.throwIfInvalid();
        return ElementResponse.of(tariffs.changePrice(code, body.version(), price, body.validFrom()));
    }

    @Operation(summary = "End a tariff element (send the version you read)")
    @PostMapping("/api/v1/tariff-elements/{code}/end")
    ElementResponse end(@PathVariable String code, @RequestBody EndBody body) {
        FieldValidation check = new FieldValidation();
        check.required("validTo", body.validTo(), body::validTo);
        check.required("version", body.version(), body::version);
        check.throwIfInvalid();
        return ElementResponse.of(tariffs.end(code, body.version(), body.validTo()));
    }

    private static TariffPrice price(FieldValidation check, String prefix, BigDecimal amount, Integer calculation) {
        if ((amount == null) == (calculation == null)) {
            check.reject(prefix + "amount", "price.oneSource", "give exactly one of amount and priceCalculation");
            return null;
        }
        return amount != null ? check.field(prefix + "amount", () -> new TariffPrice.Fixed(amount))
                : new TariffPrice.FromPriceTable(calculation);
    }

    private static Period nonEmpty(LocalDate from, LocalDate to) {
        Period period = new Period(from, to);
        if (period.isEmpty()) {
            throw new InvalidValueException("period.endBeforeStart", "validTo must be after validFrom");
        }
        return period;
    }

    /** Tariff codes are accepted in any case. */
    private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        return RequestValues.oneOf(type, raw.strip().toUpperCase(Locale.ROOT), "enum.unknown");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
