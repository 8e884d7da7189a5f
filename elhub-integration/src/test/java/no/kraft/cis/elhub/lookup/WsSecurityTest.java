package no.kraft.cis.elhub.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The EMIF envelope's signature survives the wire (serialise → parse) and breaks when the body or the key differ. */
class WsSecurityTest {

    private static final SigningKey KEY = SigningKey.generated();
    private static final String ENVELOPE = """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body>\
            <q:Query xmlns:q="urn:test"><q:MeteringPoint>707057500000000018</q:MeteringPoint></q:Query></soapenv:Body></soapenv:Envelope>""";

    @Test
    void aSignedEnvelopeVerifiesAfterTheRoundTrip() {
        assertThat(WsSecurity.verify(EmifLookup.parse(signed()), KEY.publicKey())).isTrue();
    }

    @Test
    void aChangedBodyOrAnotherKeyFails() {
        String tampered = signed().replace("707057500000000018", "707057500000000025");
        assertThat(WsSecurity.verify(EmifLookup.parse(tampered), KEY.publicKey())).isFalse();
        assertThat(WsSecurity.verify(EmifLookup.parse(signed()), SigningKey.generated().publicKey())).isFalse();
        assertThat(WsSecurity.verify(EmifLookup.parse(ENVELOPE), KEY.publicKey())).as("unsigned").isFalse();
    }

    private static String signed() {
        Document document = EmifLookup.parse(ENVELOPE);
        WsSecurity.sign(document, KEY, Instant.parse("2026-03-15T11:00:00Z"));
        return EmifLookup.serialise(document);
    }
}
