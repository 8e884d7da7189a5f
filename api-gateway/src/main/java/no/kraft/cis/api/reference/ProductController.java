package no.kraft.cis.api.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.kraft.cis.tariff.ProductCatalogue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reference data")
@RestController
class ProductController {

    record ProductResponse(String code, String name, String kind) {
    }

    private final ProductCatalogue products;

    ProductController(ProductCatalogue products) {
        this.products = products;
    }

    @Operation(summary = "List products a delivery can be put on")
    @GetMapping("/api/v1/products")
    List<ProductResponse> products() {
        return products.all().stream().map(p -> new ProductResponse(p.code(), p.name(), p.kind().name())).toList();
    }
}
