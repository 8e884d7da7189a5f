package no.kraft.cis.consent.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The stored orders with their process log (prosesslogg) and comments. Runs in the caller's transaction. */
@Component
public class OrderBook {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, order_number, channel, kind, stage, status, stop_reason, customer_kind, national_id, organisation_number,
            first_name, last_name, organisation_name, email, mobile, street, postcode, city, metering_point_id,
            product_code, start_date, consent_flow, consent_id, grant_id, customer_number, contract_number, created_at,
            created_by, updated_at, supply_process_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderBook(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ContractOrder add(NewOrder order, NewOrder.ConsentFlow flow, String createdBy) {
        long number = jdbc.sql("select nextval('contract_order_number_seq')").query(Long.class).single();
        var person = order.customer() instanceof CustomerIdentity.Person p ? p : null;
        var organisation = order.customer() instanceof CustomerIdentity.Organisation o ? o : null;
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into contract_order (order_number, channel, kind, stage, status, customer_kind, national_id,
                    organisation_number, first_name, last_name, organisation_name, email, mobile, street, postcode, city,
                    metering_point_id, product_code, start_date, consent_flow, created_at, created_by, updated_at)
                values (:number, :channel, :kind, 'VALIDATE_AND_ADD', 'IN_PROGRESS', :customerKind, :nationalId,
                    :organisationNumber, :firstName, :lastName, :organisationName, :email, :mobile, :street, :postcode, :city,
                    :mp, :product, :start, :flow, :now, :by, :now)
                returning id""")
                .param("number", number).param("channel", order.channel().name()).param("kind", order.kind().name())
                .param("customerKind", person != null ? "PERSON" : "ORGANISATION")
                .param("nationalId", person == null ? null : person.nationalId().value())
                .param("organisationNumber", organisation == null ? null : organisation.organisationNumber().value())
                .param("firstName", person == null ? null : person.firstName())
                .param("lastName", person == null ? null : person.lastName())
                .param("organisationName", organisation == null ? null : organisation.name())
                .param("email", order.contact().email() == null ? null : order.contact().email().value())
                .param("mobile", order.contact().mobile() == null ? null : order.contact().mobile().value())
                .param("street", order.address() == null ? null : order.address().street())
                .param("postcode", order.address() == null ? null : order.address().postcode())
                .param("city", order.address() == null ? null : order.address().city())
                .param("mp", order.meteringPointId().value()).param("product", order.productCode())
                .param("start", order.startDate()).param("flow", flow.name()).param("now", now).param("by", createdBy)
                .query(Long.class).single();
        return get(id);
    }

    public ContractOrder get(long id) {
        return jdbc.sql("select " + COLUMNS + " from contract_order where id = :id").param("id", id)
                .query(OrderBook::order).optional().orElseThrow(() -> new NotFoundException("order", id));
    }

    public ContractOrder get(OrderNumber number) {
        return find(number).orElseThrow(() -> new NotFoundException("order", number));
    }

    public Optional<ContractOrder> find(OrderNumber number) {
        return jdbc.sql("select " + COLUMNS + " from contract_order where order_number = :n").param("n", number.value())
                .query(OrderBook::order).optional();
    }

    /**
     * A customer's orders, newest first: those imported onto the customer, and those still on their way for the same
     * national ID or organisation number.
     */
    public List<ContractOrder> ofCustomer(long customerNumber, String nationalId, String organisationNumber, int limit) {
        return jdbc.sql("select " + COLUMNS + " from contract_order where customer_number = :n"
                        + " or (customer_number is null and (national_id = :nin or organisation_number = :org))"
                        + " order by order_number desc limit :limit")
                .param("n", customerNumber).param("nin", nationalId).param("org", organisationNumber).param("limit", limit)
                .query(OrderBook::order).list();
    }

    /** One page of the orders, newest first, in a stage and/or status when given (null: any). */
    public List<ContractOrder> list(Stage stage, OrderStatus status, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from contract_order where (cast(:stage as text) is null or stage = :stage)"
                        + " and (cast(:status as text) is null or status = :status) order by order_number desc limit :limit offset :offset")
                .param("stage", stage == null ? null : stage.name()).param("status", status == null ? null : status.name())
                .param("limit", size).param("offset", (long) page * size).query(OrderBook::order).list();
    }

    /** How many orders {@link #list} pages through. */
    public long count(Stage stage, OrderStatus status) {
        return jdbc.sql("select count(*) from contract_order where (cast(:stage as text) is null or stage = :stage)"
                        + " and (cast(:status as text) is null or status = :status)")
                .param("stage", stage == null ? null : stage.name()).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    /** The orders one client or staff member placed, newest first. */
    public List<ContractOrder> placedBy(String createdBy, int limit) {
        return jdbc.sql("select " + COLUMNS + " from contract_order where created_by = :by order by order_number desc limit :limit")
                .param("by", createdBy).param("limit", limit).query(OrderBook::order).list();
    }

    /** The order locked for a change, so two commands on one order run one after the other. */
    public ContractOrder lock(long id) {
        jdbc.sql("select id from contract_order where id = :id for update").param("id", id).query(Long.class).single();
        return get(id);
    }

    /** Open orders (in progress, waiting or stopped) for the metering point. */
    List<OrderNumber> openFor(String meteringPointId) {
        return jdbc.sql("""
                select order_number from contract_order
                where metering_point_id = :mp and status in ('IN_PROGRESS', 'WAITING', 'STOPPED') order by order_number""")
                .param("mp", meteringPointId).query((rs, n) -> new OrderNumber(rs.getLong(1))).list();
    }

    void move(long id, Stage stage, OrderStatus status, String stopReason) {
        jdbc.sql("update contract_order set stage = :stage, status = :status, stop_reason = :reason, updated_at = :now where id = :id")
                .param("stage", stage.name()).param("status", status.name()).param("reason", stopReason)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    void consent(long id, UUID consentId) {
        jdbc.sql("update contract_order set consent_id = :c, updated_at = :now where id = :id").param("c", consentId)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    void imported(long id, String grantId, long customerNumber, long contractNumber) {
        jdbc.sql("""
                update contract_order set grant_id = :grant, customer_number = :customer, contract_number = :contract,
                    updated_at = :now where id = :id""")
                .param("grant", grantId).param("customer", customerNumber).param("contract", contractNumber)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** The customer is imported and the start of supply asked of Elhub: the contract waits for Elhub's answer. */
    void awaitingStartOfSupply(long id, String grantId, long customerNumber, long supplyProcess) {
        jdbc.sql("""
                update contract_order set grant_id = :grant, customer_number = :customer, supply_process_id = :process,
                    updated_at = :now where id = :id""")
                .param("grant", grantId).param("customer", customerNumber).param("process", supplyProcess)
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    void contractOpened(long id, long contractNumber) {
        jdbc.sql("update contract_order set contract_number = :contract, updated_at = :now where id = :id")
                .param("contract", contractNumber).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** The order waiting for this start of supply, locked. */
    java.util.Optional<ContractOrder> lockBySupplyProcess(long supplyProcess) {
        return jdbc.sql("select id from contract_order where supply_process_id = :process for update").param("process", supplyProcess)
                .query(Long.class).optional().map(this::get);
    }

    public void step(long orderId, Stage stage, String code, String name, String category, ContractOrder.Result result, String status,
            List<ContractOrder.Info> info) {
        jdbc.sql("""
                insert into contract_order_step (order_id, at, stage, step_code, step_name, category, result, status, info)
                values (:order, :at, :stage, :code, :name, :category, :result, :status, cast(:info as jsonb))""")
                .param("order", orderId).param("at", Timestamp.from(clock.instant())).param("stage", stage.name())
                .param("code", code).param("name", name).param("category", category).param("result", result.name())
                .param("status", status).param("info", JSON.writeValueAsString(info)).update();
    }

    void comment(long orderId, String author, String text) {
        jdbc.sql("insert into contract_order_comment (order_id, at, author, text) values (:order, :at, :author, :text)")
                .param("order", orderId).param("at", Timestamp.from(clock.instant())).param("author", author).param("text", text)
                .update();
    }

    public List<ContractOrder.Step> steps(long orderId) {
        return jdbc.sql("select at, stage, step_code, step_name, category, result, status, info from contract_order_step where order_id = :o order by id")
                .param("o", orderId)
                .query((rs, n) -> new ContractOrder.Step(rs.getTimestamp("at").toInstant(), Stage.valueOf(rs.getString("stage")),
                        rs.getString("step_code"), rs.getString("step_name"), rs.getString("category"),
                        ContractOrder.Result.valueOf(rs.getString("result")), rs.getString("status"),
                        List.of(JSON.readValue(rs.getString("info"), ContractOrder.Info[].class))))
                .list();
    }

    public List<ContractOrder.Comment> comments(long orderId) {
        return jdbc.sql("select at, author, text from contract_order_comment where order_id = :o order by id").param("o", orderId)
                .query((rs, n) -> new ContractOrder.Comment(rs.getTimestamp("at").toInstant(), rs.getString("author"), rs.getString("text")))
                .list();
    }

    private static ContractOrder order(ResultSet rs, int row) throws SQLException {
        Object consent = rs.getObject("consent_id");
        long customer = rs.getLong("customer_number");
        Long customerNumber = rs.wasNull() ? null : customer;
        long contract = rs.getLong("contract_number");
        Long contractNumber = rs.wasNull() ? null : contract;
        return new ContractOrder(rs.getLong("id"), new OrderNumber(rs.getLong("order_number")),
                NewOrder.Channel.valueOf(rs.getString("channel")), NewOrder.Kind.valueOf(rs.getString("kind")),
                Stage.valueOf(rs.getString("stage")), OrderStatus.valueOf(rs.getString("status")), rs.getString("stop_reason"),
                new ContractOrder.Applicant(rs.getString("customer_kind"), rs.getString("national_id"),
                        rs.getString("organisation_number"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("organisation_name"), rs.getString("email"), rs.getString("mobile"), rs.getString("street"),
                        rs.getString("postcode"), rs.getString("city")),
                rs.getString("metering_point_id"), rs.getString("product_code"), rs.getObject("start_date", java.time.LocalDate.class),
                NewOrder.ConsentFlow.valueOf(rs.getString("consent_flow")), consent == null ? null : (UUID) consent,
                rs.getString("grant_id"), customerNumber, contractNumber, rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getObject("supply_process_id", Long.class));
    }
}
