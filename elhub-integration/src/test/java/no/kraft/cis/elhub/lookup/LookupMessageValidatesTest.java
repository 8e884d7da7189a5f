package no.kraft.cis.elhub.lookup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.metering.SentMessages;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The BRS-NO-611 look-up as it leaves, in each search combination, is valid by Elhub's schema. */
class LookupMessageValidatesTest {

    @Test
    void everyVariantValidates() throws Exception {
        var schemas = SentMessages.schemas();
        EmifLookup lookup = new EmifLookup(new EmifLookup.Settings("http://unused", "7080000923168", "7080003824349"), SigningKey.generated(),
                RestClient.builder(), null, Clock.fixed(Instant.parse("2026-03-15T11:00:00Z"), ZoneOffset.UTC));
        for (MeteringPointQuery q : List.of(
                new MeteringPointQuery("707057500000000018", null, null, null, null, null),
                new MeteringPointQuery(null, "01018010018", "0155", "Storgata", null, null),
                new MeteringPointQuery("707057500000000018", "01018010018", null, null, null, null),
                new MeteringPointQuery(null, "923609016", "5019", null, "12", null),
                new MeteringPointQuery(null, "01018010018", null, null, null, "M-1001"),
                new MeteringPointQuery(null, null, "0155", null, null, "M-1001"))) {
            schemas.validate(SentMessages.message(lookup.envelope(q, UUID.randomUUID().toString())));
        }
    }
}
