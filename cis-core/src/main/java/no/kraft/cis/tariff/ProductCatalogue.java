package no.kraft.cis.tariff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import no.kraft.cis.rule.ConflictException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The products a delivery can be put on. */
@Service
@Transactional(readOnly = true)
public class ProductCatalogue {

    private final ProductRepository products;

    ProductCatalogue(ProductRepository products) {
        this.products = products;
    }

    public List<Product> all() {
        return products.findAll(Sort.by("code"));
    }

    public Optional<Product> find(String code) {
        return code == null ? Optional.empty() : products.findById(code);
    }

    /**
     * Adds a product. Use {@code Tariffs.defineProduct}, which defines its priced tariff elements in the same transaction.
     *
     * @throws ConflictException if a product with the code exists
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Product define(NewProduct definition) {
        if (products.existsById(definition.code())) {
            throw new ConflictException("code", "product.exists", "product " + definition.code() + " already exists");
        }
        return products.saveAndFlush(new Product(definition));
    }
}
