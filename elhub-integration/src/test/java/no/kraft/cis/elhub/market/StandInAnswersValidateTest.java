package no.kraft.cis.elhub.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.emif.MessageFields;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.metering.SentMessages;
import no.kraft.cis.elhub.metering.ValidatedDataReader;
import no.kraft.cis.elhub.standin.EmifMarketStandIn;
import no.kraft.cis.elhub.standin.EmifPollStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The stand-in's side is held to Elhub's schemas too: what it answers to our RequestStartOfSupply (Confirm, Reject,
 * Notify on the poll queue) and the meter values it makes validate, and read back as we read them.
 */
class StandInAnswersValidateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T11:00:00Z"), ZoneOffset.UTC);

    @Test
    void confirmRejectNotifyAndMeterValuesValidate() throws Exception {
        var schemas = SentMessages.schemas();
        SigningKey key = SigningKey.generated();
        EmifPollStandIn polls = new EmifPollStandIn(key.publicKey(), "7080000923168", CLOCK, schemas, 10);
        EmifMarketStandIn market = new EmifMarketStandIn(key.publicKey(), "7080000923168", CLOCK, schemas, polls);
        EmifSoap soap = new EmifSoap(key, RestClient.builder(), null, CLOCK, "7080000923168", "7080003824349");
        SupplyStart.Address address = SupplyStart.Address.of("Kirkegata 12B", "7010", "Trondheim");
        assertThat(address.streetName()).isEqualTo("Kirkegata");
        assertThat(address.buildingNumber()).isEqualTo("12B");
        market.otherSupplierStarts("707057500000000025", LocalDate.of(2026, 4, 1));
        String firstId = null;
        String first = null;
        for (String point : List.of("707057500000000018", "707057500000000025")) {
            String id = EmifSoap.newId();
            String request = MarketMessages.requestStartOfSupply(soap, id, "7080000923168", new SupplyStart(
                    ProcessKind.CHANGE_OF_SUPPLIER, point, LocalDate.of(2026, 4, 1), "01018010018", null, "Kari", "Nordmann", address));
            firstId = firstId == null ? id : firstId;
            first = first == null ? request : first;
            send(market, soap, "RequestStartOfSupply", request);
        }
        market.passCancellationDeadlines();
        // the notified start rolled back (confirmed), an end of supply in its window (confirmed) and one too late (E17)
        send(market, soap, "RequestStartOfSupply", MarketMessages.rollbackStartOfSupply(soap, first, firstId, EmifSoap.newId()));
        send(market, soap, "RequestEndOfSupply", MarketMessages.requestEndOfSupply(soap, EmifSoap.newId(), "7080000923168", new SupplyEnd(
                ProcessKind.TERMINATION, "707057500000000049", LocalDate.of(2026, 3, 18), "01018010018", null, "Kari", "Nordmann", address)));
        send(market, soap, "RequestEndOfSupply", MarketMessages.requestEndOfSupply(soap, EmifSoap.newId(), "7080000923168", new SupplyEnd(
                ProcessKind.MOVE_OUT, "707057500000000056", LocalDate.of(2026, 3, 15), "01018010018", null, "Kari", "Nordmann", address)));
        send(market, soap, "RequestUpdateCustomerInformation", MarketMessages.requestUpdateCustomerInformation(soap, EmifSoap.newId(),
                "707057500000000018", "01018010018", null, "Kari", "Nordmann", new MarketMessages.Contact("kari@example.no", null), address));
        market.anotherSupplierTakesOver("707057500000000032", LocalDate.of(2026, 4, 1), "01018010018", "Kari", "Nordmann");
        market.masterDataChanges("707057500000000032", LocalDate.of(2026, 2, 1), "PT60M", "Nyveien", "7", "5700", "Voss", "S",
                "50Y0000000000001", "47");
        polls.produceMeterValues("707057500000000018", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 15, 250);

        List<String> documents = new ArrayList<>();
        for (PollQueue queue : PollQueue.values()) {
            String poll = soap.envelope(queue.wsdlNamespace(), "PollForDataRequest",
                    "<rsm:PollForData xmlns:rsm=\"urn:no:elhub:emif:PollForData:v2\" xmlns:abie=\"" + EmifSoap.ABIE + "\">"
                            + soap.header(EmifSoap.newId(), "21", "6") + EmifSoap.context("POLL") + "<rsm:Payload/></rsm:PollForData>");
            var served = polls.handle(queue, "PollForData", poll);
            assertThat(served.status()).as(served.xml()).isEqualTo(200);
            // each business message in the batch, on its own, by its schema
            var d = EmifLookup.parse(served.xml());
            var set = d.getElementsByTagNameNS(queue.wsdlNamespace(), "ResultDataSet").item(0);
            for (var n = set.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e) {
                    String xml = EmifLookup.serialise(no.kraft.cis.elhub.emif.EmifSchemas.alone(e));
                    schemas.validate(xml);
                    documents.add(e.getLocalName());
                    if (e.getLocalName().startsWith("Reject")) {
                        XMLStreamReader r = ValidatedDataReader.factory().createXMLStreamReader(
                                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                        while (r.next() != XMLStreamConstants.START_ELEMENT) {
                            // to the root
                        }
                        assertThat(MessageFields.read(r, id -> false).first("ResponseReasonType"))
                                .isEqualTo(e.getLocalName().equals("RejectStartOfSupply") ? "E59" : "E17");
                    }
                }
            }
        }
        assertThat(documents).containsExactlyInAnyOrder("ConfirmStartOfSupply", "RejectStartOfSupply", "NotifyStartOfSupply",
                "ConfirmStartOfSupply", "ConfirmEndOfSupply", "RejectEndOfSupply", "Acknowledgement",
                "NotifyEndOfSupply", "NotifyMeteringPointCharacteristics", "NotifyValidatedDataForBillingEnergy");
    }

    private static void send(EmifMarketStandIn market, EmifSoap soap, String operation, String message) {
        var answer = market.handle(operation, soap.envelope(MarketMessages.MARKET_PROCESSES_WSDL, operation + "Request", message));
        assertThat(answer.status()).as(answer.xml()).isEqualTo(200);
    }
}
