package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.standin.EmifMarketStandIn;
import no.kraft.cis.elhub.standin.EmifPollStandIn;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Start of supply (BRS-NO-101) reaching Elhub, against the EMIF stand-ins over HTTP: requested → sent through the
 * outbox → confirmed → notified after the cancellation deadline; rejected when another supplier's switch crosses it;
 * refused before sending when the date cannot be.
 */
class SupplyStartTest extends ApiTest {

    @Autowired
    EmifMarketStandIn market;

    @Autowired
    EmifPollStandIn polls;

    private long customer;
    private String gridOwner;

    @BeforeEach
    void aCustomer() {
        // what other tests left in the outbox (customer updates, BRS-NO-301) goes first, and its answers are taken; a start
        // of supply another test left confirmed (the browser test's sale) passes its cancellation deadline here, so the
        // counts below are this test's own
        deliver();
        market.passCancellationDeadlines();
        for (int i = 0; i < 10 && polls.pending(PollQueue.MARKET_PROCESSES) + polls.pending(PollQueue.METERING_VALUES) > 0; i++) {
            api.post(Role.BILLING, "/api/v1/elhub/polls", json());
        }
        java.util.Map<String, Object> person = new java.util.HashMap<>(TestData.person(TestData.nationalId(), "Kari", "Bytter"));
        person.put("address", json("street", "Kirkegata 12B", "postcode", "7010", "city", "Trondheim"));
        customer = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", person).json("/customerNumber").asLong();
        gridOwner = TestData.gln();
        api.post(Role.ADMIN, "/api/v1/grid-owners", json("gln", gridOwner, "name", "Nett AS"));
    }

