package no.kraft.cis.meteringpoint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grid areas (nettområder) and the price area each lies in, dated ({@code grid_area_price_area}). A new row from a
 * date ends the one in force then; history before the latest row's start is not rewritten.
 */
@Service
@Transactional
public class GridAreas {

    /** One grid area's price area for a period ({@code validTo} exclusive, null: open). */
    public record GridArea(String eic, String name, PriceArea priceArea, LocalDate validFrom, LocalDate validTo) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    GridAreas(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The price area of grid area {@code eic} on {@code day}, if we hold it. */
    @Transactional(readOnly = true)
    public Optional<PriceArea> priceArea(String eic, LocalDate day) {
        return jdbc.sql("""
                        select price_area from grid_area_price_area where eic = :eic and valid_from <= :day
                        and (valid_to is null or valid_to > :day)""")
                .param("eic", eic).param("day", day).query(String.class).optional().map(PriceArea::valueOf);
    }

    @Transactional(readOnly = true)
    public List<GridArea> list() {
        return jdbc.sql("select * from grid_area_price_area order by eic, valid_from")
                .query((rs, row) -> new GridArea(rs.getString("eic"), rs.getString("name"), PriceArea.valueOf(rs.getString("price_area")),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** Grid area {@code eic} lies in {@code priceArea} from {@code validFrom} on. */
    public GridArea set(String eic, String name, PriceArea priceArea, LocalDate validFrom, String by) {
        FieldValidation check = new FieldValidation();
        if (eic == null || !eic.strip().matches("[0-9]{2}[A-Z0-9-]{14}")) {
            check.reject("eic", "gridArea.eic", "a grid area is its 16-character EIC code, e.g. 50Y0000000000001");
        }
        if (name == null || name.isBlank()) {
            check.reject("name", "gridArea.name", "the grid area's name is required");
        }
        if (priceArea == null) {
            check.reject("priceArea", "priceArea.required", "the price area is required");
        }
        if (validFrom == null) {
            check.reject("validFrom", "validFrom.required", "the date it holds from is required");
        }
        check.throwIfInvalid();
        String code = eic.strip();
        Optional<LocalDate> latest = jdbc.sql("select valid_from from grid_area_price_area where eic = :eic order by valid_from desc limit 1").param("eic", code)
                .query(LocalDate.class).optional();
        if (latest.isPresent() && !validFrom.isAfter(latest.get())) {
            throw new ConflictException("validFrom", "gridArea.history", "grid area " + code + " has a row from " + latest.get()
                    + ": a new one starts after it (history is not rewritten)");
        }
        jdbc.sql("update grid_area_price_area set valid_to = :from where eic = :eic and valid_to is null")
                .param("from", validFrom).param("eic", code).update();
        jdbc.sql("""
                        insert into grid_area_price_area (eic, name, price_area, valid_from, created_at, created_by)
                        values (:eic, :name, :area, :from, :now, :by)""")
                .param("eic", code).param("name", name.strip()).param("area", priceArea.name()).param("from", validFrom)
                .param("now", Timestamp.from(clock.instant())).param("by", by).update();
        return new GridArea(code, name.strip(), priceArea, validFrom, null);
    }
}
