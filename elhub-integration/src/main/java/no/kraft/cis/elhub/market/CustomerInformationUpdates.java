package no.kraft.cis.elhub.market;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerDetailsChanged;
import no.kraft.cis.customer.CustomerIdentity;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.metering.InvalidMessage;
import no.kraft.cis.elhub.outbox.Command;
import no.kraft.cis.elhub.outbox.Outbox;
import no.kraft.cis.elhub.outbox.OutboxRelay;
import no.kraft.cis.elhub.workitem.WorkItem;
import no.kraft.cis.elhub.workitem.WorkItems;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.period.Period;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BRS-NO-301: when staff (or a partner) change an end user's name, contact or postal address, Elhub is told for every
 * metering point we supply them today or later. In the changing transaction each update is stored with its
 * {@code RequestUpdateCustomerInformation} (its Identification made then) and an outbox command, so the change and the
 * duty to pass it on commit together. Elhub answers on the PollMarketProcesses queue with an {@code Acknowledgement}
 * (status 39 taken, 41 refused with reason codes: a work item for staff). A customer without a postal address is not
 * sent (Elhub requires one); the next change that has one is.
 */
public class CustomerInformationUpdates implements OutboxRelay.EmifMessages {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EmifSoap soap;
    private final String url;
    private final CustomerService customers;
    private final ContractService contracts;
    private final MeteringPointService meteringPoints;
    private final WorkItems workItems;
    private final Clock clock;

