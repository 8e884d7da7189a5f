package no.kraft.cis.api.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.tariff.NewProduct;
import no.kraft.cis.tariff.Product;
import no.kraft.cis.tariff.ProductCatalogue;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.TariffPrice;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reference data")
@RestController
class ProductController {

    record ProductResponse(String code, String name, String kind) {
    }

    /** The energy price: exactly one of a fixed amount and a price calculation whose table gives it. */
    record EnergyPriceBody(
            @Schema(description = "NOK excl. VAT per kWh; at most 6 decimals", example = "1.10") BigDecimal amount,
            @Schema(description = "number of the price calculation whose price table gives the price (spot products)") Integer priceCalculation) {
    }

    record NewProductBody(
            @Schema(description = "1–32 upper-case letters, digits, '-' or '_'", example = "GRONN") String code,
            @Schema(example = "Grønn strøm") String name,
            @Schema(allowableValues = {"SPOT", "VARIABLE", "FIXED"}) String kind,
            @Schema(description = "the first day the product's prices apply") LocalDate validFrom,
            @Schema(description = "SPOT: a price calculation; FIXED: an amount; VARIABLE: either") EnergyPriceBody energyPrice,
            @Schema(description = "NOK excl. VAT per kWh on top of the energy price; omit for none", example = "0.049") BigDecimal markup,
            @Schema(description = "NOK excl. VAT per month; omit for none", example = "39.00") BigDecimal monthlyFee) {
    }

    record DefinedProductResponse(String code, String name, String kind,
            @Schema(description = "codes of the tariff elements defined with it") List<String> tariffElements) {
    }

    private final ProductCatalogue products;
    private final Tariffs tariffs;

    ProductController(ProductCatalogue products, Tariffs tariffs) {
        this.products = products;
        this.tariffs = tariffs;
    }

    @Operation(summary = "List products a delivery can be put on")
    @GetMapping("/api/v1/products")
    List<ProductResponse> products() {
        return products.all().stream().map(p -> new ProductResponse(p.code(), p.name(), p.kind().name())).toList();
    }

    @Operation(summary = "Define a product with its prices (admin)",
            description = "One transaction: the product and its tariff elements in group KRAFT — <code>-ENERGI (energy price), "
                    + "and <code>-PASLAG (markup) and <code>-FAST (monthly fee) when given — valid from validFrom. Later prices "
                    + "are added to the elements (POST /tariff-elements/{code}/prices). A refusal changes nothing.")
    @PostMapping("/api/v1/products")
    ResponseEntity<DefinedProductResponse> define(@RequestBody NewProductBody body) {
        FieldValidation check = new FieldValidation();
        String code = check.required("code", body.code(), () -> NewProduct.code(body.code().strip()));
        String name = check.required("name", body.name(), () -> NewProduct.name(body.name()));
        Product.Kind kind = check.required("kind", body.kind(),
                () -> RequestValues.oneOf(Product.Kind.class, body.kind().strip().toUpperCase(Locale.ROOT), "enum.unknown"));
        check.required("validFrom", body.validFrom(), body::validFrom);
        TariffPrice energy = null;
        if (body.energyPrice() == null) {
            check.reject("energyPrice", "required", "must be present");
        } else if ((body.energyPrice().amount() == null) == (body.energyPrice().priceCalculation() == null)) {
            check.reject("energyPrice.amount", "price.oneSource", "give exactly one of amount and priceCalculation");
        } else {
            energy = body.energyPrice().amount() != null
                    ? check.field("energyPrice.amount", () -> new TariffPrice.Fixed(body.energyPrice().amount()))
                    : new TariffPrice.FromPriceTable(body.energyPrice().priceCalculation());
        }
        TariffPrice.Fixed markup = check.optional("markup", body.markup(), () -> new TariffPrice.Fixed(body.markup()));
        TariffPrice.Fixed monthlyFee = check.optional("monthlyFee", body.monthlyFee(), () -> new TariffPrice.Fixed(body.monthlyFee()));
        check.throwIfInvalid();
        Tariffs.DefinedProduct defined = tariffs.defineProduct(new NewProduct(code, name, kind), body.validFrom(), energy, markup,
                monthlyFee);
        Product p = defined.product();
        return ResponseEntity.created(URI.create("/api/v1/products/" + p.code())).body(new DefinedProductResponse(p.code(), p.name(),
                p.kind().name(), defined.elements().stream().map(TariffElement::code).toList()));
    }
}
