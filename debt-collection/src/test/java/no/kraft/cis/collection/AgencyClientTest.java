package no.kraft.cis.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import no.kraft.cis.collection.standin.AgencyStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our client against the agency's stand-in over real HTTP: taken, the same claim again, refused, down. */
class AgencyClientTest {

    static final String CLAIM = """
            {"creditorReference":"100042","kid":"10000010001000429","currency":"NOK","originalAmount":1180.00,"principal":1180.00,
             "issueDate":"2026-02-01","dueDate":"2026-02-20","fees":0.00,"interest":{"amount":8.92,"calculatedThrough":"2026-03-15"},
             "debtor":{"type":"PERSON","name":"Kari Nordmann","nationalId":"15038512363",
                       "address":{"street":"Storgata 1","postcode":"0155","city":"Oslo","countryCode":"NO"}},
             "notices":[],"handedOverOn":"2026-03-15"}""";

    private final AgencyStandIn standIn = start();
    private final AgencyClient client = new AgencyClient(standIn.baseUrl(), "key", java.time.Duration.ofSeconds(5));

    private static AgencyStandIn start() {
        try {
            return new AgencyStandIn(0, "key");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        standIn.close();
    }

    @Test
    void aClaimIsTakenOnceWhateverHowOftenItIsSent() {
        AgencyClient.Outcome first = client.submit("k-1", CLAIM);
        assertThat(first).isInstanceOf(AgencyClient.Accepted.class);
        String reference = ((AgencyClient.Accepted) first).caseReference();
        // the same key again (an answer lost): the same case
        assertThat(client.submit("k-1", CLAIM)).isEqualTo(new AgencyClient.Accepted(reference));
        // another key, the same claim: still the same case
        assertThat(client.submit("k-2", CLAIM)).isEqualTo(new AgencyClient.Accepted(reference));
        assertThat(standIn.claims()).hasSize(1);
        // the same key with another claim, or the same reference with other content: refused
        String other = CLAIM.replace("\"principal\":1180.00", "\"principal\":1000.00");
        AgencyClient.Outcome reused = client.submit("k-1", other);
        assertThat(reused).isInstanceOf(AgencyClient.Refused.class);
        assertThat(((AgencyClient.Refused) reused).status()).isEqualTo(409);
        AgencyClient.Outcome duplicate = client.submit("k-3", other);
        assertThat(((AgencyClient.Refused) duplicate).message()).contains("DUPLICATE_CLAIM");
    }

    @Test
    void whatAnAgencyCannotCollectOnIsRefusedNamingTheField() {
        String noId = CLAIM.replace("\"nationalId\":\"15038512363\",", "");
        AgencyClient.Outcome refused = client.submit("k-10", noId);
        assertThat(refused).isInstanceOf(AgencyClient.Refused.class);
        assertThat(((AgencyClient.Refused) refused).status()).isEqualTo(422);
        assertThat(((AgencyClient.Refused) refused).message()).contains("debtor.nationalId REQUIRED");

        AgencyClient.Outcome zero = client.submit("k-11", CLAIM.replace("\"principal\":1180.00", "\"principal\":0.00"));
        assertThat(((AgencyClient.Refused) zero).message()).contains("principal NON_POSITIVE_AMOUNT");

        AgencyClient.Outcome badKid = client.submit("k-12", CLAIM.replace("10000010001000429", "10000010001000428"));
        assertThat(((AgencyClient.Refused) badKid).message()).contains("kid INVALID_KID");

        String organisation = CLAIM.replace("\"type\":\"PERSON\"", "\"type\":\"ORGANISATION\"");
        assertThat(((AgencyClient.Refused) client.submit("k-13", organisation)).message()).contains("debtor.organisationNumber REQUIRED");

        AgencyClient.Outcome unknown = client.submit("k-14", CLAIM.replace("\"notices\":[]", "\"notices\":[],\"vatAmount\":1"));
        assertThat(((AgencyClient.Refused) unknown).status()).isEqualTo(400);
        assertThat(((AgencyClient.Refused) unknown).message()).contains("vatAmount UNKNOWN_FIELD");

        AgencyClient wrongKey = new AgencyClient(standIn.baseUrl(), "not-the-key", java.time.Duration.ofSeconds(5));
        assertThat(((AgencyClient.Refused) wrongKey.submit("k-15", CLAIM)).status()).isEqualTo(401);
        assertThat(standIn.claims()).isEmpty();
    }

    @Test
    void downOrGoneIsUnavailableNotRefused() throws Exception {
        standIn.downFor(1);
        assertThat(client.submit("k-20", CLAIM)).isInstanceOf(AgencyClient.Unavailable.class);
        assertThat(client.submit("k-20", CLAIM)).isInstanceOf(AgencyClient.Accepted.class);
        // without an idempotency key the agency refuses outright (raw HTTP: our client always sends one)
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + AgencyStandIn.PATH))
                .header("Authorization", "Bearer key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CLAIM)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        standIn.close();
        assertThat(client.submit("k-21", CLAIM)).isInstanceOf(AgencyClient.Unavailable.class);
    }

    @Test
    void theBackoffDoublesUpToItsCeiling() {
        DebtCollectionProperties p = new DebtCollectionProperties(null, null, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10),
                null, null, null);
        ClaimRelay relay = new ClaimRelay(null, java.util.Optional.empty(), null, java.time.Clock.systemUTC(), p);
        assertThat(relay.backoff(1)).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(relay.backoff(2)).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(relay.backoff(4)).isEqualTo(java.time.Duration.ofMinutes(8));
        assertThat(relay.backoff(5)).isEqualTo(java.time.Duration.ofMinutes(10));
        assertThat(relay.backoff(40)).isEqualTo(java.time.Duration.ofMinutes(10));
    }
}
