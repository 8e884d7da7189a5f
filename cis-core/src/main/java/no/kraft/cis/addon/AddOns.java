package no.kraft.cis.addon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.CustomerKind;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The add-on catalogue and each customer's add-ons: what they have now, what they can still get, and ordering one. */
@Service
@Transactional
public class AddOns {

    /** How far ahead an add-on may be ordered to start. */
    static final int MAX_DAYS_AHEAD = 90;

    private final JdbcClient jdbc;
    private final AuditStamp audit;

    AddOns(JdbcClient jdbc, AuditStamp audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The customer's add-ons running on {@code day} or starting later. */
    @Transactional(readOnly = true)
    public List<Subscription> current(long customerId, LocalDate day) {
        return jdbc.sql("""
                        select p.code, p.name, p.description, p.monthly_price, p.for_kind, a.valid_from, a.valid_to
                        from customer_add_on a join add_on_product p on p.code = a.code
                        where a.customer_id = :customer and (a.valid_to is null or a.valid_to > :day)
                        order by a.valid_from, p.code""")
                .param("customer", customerId).param("day", day)
                .query((rs, n) -> new Subscription(product(rs), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    /** The products on sale to this kind of customer that the customer does not have. */
    @Transactional(readOnly = true)
    public List<AddOnProduct> available(long customerId, CustomerKind kind, LocalDate day) {
        Set<String> has = current(customerId, day).stream().map(s -> s.product().code()).collect(Collectors.toSet());
        return catalogue().stream().filter(p -> p.sellsTo(kind) && !has.contains(p.code())).toList();
    }

    /**
     * @param suppliedOnStart whether the customer has a running power contract (a delivery) on {@code startDate} — an
     *     add-on is sold with power, never on its own ({@code addOn.noRunningContract})
     */
    public Subscription order(long customerId, CustomerKind kind, String code, LocalDate startDate, LocalDate today,
            boolean suppliedOnStart) {
        AddOnProduct product = catalogue().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("add-on product", code));
        if (!product.sellsTo(kind)) {
            throw new ConflictException("code", "addOn.notForCustomerKind", product.name() + " is not sold to this kind of customer");
        }
        if (startDate.isBefore(today) || startDate.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ValidationFailedException.of("startDate", "addOn.startDateWindow",
                    "the start date must be between today and " + MAX_DAYS_AHEAD + " days ahead");
        }
        if (current(customerId, today).stream().anyMatch(s -> s.product().code().equals(code))) {
            throw alreadyHas(product);
        }
        if (!suppliedOnStart) {
            throw new ConflictException("customerNumber", "addOn.noRunningContract",
                    "an add-on is sold with a power contract, and this customer has none running on " + startDate);
        }
        Timestamp now = Timestamp.from(audit.now());
        try {
            jdbc.sql("""
                            insert into customer_add_on (customer_id, code, valid_from, created_at, created_by, updated_at, updated_by)
                            values (:customer, :code, :from, :now, :actor, :now, :actor)""")
                    .param("customer", customerId).param("code", code).param("from", startDate).param("now", now)
                    .param("actor", audit.actor()).update();
        } catch (DataIntegrityViolationException overlapping) {
            throw alreadyHas(product);
        }
        return new Subscription(product, startDate, null);
    }

    private List<AddOnProduct> catalogue() {
        return jdbc.sql("select code, name, description, monthly_price, for_kind from add_on_product where available order by code")
                .query((rs, n) -> product(rs)).list();
    }

    private static ConflictException alreadyHas(AddOnProduct product) {
        return new ConflictException("code", "addOn.alreadyActive", "the customer already has " + product.name());
    }

    private static AddOnProduct product(ResultSet rs) throws SQLException {
        String kind = rs.getString("for_kind");
        return new AddOnProduct(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getBigDecimal("monthly_price"), kind == null ? null : CustomerKind.valueOf(kind));
    }
}