    @Test
    void aChangeOfSupplierIsSentConfirmedAndNotified() {
        String point = point();
        Api.Response requested = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts",
                json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point, "startDate", "2026-04-01", "customerNumber", String.valueOf(customer)));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        assertThat(requested.text("/status")).isEqualTo("REQUESTED");
        assertThat(requested.text("/brs")).isEqualTo("BRS-NO-101");
        long id = requested.json("/id").asLong();
        String requestId = requested.text("/requestId");
        // the message was made when it was requested, with its Identification, before anything was sent
        String message = jdbc.sql("select message from elhub_supply_process where id = :id").param("id", id).query(String.class).single();
        assertThat(message).contains("<abie:Identification>" + requestId + "</abie:Identification>")
                .contains("<abie:StreetName>Kirkegata</abie:StreetName><abie:BuildingNumber>12B</abie:BuildingNumber>")
                .contains("<abie:GivenName>Kari</abie:GivenName>");

        deliver();
        assertThat(process(id).at("/status").asString()).isEqualTo("SENT");
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
        assertThat(process(id).at("/status").asString()).isEqualTo("CONFIRMED");

        // the cancellation deadline passes: Elhub notifies, and the supply is ours from 1 April
        assertThat(market.passCancellationDeadlines()).isEqualTo(1);
        poll();
        JsonNode notified = process(id);
        assertThat(notified.at("/status").asString()).isEqualTo("NOTIFIED");
        assertThat(notified.at("/notifiedAt").isNull()).isFalse();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/inbound-messages?status=APPLIED").json("").findValuesAsString("document"))
                .contains("ConfirmStartOfSupply", "NotifyStartOfSupply");
    }

    @Test
    void aStartIsCancelledBeforeTheDeadlineAndACancellationTooLateIsRefusedWithTheStartStanding() {
        String point = point();
        long id = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point,
                "startDate", "2026-04-01", "customerNumber", String.valueOf(customer))).json("/id").asLong();
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("CONFIRMED");
        // the customer regrets within the angrefrist: cancelled before the deadline
        Api.Response cancelling = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/cancel", json());
        assertThat(cancelling.status()).as(cancelling.raw()).isEqualTo(202);
        assertThat(cancelling.text("/status")).isEqualTo("CANCELLING");
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("CANCELLED");
        // nothing is notified for it after the deadline, and a new start may be asked for
        assertThat(market.passCancellationDeadlines()).isZero();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/cancel", json()).status()).isEqualTo(409);

        // too late: the deadline passes before Elhub gets the cancellation → refused (E47), the start stands and is notified
        long late = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point,
                "startDate", "2026-05-01", "customerNumber", String.valueOf(customer))).json("/id").asLong();
        deliver();
        poll();
        market.passCancellationDeadlines();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + late + "/cancel", json()).status()).isEqualTo(202);
        deliver();
        poll();
        assertThat(process(late).at("/status").asString()).isEqualTo("NOTIFIED");
        JsonNode items = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&meteringPointId=" + point).json("");
        assertThat(items.findValuesAsString("summary")).anySatisfy(s -> assertThat(s).contains("Cancelling").contains("E47"));
    }

    @Test
    void anotherSuppliersEarlierSwitchCrossesOursAndElhubRejectsItWithTheReason() {
        String point = point();
        market.otherSupplierStarts(point, LocalDate.of(2026, 4, 1));
        long id = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point,
                "startDate", "2026-04-05", "customerNumber", String.valueOf(customer))).json("/id").asLong();
        deliver();
        poll();
        JsonNode rejected = process(id);
        assertThat(rejected.at("/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.at("/reasonCode").asString()).isEqualTo("E59");
        assertThat(rejected.at("/reason").asString()).contains("another supplier");
        JsonNode items = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&meteringPointId=" + point).json("");
        assertThat(items.findValuesAsString("kind")).containsExactly("REJECTED");
        assertThat(items.get(0).at("/summary").asString()).contains("E59");
        // closed: a new start may be asked for
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point,
                "startDate", "2026-05-01", "customerNumber", String.valueOf(customer))).status()).isEqualTo(202);
    }

    @Test
    void whatCannotBeIsRefusedBeforeAnythingIsSent() {
        String point = point();
        long before = jdbc.sql("select count(*) from elhub_supply_process").query(Long.class).single();
        // today is 15 March 2026: a change of supplier cannot start on 1 March
        Api.Response past = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER",
                "meteringPointId", point, "startDate", "2026-03-01", "customerNumber", String.valueOf(customer)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/violations/0/field")).isEqualTo("startDate");
        assertThat(past.text("/violations/0/rule")).isEqualTo("supplyStart.inThePast");
        assertThat(past.text("/violations/0/params/startDate")).isEqualTo("2026-03-01");
        assertThat(past.text("/violations/0/params/earliest")).isEqualTo("2026-03-15");
        // a move-in back in time: at most 30 days
        Api.Response tooFar = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "MOVE_IN_BACK_IN_TIME",
                "meteringPointId", point, "startDate", "2026-02-01", "customerNumber", String.valueOf(customer)));
        assertThat(tooFar.text("/violations/0/rule")).isEqualTo("supplyStart.backInTimeWindow");
        // 30 days back from Sunday 15 March is Friday 13 February (February 2026 has 28 days)
        assertThat(tooFar.text("/violations/0/params/startDate")).isEqualTo("2026-02-01");
        assertThat(tooFar.text("/violations/0/params/earliest")).isEqualTo("2026-02-13");
        assertThat(tooFar.text("/violations/0/params/latest")).isEqualTo("2026-03-15");
        Api.Response unknownKind = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "SWITCH",
                "meteringPointId", point, "startDate", "2026-04-01", "customerNumber", String.valueOf(customer)));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.text("/violations/0/field")).isEqualTo("kind");
        assertThat(jdbc.sql("select count(*) from elhub_supply_process").query(Long.class).single()).isEqualTo(before);

        // one start in progress per metering point
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "MOVE_IN", "meteringPointId", point,
                "startDate", "2026-04-01", "customerNumber", String.valueOf(customer))).status()).isEqualTo(202);
        Api.Response second = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "MOVE_IN", "meteringPointId", point,
                "startDate", "2026-04-02", "customerNumber", String.valueOf(customer)));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("/violations/0/rule")).isEqualTo("supplyStart.inProgress");
        // the billing role does not start supplies
        assertThat(api.post(Role.BILLING, "/api/v1/elhub/supply-starts", json("kind", "MOVE_IN", "meteringPointId", point,
                "startDate", "2026-04-02", "customerNumber", String.valueOf(customer))).status()).isEqualTo(403);
        deliver();
        poll();
    }

    @Test
    void anotherSupplierTakesThePointAndOurDeliveryEndsOnThatDay() {
        String point = point();
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        String contractNumber = contract.text("/contractNumber");
        market.anotherSupplierTakesOver(point, LocalDate.of(2026, 4, 1), "01018010018", "Kari", "Bytter");
        JsonNode round = poll();
        assertThat(round.at("/processed/applied").asInt()).isEqualTo(1);
        // ours up to 1 April (exclusive): the March invoice is the final settlement
        JsonNode delivery = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber).json("/deliveries/0");
        assertThat(delivery.at("/validFrom").asString()).isEqualTo("2026-01-01");
        assertThat(delivery.at("/validTo").asString()).isEqualTo("2026-04-01");
        java.util.List<String> details = endOfSupplyDetails(point);
        assertThat(details).singleElement().asString().contains("ended").contains("billing run for 2026-03");

        // told again (a new message about the same end): nothing more to end
        market.anotherSupplierTakesOver(point, LocalDate.of(2026, 4, 1), "01018010018", "Kari", "Bytter");
        poll();
        assertThat(endOfSupplyDetails(point)).hasSize(2).anySatisfy(d -> assertThat(d).contains("nothing to end"));
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber).json("/deliveries")).hasSize(1);
    }

    @Test
    void aMoveOutInItsWindowIsConfirmedAndEndsOurDeliveryAndOneTooLateIsRefusedBeforeSending() {
        String point = point();
        String contractNumber = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null)))).text("/contractNumber");
        long before = jdbc.sql("select count(*) from elhub_supply_process").query(Long.class).single();
        // today is Sunday 15 March 2026; the point is time-metered: the request must reach Elhub by the day before the end
        Api.Response late = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId", point,
                "endDate", "2026-03-15", "customerNumber", String.valueOf(customer), "newAddress",
                json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen")));
        assertThat(late.status()).as(late.raw()).isEqualTo(400);
        assertThat(late.text("/violations/0/field")).isEqualTo("endDate");
        assertThat(late.text("/violations/0/rule")).isEqualTo("supplyEnd.sendWindow");
        assertThat(late.text("/violations/0/message")).contains("by 2026-03-14").contains("earliest end date possible now is 2026-03-16");
        // the same dates by name, for a client to say it in its own language: an end on Sunday 15 March had to reach Elhub
        // by Saturday the 14th (the day before); sent today, the 15th, the earliest end is Monday the 16th
        assertThat(late.json("/violations/0/params").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("endDate", "sendBy", "earliest");
        assertThat(late.text("/violations/0/params/endDate")).isEqualTo("2026-03-15");
        assertThat(late.text("/violations/0/params/sendBy")).isEqualTo("2026-03-14");
        assertThat(late.text("/violations/0/params/earliest")).isEqualTo("2026-03-16");
        Api.Response noAddress = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId",
                point, "endDate", "2026-03-20", "customerNumber", String.valueOf(customer)));
        assertThat(noAddress.text("/violations/0/field")).isEqualTo("newAddress");
        assertThat(noAddress.json("/violations/0").has("params")).as("a rule without named values has no params").isFalse();
        Api.Response notOurs = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "TERMINATION", "meteringPointId",
                point(), "endDate", "2026-03-18", "customerNumber", String.valueOf(customer)));
        assertThat(notOurs.status()).isEqualTo(409);
        assertThat(notOurs.text("/violations/0/rule")).isEqualTo("supplyEnd.notOurs");
        assertThat(jdbc.sql("select count(*) from elhub_supply_process").query(Long.class).single()).isEqualTo(before);
        assertThat(polls.pending(PollQueue.MARKET_PROCESSES)).isZero();

        // in its window: sent, confirmed, and our delivery ends on 20 March with the new address in the message
        Api.Response requested = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId",
                point, "endDate", "2026-03-20", "customerNumber", String.valueOf(customer), "newAddress",
                json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen")));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        assertThat(requested.text("/brs")).isEqualTo("BRS-NO-201");
        long id = requested.json("/id").asLong();
        assertThat(jdbc.sql("select message from elhub_supply_process where id = :id").param("id", id).query(String.class).single())
                .contains("<abie:EndOfOccurrence>2026-03-20T00:00:00+01:00</abie:EndOfOccurrence>")
                .contains("<abie:StreetName>Nyveien</abie:StreetName><abie:BuildingNumber>3B</abie:BuildingNumber>");
        deliver();
        poll();
        JsonNode confirmed = process(id);
        assertThat(confirmed.at("/status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/closedAt").isNull()).isFalse();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber).json("/deliveries/0/validTo").asString())
                .isEqualTo("2026-03-20");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends?meteringPointId=" + point).json("").findValuesAsString("kind"))
                .containsExactly("MOVE_OUT");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts?meteringPointId=" + point).json("")).isEmpty();
    }

    @Test
    void aMoveOutIsCancelledBeforeTheDeadlineAndRolledBackAfterItAndEitherWayOurDeliveryRunsOn() {
        String point = point();
        String contractNumber = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null)))).text("/contractNumber");
        long id = moveOut(point, "2026-03-20");
        assertThat(validTo(contractNumber)).isEqualTo("2026-03-20");

        // before the deadline a rollback is not the way: Elhub refuses it (E47), the end stands as confirmed
        Api.Response early = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + id + "/rollback", json("reason", "wrong point"));
        assertThat(early.status()).as(early.raw()).isEqualTo(202);
        assertThat(early.text("/status")).isEqualTo("ROLLING_BACK");
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("CONFIRMED");
        assertThat(process(id).at("/closedAt").isNull()).isFalse();
        assertThat(validTo(contractNumber)).isEqualTo("2026-03-20");

        // the customer stays after all: cancelled before the deadline — the request again as E02, same BRS, naming it
        Api.Response cancelling = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + id + "/cancel", json());
        assertThat(cancelling.status()).as(cancelling.raw()).isEqualTo(202);
        assertThat(cancelling.text("/status")).isEqualTo("CANCELLING");
        String requestId = cancelling.text("/requestId");
        String cancellation = jdbc.sql("select cancel_message from elhub_supply_process where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(cancellation).contains(">E02</abie:DocumentType>").contains(">BRS-NO-201<")
                .contains("</abie:EndOfOccurrence><abie:OriginalBusinessDocumentReference>" + requestId + "</abie:OriginalBusinessDocumentReference>");
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("CANCELLED");
        // the delivery the end had ended runs on, open-ended as before
        assertThat(validTo(contractNumber)).isNull();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + id + "/cancel", json()).status()).isEqualTo(409);

        // another move-out, and this time the deadline passes: a cancellation is refused (E47) and the end stands…
        long late = moveOut(point, "2026-03-25");
        assertThat(validTo(contractNumber)).isEqualTo("2026-03-25");
        market.passCancellationDeadlines();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + late + "/cancel", json()).status()).isEqualTo(202);
        deliver();
        poll();
        JsonNode refused = process(late);
        assertThat(refused.at("/status").asString()).isEqualTo("CONFIRMED");
        assertThat(refused.at("/reasonCode").asString()).isEqualTo("E47");
        assertThat(validTo(contractNumber)).isEqualTo("2026-03-25");
        JsonNode items = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&meteringPointId=" + point).json("");
        assertThat(items.findValuesAsString("summary")).anySatisfy(s -> assertThat(s).contains("Cancelling the end of supply").contains("E47"))
                .anySatisfy(s -> assertThat(s).contains("Rolling back the end of supply").contains("E47"));

        // …and a correction is a rollback (BRS-NO-221): it needs its reason, and then the delivery runs on
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + late + "/rollback", json()).text("/violations/0/field"))
                .isEqualTo("reason");
        Api.Response rollingBack = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + late + "/rollback",
                json("reason", "the move-out was the tenant's, not this customer's"));
        assertThat(rollingBack.status()).as(rollingBack.raw()).isEqualTo(202);
        assertThat(jdbc.sql("select rollback_message from elhub_supply_process where id = :id").param("id", late).query(String.class).single())
                .contains(">BRS-NO-221<").contains(">E02</abie:DocumentType>");
        deliver();
        poll();
        assertThat(process(late).at("/status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(validTo(contractNumber)).isNull();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + late + "/rollback", json("reason", "again")).status())
                .isEqualTo(409);
        // a start is not cancelled as an end, nor an end as a start
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + late + "/cancel", json()).text("/violations/0/rule"))
                .isEqualTo("supplyStart.notCancellable");
    }

    @Test
    void aCancelledEndLeavesADeliveryStaffChangedMeanwhileAndSaysSo() {
        String point = point();
        String contractNumber = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null)))).text("/contractNumber");
        long id = moveOut(point, "2026-03-20");
        // staff moved the delivery's end two days earlier by hand after Elhub confirmed the 20th
        JsonNode contract = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber).json("");
        Api.Response earlier = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber + "/deliveries/"
                + contract.at("/deliveries/0/id").asLong() + "/end", json("endDate", "2026-03-18", "version", contract.at("/version").asLong()));
        assertThat(earlier.status()).as(earlier.raw()).isEqualTo(200);
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + id + "/cancel", json());
        deliver();
        poll();
        // Elhub took the cancellation (a fact), but the delivery no longer ends on the 20th: left as staff set it, and said
        assertThat(process(id).at("/status").asString()).isEqualTo("CANCELLED");
        assertThat(validTo(contractNumber)).isEqualTo("2026-03-18");
        JsonNode items = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&meteringPointId=" + point).json("");
        assertThat(items.findValuesAsString("summary")).anySatisfy(s -> assertThat(s).contains("cancelled the end of supply BRS-NO-201")
                .contains("no longer ends on 2026-03-20"));
    }

    @Test
    void aTerminationHeldForItsWindowAndCancelledIsNeverSent() {
        String point = point();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        Api.Response held = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "TERMINATION", "meteringPointId", point,
                "endDate", "2026-04-01", "customerNumber", String.valueOf(customer)));
        assertThat(held.text("/sendFrom")).isEqualTo("2026-03-28");
        long id = held.json("/id").asLong();
        Api.Response cancelled = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + id + "/cancel", json());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");
        JsonNode command = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/elhub-commands").json("/0");
        assertThat(command.at("/kind").asString()).isEqualTo("REQUEST_END_OF_SUPPLY");
        assertThat(command.at("/status").asString()).isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from elhub_command where supply_process_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        // the point is free for a new process at once
        Api.Response again = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "TERMINATION", "meteringPointId", point,
                "endDate", "2026-04-01", "customerNumber", String.valueOf(customer)));
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
    }

    @Test
    void aProfiledPointsMoveOutCountsWorkingDaysFromElhubsSettlementMethod() {
        String point = point();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        // Elhub's master data: profiled (E01) from 1 February
        market.masterDataChanges(point, LocalDate.of(2026, 2, 1), "PT60M", "Nyveien", "7", "5700", "Voss", "S", null, null, "E01");
        poll();
        JsonNode mp = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("");
        assertThat(mp.at("/characteristics/profiled").asBoolean()).as(mp.toString()).isTrue();
        assertThat(mp.at("/characteristicsHistory").findValues("profiled").stream().map(JsonNode::asBoolean).toList()).contains(false, true);
        // today is Sunday 15 March 2026. An end on Wednesday 18 March: 3 working days before it are Tue 17, Mon 16, Fri 13 —
        // it had to reach Elhub by Friday 13 March (a time-metered point would have had until the 17th). The earliest end
        // now is Thursday 19 March (18, 17, 16: by Monday 16)
        Api.Response late = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId", point,
                "endDate", "2026-03-18", "customerNumber", String.valueOf(customer), "newAddress",
                json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen")));
        assertThat(late.status()).as(late.raw()).isEqualTo(400);
        assertThat(late.text("/violations/0/rule")).isEqualTo("supplyEnd.sendWindow");
        assertThat(late.text("/violations/0/message")).contains("by 2026-03-13").contains("earliest end date possible now is 2026-03-19");
        assertThat(late.text("/violations/0/params/endDate")).isEqualTo("2026-03-18");
        assertThat(late.text("/violations/0/params/sendBy")).isEqualTo("2026-03-13");
        assertThat(late.text("/violations/0/params/earliest")).isEqualTo("2026-03-19");
        Api.Response inTime = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId", point,
                "endDate", "2026-03-19", "customerNumber", String.valueOf(customer), "newAddress",
                json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen")));
        assertThat(inTime.status()).as(inTime.raw()).isEqualTo(202);
    }

    @Test
    void aTerminationAskedBeforeItsWindowOpensIsHeldInTheOutboxUntilThen() {
        String point = point();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-01-01", null))));
        // an end on 1 April: a termination goes to Elhub at the earliest 4 calendar days before, on 28 March
        Api.Response held = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "TERMINATION", "meteringPointId", point,
                "endDate", "2026-04-01", "customerNumber", String.valueOf(customer)));
        assertThat(held.status()).as(held.raw()).isEqualTo(202);
        assertThat(held.text("/sendFrom")).isEqualTo("2026-03-28");
        deliver();
        assertThat(process(held.json("/id").asLong()).at("/status").asString()).isEqualTo("REQUESTED");
        JsonNode command = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/elhub-commands").json("/0");
        assertThat(command.at("/kind").asString()).isEqualTo("REQUEST_END_OF_SUPPLY");
        assertThat(command.at("/status").asString()).isEqualTo("PENDING");
        // 28 March 00:00 in Oslo (winter time, +01:00) is 27 March 23:00 UTC
        assertThat(command.at("/nextAttemptAt").asString()).startsWith("2026-03-27T23:00");
    }

    @Test
    void aNotifiedStartRolledBackWithdrawsTheDeliveryThatBeganThen() {
        String point = point();
        long id = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point,
                "startDate", "2026-04-01", "customerNumber", String.valueOf(customer))).json("/id").asLong();
        // before the deadline a rollback is not the way: cancel
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/rollback", json("reason", "wrong point"))
                .text("/violations/0/rule")).isEqualTo("supplyStart.notRollbackable");
        deliver();
        poll();
        market.passCancellationDeadlines();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("NOTIFIED");
        Api.Response contract = api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-04-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-04-01", null))));
        assertThat(contract.status()).as(contract.raw()).isEqualTo(201);
        String contractNumber = contract.text("/contractNumber");
        Api.Response noReason = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/rollback", json());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("/violations/0/field")).isEqualTo("reason");

        Api.Response rollingBack = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/rollback",
                json("reason", "switched the neighbour's metering point by mistake"));
        assertThat(rollingBack.status()).as(rollingBack.raw()).isEqualTo(202);
        assertThat(rollingBack.text("/status")).isEqualTo("ROLLING_BACK");
        String rollback = jdbc.sql("select rollback_message from elhub_supply_process where id = :id").param("id", id).query(String.class)
                .single();
        assertThat(rollback).contains(">BRS-NO-111<").doesNotContain("BalanceSupplierInvolvedEnergyParty");
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("ROLLED_BACK");
        // the delivery that began on 1 April is in force on no day: kept in the history as [1 April, 1 April), not shown
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber).json("/deliveries")).isEmpty();
        assertThat(jdbc.sql("""
                select count(*) from delivery d join contract c on c.id = d.contract_id
                where c.contract_number = :number and d.valid_from = date '2026-04-01' and d.valid_to = date '2026-04-01'""")
                .param("number", Long.parseLong(contractNumber)).query(Long.class).single()).isEqualTo(1);
        // once rolled back, not again
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/rollback", json("reason", "again")).status())
                .isEqualTo(409);
    }

    @Test
    void aNotifiedStartIsNotRolledBackWhileAMoveOutOfThePointIsUnderWay() {
        String point = point();
        long id = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts", json("kind", "CHANGE_OF_SUPPLIER", "meteringPointId", point,
                "startDate", "2026-04-01", "customerNumber", String.valueOf(customer))).json("/id").asLong();
        deliver();
        poll();
        market.passCancellationDeadlines();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("NOTIFIED");
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-04-01",
                java.util.List.of(TestData.delivery(point, "SPOT", "2026-04-01", null))));
        // the notified start is closed, and a move-out of the point is asked for: now it is the point's open process
        Api.Response moveOut = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId", point,
                "endDate", "2026-05-01", "customerNumber", String.valueOf(customer), "newAddress",
                json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen")));
        assertThat(moveOut.status()).as(moveOut.raw()).isEqualTo(202);

        // the rollback would reopen the start beside it: refused, naming the rule, and nothing stored
        Api.Response refused = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/rollback",
                json("reason", "switched the neighbour's metering point by mistake"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("/violations/0/field")).isEqualTo("id");
        assertThat(refused.text("/violations/0/rule")).isEqualTo("supplyProcess.inProgress");
        assertThat(refused.text("/violations/0/message")).contains("the start can not be rolled back while it runs");
        assertThat(process(id).at("/status").asString()).isEqualTo("NOTIFIED");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point + "/elhub-commands").json("").findValuesAsString("kind"))
                .doesNotContain("ROLLBACK_START_OF_SUPPLY");

        // the move-out, not yet sent, is withdrawn: then the rollback goes
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends/" + moveOut.json("/id").asLong() + "/cancel", json())
                .status()).isEqualTo(200);
        Api.Response rollingBack = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id + "/rollback",
                json("reason", "switched the neighbour's metering point by mistake"));
        assertThat(rollingBack.status()).as(rollingBack.raw()).isEqualTo(202);
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void aChangedNameAndAddressReachElhubForEveryPointWeSupplyTheCustomer() {
        String supplied = point();
        String ended = point();
        api.post(Role.CUSTOMER_SERVICE, "/api/v1/contracts", TestData.contract(customer, "2026-01-01", java.util.List.of(
                TestData.delivery(supplied, "SPOT", "2026-01-01", null), TestData.delivery(ended, "SPOT", "2026-01-01", "2026-03-01"))));
        JsonNode current = api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer).json("");
        java.util.Map<String, Object> change = new java.util.HashMap<>(TestData.person(current.at("/nationalId").asString(), "Kari", "Flytter"));
        change.put("address", json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen"));
        change.put("version", current.at("/version").asLong());
        Api.Response changed = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer, change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        // one update, for the point we still supply (not the one whose delivery ended on 1 March)
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/customer-updates?meteringPointId=" + ended).json("")).isEmpty();
        JsonNode update = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/customer-updates?meteringPointId=" + supplied).json("/0");
        assertThat(update.at("/status").asString()).isEqualTo("REQUESTED");
        String message = jdbc.sql("select message from elhub_customer_update where id = :id").param("id", update.at("/id").asLong())
                .query(String.class).single();
        assertThat(message).contains(">BRS-NO-301<").contains("<abie:FamilyName>Flytter</abie:FamilyName>")
                .contains("<abie:StreetName>Nyveien</abie:StreetName>").contains("<abie:CityName>Bergen</abie:CityName>");
        deliver();
        assertThat(market.customerUpdates()).contains(supplied).doesNotContain(ended);
        poll();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/customer-updates?meteringPointId=" + supplied).json("/0/status").asString())
                .isEqualTo("ACKNOWLEDGED");
        // saving the same details again tells Elhub nothing new
        change.put("version", changed.json("/version").asLong());
        assertThat(api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer, change).status()).isEqualTo(200);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/customer-updates?meteringPointId=" + supplied).json("")).hasSize(1);
    }

    @Test
    void theGridCompanysMasterDataBecomesANewVersionOfTheCharacteristicsFromItsDate() {
        String point = point();   // PT15M, Fjellveien 3, 5710 Voss, VAT standard, from 1 January 2026
        market.masterDataChanges(point, LocalDate.of(2026, 2, 1), "PT60M", "Nyveien", "7", "5700", "Voss", "E");
        assertThat(poll().at("/processed/applied").asInt()).isEqualTo(1);
        JsonNode mp = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("");
        JsonNode history = mp.at("/characteristicsHistory");
        assertThat(history).hasSize(2);
        JsonNode latest = history.get(history.size() - 1).at("/validFrom").asString().equals("2026-02-01")
                ? history.get(history.size() - 1) : history.get(0);
        assertThat(latest.at("/validFrom").asString()).isEqualTo("2026-02-01");
        assertThat(latest.at("/resolution").asString()).isEqualTo("PT1H");
        assertThat(latest.at("/address/street").asString()).isEqualTo("Nyveien 7");
        assertThat(latest.at("/vatExempt").asBoolean()).isTrue();
        // the same master data again: nothing changes
        market.masterDataChanges(point, LocalDate.of(2026, 2, 1), "PT60M", "Nyveien", "7", "5700", "Voss", "E");
        poll();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("/characteristicsHistory")).hasSize(2);
    }

    @Test
    void aGridAreaInAnotherPriceAreaMovesThePointThereAndAnUnknownOneFailsTheMessageUntilItIsAdded() {
        String point = point();   // NO3, from 1 January 2026
        String eic = "50Y" + String.format("%013d", Math.abs(point.hashCode()) % 1_000_000_000_000L);
        market.masterDataChanges(point, LocalDate.of(2026, 2, 1), "PT15M", "Fjellveien", "3", "5710", "Voss", "S", eic, null);
        assertThat(poll().at("/processed/failed").asInt()).isEqualTo(1);
        JsonNode item = api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items?status=OPEN&meteringPointId=" + point).json("/0");
        assertThat(item.at("/kind").asString()).isEqualTo("INBOUND_FAILED");
        assertThat(item.at("/summary").asString()).contains("gridArea.unknown").contains(eic);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("/characteristicsHistory")).hasSize(1);

        // the admin adds the grid area (in NO5 from 2025); a retry applies the message: NO5 from 1 February
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/grid-areas", json("eic", eic, "name", "Vossanett", "priceArea", "NO5",
                "validFrom", "2025-01-01")).status()).isEqualTo(403);
        Api.Response added = api.post(Role.ADMIN, "/api/v1/grid-areas", json("eic", eic, "name", "Vossanett", "priceArea", "NO5",
                "validFrom", "2025-01-01"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(api.post(Role.ADMIN, "/api/v1/grid-areas", json("eic", eic, "name", "Vossanett", "priceArea", "NO1",
                "validFrom", "2024-06-01")).text("/violations/0/rule")).isEqualTo("gridArea.history");
        Api.Response retried = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/work-items/" + item.at("/id").asLong() + "/retry", json());
        assertThat(retried.status()).as(retried.raw()).isLessThan(300);
        poll();
        JsonNode history = api.get(Role.CUSTOMER_SERVICE, "/api/v1/metering-points/" + point).json("/characteristicsHistory");
        assertThat(history).hasSize(2);
        assertThat(history.findValuesAsString("priceArea")).containsExactlyInAnyOrder("NO3", "NO5");
    }

    /** What the NotifyEndOfSupply messages about this point did (the test clock is fixed: no order by time). */
    private java.util.List<String> endOfSupplyDetails(String point) {
        java.util.List<String> details = new java.util.ArrayList<>();
        api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/inbound-messages?status=APPLIED&limit=500").json("").forEach(m -> {
            if (m.at("/document").asString().equals("NotifyEndOfSupply") && m.at("/detail").asString().contains(point)) {
                details.add(m.at("/detail").asString());
            }
        });
        return details;
    }

    private String point() {
        String point = TestData.meteringPointId();
        assertThat(api.post(Role.CUSTOMER_SERVICE, "/api/v1/metering-points", TestData.meteringPoint(point, "NO3", gridOwner, "35", "5001"))
                .status()).isEqualTo(201);
        return point;
    }

    /** A move-out of the point on {@code endDate}, sent and confirmed; its id. */
    private long moveOut(String point, String endDate) {
        Api.Response requested = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-ends", json("kind", "MOVE_OUT", "meteringPointId", point,
                "endDate", endDate, "customerNumber", String.valueOf(customer), "newAddress",
                json("street", "Nyveien 3B", "postcode", "5003", "city", "Bergen")));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        long id = requested.json("/id").asLong();
        deliver();
        poll();
        assertThat(process(id).at("/status").asString()).isEqualTo("CONFIRMED");
        return id;
    }

    /** The contract's one delivery's end, or null when open-ended. */
    private String validTo(String contractNumber) {
        JsonNode to = api.get(Role.CUSTOMER_SERVICE, "/api/v1/contracts/" + contractNumber).json("/deliveries/0/validTo");
        return to.isNull() || to.isMissingNode() ? null : to.asString();
    }

    private JsonNode process(long id) {
        return api.get(Role.CUSTOMER_SERVICE, "/api/v1/elhub/supply-starts/" + id).json("");
    }

    private void deliver() {
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/elhub/outbox/deliveries", json());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private JsonNode poll() {
        Api.Response round = api.post(Role.BILLING, "/api/v1/elhub/polls", json());
        assertThat(round.status()).as(round.raw()).isEqualTo(200);
        return round.json("");
    }
}