    public CustomerInformationUpdates(JdbcClient jdbc, Outbox outbox, EmifSoap soap, String marketProcessesUrl, CustomerService customers,
            ContractService contracts, MeteringPointService meteringPoints, WorkItems workItems, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.soap = soap;
        this.url = marketProcessesUrl;
        this.customers = customers;
        this.contracts = contracts;
        this.meteringPoints = meteringPoints;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** An update as stored, without its message (which holds the end user's identity). */
    public record Update(long id, long customerId, String meteringPointId, String requestId, String status, String reasonCode, String reason) {
    }

    @EventListener
    public void customerChanged(CustomerDetailsChanged changed) {
        Customer customer = customers.findById(changed.customerId()).orElseThrow();
        if (customer.address().isEmpty()) {
            return;
        }
        LocalDate today = NorwegianTime.today(clock);
        Set<Long> points = new LinkedHashSet<>();
        contracts.ofCustomer(customer.id()).forEach(c -> c.deliveries().stream()
                .filter(d -> !d.period().isEmpty() && d.period().overlaps(Period.from(today)))
                .forEach(d -> points.add(d.meteringPointId())));
        var a = customer.address().get();
        SupplyStart.Address address = SupplyStart.Address.of(a.street(), a.postcode(), a.city());
        var contact = new MarketMessages.Contact(customer.contact().email() == null ? null : customer.contact().email().value(),
                customer.contact().mobile() == null ? null : customer.contact().mobile().value());
        for (var mp : meteringPoints.findAllById(points)) {
            String point = mp.meteringPointId().value();
            String requestId = EmifSoap.newId();
            String message = switch (customer.identity()) {
                case CustomerIdentity.Person p -> MarketMessages.requestUpdateCustomerInformation(soap, requestId, point,
                        p.nationalId().value(), null, p.firstName(), p.lastName(), contact, address);
                case CustomerIdentity.Organisation o -> MarketMessages.requestUpdateCustomerInformation(soap, requestId, point,
                        o.organisationNumber().value(), o.name(), null, null, contact, address);
            };
            long id = jdbc.sql("""
                            insert into elhub_customer_update (customer_id, metering_point, request_id, message, status, requested_at, requested_by)
                            values (:customer, :point, cast(:request as uuid), :message, 'REQUESTED', :now, :by) returning id""")
                    .param("customer", customer.id()).param("point", point).param("request", requestId).param("message", message)
                    .param("now", Timestamp.from(clock.instant())).param("by", "customer " + customer.number() + " changed")
                    .query(Long.class).single();
            outbox.enqueueMessage(Command.Kind.UPDATE_CUSTOMER_INFORMATION, point, null, null, id, null, "customer " + customer.number());
        }
    }

    public List<Update> forMeteringPoint(String meteringPointId) {
        return jdbc.sql("select * from elhub_customer_update where metering_point = :point order by id desc").param("point", meteringPointId)
                .query((rs, row) -> new Update(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("metering_point"),
                        rs.getString("request_id"), rs.getString("status"), rs.getString("reason_code"), rs.getString("reason")))
                .list();
    }

    @Override
    public Set<Command.Kind> kinds() {
        return EnumSet.of(Command.Kind.UPDATE_CUSTOMER_INFORMATION);
    }

    @Override
    public void send(Command command) {
        String message = jdbc.sql("select message from elhub_customer_update where id = :id").param("id", command.customerUpdateId())
                .query(String.class).single();
        soap.call(url, "RequestUpdateCustomerInformation", soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL,
                "RequestUpdateCustomerInformationRequest", message));
    }

    @Override
    public void sent(Command command) {
        jdbc.sql("update elhub_customer_update set status = 'SENT' where id = :id and status = 'REQUESTED'")
                .param("id", command.customerUpdateId()).update();
    }

    @Override
    public void failed(Command command, String reason) {
        jdbc.sql("update elhub_customer_update set status = 'FAILED', reason = :reason where id = :id and status in ('REQUESTED', 'SENT')")
                .param("reason", reason).param("id", command.customerUpdateId()).update();
    }

    /** Elhub's {@code Acknowledgement} of an update: 39 taken, 41 refused with its reasons. */
    public MessageHandlerForAcknowledgement acknowledgements() {
        return new MessageHandlerForAcknowledgement();
    }

    public final class MessageHandlerForAcknowledgement extends FieldsHandler {

        MessageHandlerForAcknowledgement() {
            super("urn:no:elhub:emif:Acknowledgement:v2", "Acknowledgement", true);
        }

        @Override
        public String apply(MessageFields m) {
            String reference = m.first("OriginalBusinessDocumentReference");
            String status = m.first("StatusType");
            if (reference == null || !no.kraft.cis.elhub.inbound.PollBatches.isUuid(reference)) {
                throw new InvalidMessage("acknowledgement.reference", "an Acknowledgement without a UUID OriginalBusinessDocumentReference");
            }
            var update = jdbc.sql("select * from elhub_customer_update where request_id = cast(:id as uuid)").param("id", reference)
                    .query((rs, row) -> new Update(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("metering_point"),
                            rs.getString("request_id"), rs.getString("status"), null, null)).optional()
                    .orElseThrow(() -> new InvalidMessage("acknowledgement.unknown", "Elhub acknowledges " + reference
                            + ", which is no message of ours that awaits an acknowledgement"));
            List<String> codes = m.all("ResponseReasonType");
            Timestamp now = Timestamp.from(clock.instant());
            if ("39".equals(status)) {
                jdbc.sql("update elhub_customer_update set status = 'ACKNOWLEDGED', answered_at = :now where id = :id")
                        .param("now", now).param("id", update.id()).update();
                return "customer information update " + update.id() + " for " + update.meteringPointId() + " taken by Elhub";
            }
            String code = codes.isEmpty() ? String.valueOf(status) : String.join(",", codes);
            String why = codes.isEmpty() ? "Elhub refused it (status " + status + ") without a reason code"
                    : String.join("; ", codes.stream().map(c -> c + ": " + RejectionReasons.meaning(c)).toList());
            jdbc.sql("update elhub_customer_update set status = 'REJECTED', reason_code = :code, reason = :reason, answered_at = :now where id = :id")
                    .param("code", code).param("reason", why).param("now", now).param("id", update.id()).update();
            String message = jdbc.sql("select message from elhub_customer_update where id = :id").param("id", update.id())
                    .query(String.class).single();
            workItems.open(WorkItem.Kind.REJECTED, update.meteringPointId(), null, "Updating the end user's name, address or contact "
                    + "(BRS-NO-301) was refused by Elhub: " + why, message, null);
            return "customer information update " + update.id() + " for " + update.meteringPointId() + " refused: " + code;
        }
    }
}
