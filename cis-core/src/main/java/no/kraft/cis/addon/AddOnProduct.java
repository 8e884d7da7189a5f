package no.kraft.cis.addon;

import java.math.BigDecimal;
import no.kraft.cis.customer.CustomerKind;

/**
 * An add-on product in the catalogue.
 *
 * @param monthlyPrice NOK incl. VAT per month
 * @param forKind the kind of customer it is sold to, or {@code null} for both
 */
public record AddOnProduct(String code, String name, String description, BigDecimal monthlyPrice, CustomerKind forKind) {

    boolean sellsTo(CustomerKind kind) {
        return forKind == null || forKind == kind;
    }
}
