package no.kraft.cis.e2e;

import static no.kraft.cis.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.kraft.cis.paymentchannel.PeppolParticipants;
import no.kraft.cis.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Payment channels and the Peppol participant list: import, look-up by organisation number, EHF only where it can be received. */
class PaymentChannelTest extends ApiTest {

    @Test
    void ehfForAnOrganisationInThePeppolListOnly() {
        String inList = TestData.organisationNumber();
        String notInList = TestData.organisationNumber();
        String noInvoices = TestData.organisationNumber();
        // the Peppol Directory's CSV export shape: a header, ';' separated, quoted fields; a German participant is skipped
        String csv = """
                "Participant ID";"Names";"Country code";"Document types"
                "iso6523-actorid-upis::0192:%s";"Nordlys Bakeri AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1"
                "iso6523-actorid-upis::0192:%s";"Kun Ordre AS";"NO";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1"
                "iso6523-actorid-upis::9930:DE123456789";"Beispiel GmbH";"DE";"busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice"
                """.formatted(inList, noInvoices);
        Api.Response imported = api.postText(Role.ADMIN, "/api/v1/peppol-participant-lists?source=test", "text/csv", csv);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json("/participants").asInt()).isEqualTo(2);
        assertThat(imported.json("/skipped").asInt()).isEqualTo(1);
        Api.Response same = api.postText(Role.ADMIN, "/api/v1/peppol-participant-lists?source=test", "text/csv", csv);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json("/unchanged").asBoolean()).isTrue();

        Api.Response found = api.get(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participants/" + inList);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.text("/participantId")).isEqualTo("0192:" + inList);
        assertThat(found.json("/acceptsInvoice").asBoolean()).isTrue();
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participants/" + notInList).status()).isEqualTo(404);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participants/123456789").status()).isEqualTo(400);

        long bakery = customer(TestData.organisation(inList, "Nordlys Bakeri AS"));
        long other = customer(TestData.organisation(notInList, "Papir Og Porto AS"));
        long ordersOnly = customer(TestData.organisation(noInvoices, "Kun Ordre AS"));
        // nobody chose: the bakery is in the list → EHF by default; the other has an e-mail address → e-mail PDF
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + bakery + "/payment-channel").text("/channel")).isEqualTo("EHF");
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + other + "/payment-channel").text("/channel")).isEqualTo("EMAIL_PDF");

        Api.Response ehf = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + bakery + "/payment-channel", json("channel", "EHF"));
        assertThat(ehf.status()).as(ehf.raw()).isEqualTo(200);
        assertThat(ehf.json("/chosen").asBoolean()).isTrue();
        assertThat(refusal(other, "EHF")).isEqualTo("paymentChannel.notInPeppol");
        assertThat(refusal(ordersOnly, "EHF")).isEqualTo("paymentChannel.notInPeppol");
        assertThat(refusal(other, "EFAKTURA")).isEqualTo("paymentChannel.efakturaForPrivate");
        long person = customer(TestData.person(TestData.nationalId(), "Jon", "Moe"));
        assertThat(refusal(person, "EHF")).isEqualTo("paymentChannel.ehfForOrganisations");
        assertThat(api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + person + "/payment-channel", json("channel", "AVTALEGIRO")).status())
                .isEqualTo(200);
        Api.Response unknown = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + person + "/payment-channel", json("channel", "FAX"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("/violations/0/rule")).isEqualTo("channel.unknown");
    }

    @Test
    void aListWithoutParticipantIdsIsRefusedAndTheOldListStays() {
        DatabaseSnapshot before = snapshot();
        Api.Response r = api.postText(Role.ADMIN, "/api/v1/peppol-participant-lists", "text/csv", "name;country\nX;NO\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/violations/0/rule")).isEqualTo("peppolList.format");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(api.postText(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participant-lists", "text/csv", "x").status()).isEqualTo(403);
    }

    @Autowired
    PeppolParticipants peppol;

    /** What the scheduled refresh does with {@code cis.peppol.participant-list}: a file path or a URL, the list replaced whole. */
    @Test
    void theRefreshReadsTheListFromAFileOrAUrl() throws Exception {
        String fromFile = TestData.organisationNumber();
        String fromUrl = TestData.organisationNumber();
        Path file = Files.createTempFile("peppol-participants", ".csv");
        Files.writeString(file, "Participant ID,Names\n0192:" + fromFile + ",Fra Fil AS\n");
        PeppolParticipants.ImportResult first = peppol.refreshFrom(file.toString());
        assertThat(first.participants()).isEqualTo(1);
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participants/" + fromFile).text("/name")).isEqualTo("Fra Fil AS");

        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        byte[] list = ("Participant ID;Names\niso6523-actorid-upis::0192:" + fromUrl + ";Fra Nett AS\n").getBytes(StandardCharsets.UTF_8);
        server.createContext("/participants.csv", exchange -> {
            exchange.sendResponseHeaders(200, list.length);
            exchange.getResponseBody().write(list);
            exchange.close();
        });
        server.start();
        try {
            peppol.refreshFrom("http://localhost:" + server.getAddress().getPort() + "/participants.csv");
        } finally {
            server.stop(0);
        }
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participants/" + fromUrl).status()).isEqualTo(200);
        // the list is replaced as a whole: the organisation only the file had is gone
        assertThat(api.get(Role.CUSTOMER_SERVICE, "/api/v1/peppol-participants/" + fromFile).status()).isEqualTo(404);
    }

    private long customer(java.util.Map<String, Object> body) {
        Api.Response r = api.post(Role.CUSTOMER_SERVICE, "/api/v1/customers", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json("/customerNumber").asLong();
    }

    private String refusal(long customer, String channel) {
        Api.Response r = api.put(Role.CUSTOMER_SERVICE, "/api/v1/customers/" + customer + "/payment-channel", json("channel", channel));
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        return r.text("/violations/0/rule");
    }
}
