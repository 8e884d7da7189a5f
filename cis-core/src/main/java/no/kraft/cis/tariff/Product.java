package no.kraft.cis.tariff;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.kraft.cis.audit.AuditedEntity;

/**
 * A power product (kraftprodukt) a delivery is billed under — spot-price, variable or fixed-price agreement. What it
 * costs lives in its tariff elements (energy price, markup, monthly fee) with their dated prices; a product is defined
 * together with them ({@code Tariffs.defineProduct}), so none is sold without a price.
 */
@Entity
@Table(name = "product")
public class Product extends AuditedEntity {

    /** What kind of agreement the product is. */
    public enum Kind {
        SPOT,
        VARIABLE,
        FIXED
    }

    @Id
    private String code;

    @Version
    private long version;

    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    protected Product() {
    }

    Product(NewProduct definition) {
        this.code = definition.code();
        this.name = definition.name();
        this.kind = definition.kind();
    }

    public long version() {
        return version;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }
}
