package no.kraft.cis.tariffelement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import no.kraft.cis.period.DatedRow;
import no.kraft.cis.period.Period;

/** One version of an element's price, in force for a half-open period. Rows are appended, never rewritten. */
@Entity
@Table(name = "tariff_element_price")
public class TariffElementPrice extends DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private BigDecimal amount;

    @Column(name = "price_calculation")
    private Integer priceCalculation;

    protected TariffElementPrice() {
    }

    TariffElementPrice(TariffPrice price, Period period) {
        super(period);
        switch (price) {
            case TariffPrice.Fixed fixed -> this.amount = fixed.amount();
            case TariffPrice.FromPriceTable table -> this.priceCalculation = table.calculation();
        }
    }

    public Long id() {
        return id;
    }

    public TariffPrice price() {
        return amount != null ? new TariffPrice.Fixed(amount) : new TariffPrice.FromPriceTable(priceCalculation);
    }
}
