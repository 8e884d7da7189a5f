package no.kraft.cis.tariff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
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
}
