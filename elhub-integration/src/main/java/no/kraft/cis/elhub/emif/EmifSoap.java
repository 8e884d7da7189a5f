package no.kraft.cis.elhub.emif;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import no.kraft.cis.elhub.exchange.IntegrationLog;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.lookup.WsSecurity;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.norgespris.ElhubApiException;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Document;

/**
 * Sends one EMIF message: the BIM message (its root declares the {@code rsm} and {@code abie} namespaces) wrapped in
 * the WSDL's request element, in a SOAP 1.1 envelope signed with the enterprise certificate ({@link WsSecurity}:
 * timestamp and body), posted with the operation's {@code SOAPAction}. The exchange goes to the integration log (the
 * answer clipped); no answer is an {@link ElhubApiException#noAnswer} (to be retried), a SOAP fault an
 * {@link EmifFault}.
 */
public final class EmifSoap {

    public static final String ABIE = "urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2";

    /** An answer: HTTP status and body bytes as received. */
    public record Reply(int status, byte[] body) {
    }

    private final SigningKey key;
    private final RestClient http;
    private final IntegrationLog log;
    private final Clock clock;
    private final String senderGln;
    private final String elhubGln;

    public EmifSoap(SigningKey key, RestClient.Builder http, IntegrationLog log, Clock clock, String senderGln, String elhubGln) {
        this.key = key;
        this.http = http.build();
        this.log = log;
        this.clock = clock;
        this.senderGln = senderGln;
        this.elhubGln = elhubGln;
    }

    /** A fresh message identification: a lowercase canonical UUID, as Elhub requires. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The BIM {@code Header} (prefix {@code rsm} for the message, {@code abie} for its parts), from us to Elhub. */
    public String header(String id, String documentType, String listAgency) {
        String created = EmifTime.format(clock.instant());
        return """
                <rsm:Header><abie:Identification>%s</abie:Identification>\
                <abie:DocumentType listAgencyIdentifier="%s">%s</abie:DocumentType><abie:Creation>%s</abie:Creation>\
                <abie:PhysicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier="9">%s</abie:Identification></abie:PhysicalSenderEnergyParty>\
                <abie:JuridicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier="9">%s</abie:Identification></abie:JuridicalSenderEnergyParty>\
                <abie:JuridicalRecipientEnergyParty><abie:Identification schemeAgencyIdentifier="9">%s</abie:Identification></abie:JuridicalRecipientEnergyParty>\
                </rsm:Header>""".formatted(id, listAgency, documentType, created, senderGln, senderGln, elhubGln);
    }

    /** The BIM {@code ProcessEnergyContext}: the process (a BRS or {@code POLL}) and our role, DDQ (balance supplier). */
    public static String context(String process) {
        return """
                <rsm:ProcessEnergyContext><abie:EnergyBusinessProcess listAgencyIdentifier="89">%s</abie:EnergyBusinessProcess>\
                <abie:EnergyBusinessProcessRole listAgencyIdentifier="6">DDQ</abie:EnergyBusinessProcessRole>\
                <abie:EnergyIndustryClassification>23</abie:EnergyIndustryClassification></rsm:ProcessEnergyContext>""".formatted(process);
    }

    /** The signed envelope around {@code message}, inside the WSDL's {@code wrapper} element of namespace {@code wsdlNamespace}. */
    public String envelope(String wsdlNamespace, String wrapper, String message) {
        String text = """
                <soapenv:Envelope xmlns:soapenv="%s"><soapenv:Header/><soapenv:Body>\
                <tns:%s xmlns:tns="%s">%s</tns:%s></soapenv:Body></soapenv:Envelope>""".formatted(WsSecurity.SOAP, wrapper, wsdlNamespace,
                message, wrapper);
        Document document = EmifLookup.parse(text);
        WsSecurity.sign(document, key, clock.instant());
        return EmifLookup.serialise(document);
    }

    /** Posts a signed envelope; a SOAP fault (HTTP 500 with a {@code Fault}) is thrown as {@link EmifFault}. */
    public Reply call(String url, String action, String envelope) {
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = http.post().uri(URI.create(url))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + action + "\"")
                    .body(envelope)
                    .exchange((req, res) -> new Reply(res.getStatusCode().value(), res.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            log.record("EMIF", "POST", url, envelope, null, null, e.toString(), started);
            throw ElhubApiException.noAnswer(e);
        }
        String head = new String(reply.body(), 0, Math.min(reply.body().length, 64 * 1024), StandardCharsets.UTF_8);
        log.record("EMIF", "POST", url, envelope, reply.status(), head, null, started);
        if (reply.status() >= 500 && head.contains(":Fault>")) {
            throw EmifFault.of(reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        }
        if (reply.status() == 429 || reply.status() >= 500) {
            throw new ElhubApiException(reply.status(), null, "EMIF answered " + reply.status(), null, head, null);
        }
        if (reply.status() != 200) {
            throw new ElhubApiException(reply.status(), null, "EMIF answered " + reply.status(), null, head, null);
        }
        return reply;
    }
}
