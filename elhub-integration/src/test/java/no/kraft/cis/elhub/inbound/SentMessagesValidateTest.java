package no.kraft.cis.elhub.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import no.kraft.cis.elhub.emif.EmifSoap;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.metering.SentMessages;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Every message we send Elhub, as it leaves (signed envelope), is valid by Elhub's BIM 2.3 schemas. */
class SentMessagesValidateTest {

    // a whole minute on purpose: OffsetDateTime.toString() would drop the seconds, which xsd:dateTime refuses
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T11:00:00Z"), ZoneOffset.UTC);
    private static final SigningKey KEY = SigningKey.generated();

    @Test
    void pollForDataAndItsAcknowledgement() throws Exception {
        var schemas = SentMessages.schemas();
        EmifSoap soap = new EmifSoap(KEY, RestClient.builder(), null, CLOCK, "7080000923168", "7080003824349");
        Poller poller = new Poller(soap, Map.of(), null, null, 1);
        for (PollQueue queue : PollQueue.values()) {
            String poll = SentMessages.message(soap.envelope(queue.wsdlNamespace(), "PollForDataRequest", poller.pollForData()));
            schemas.validate(poll);
            assertThat(poll).contains(">POLL<").contains("2026-03-15T12:00:00+01:00");
            String ack = SentMessages.message(soap.envelope(queue.wsdlNamespace(), "AcknowledgePollRequest",
                    poller.acknowledgement(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))));
            schemas.validate(ack);
            assertThat(ack).contains(">39<").contains(">0f8fad5b-d9cb-469f-a165-70867728950e<");
        }
    }
}
