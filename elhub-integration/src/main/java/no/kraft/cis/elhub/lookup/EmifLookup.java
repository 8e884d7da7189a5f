package no.kraft.cis.elhub.lookup;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import no.kraft.cis.elhub.exchange.IntegrationLog;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import no.kraft.cis.elhub.norgespris.ElhubApiException;
import no.kraft.cis.period.NorwegianTime;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * BRS-NO-611 over EMIF: the SOAP {@code Query} operation {@code RequestUpfrontMeteringPointCharacteristics}, signed with
 * the enterprise certificate ({@link WsSecurity}). The query is validated before anything is sent
 * ({@link MeteringPointQuery}); the answer is 1–99 candidates with address, grid owner and reading facts, or an
 * {@code EHxxx}/{@code E10} refusal ({@link LookupRejected}). Every exchange goes to the integration log.
 */
public class EmifLookup {

    static final String REQUEST_NS = "urn:no:elhub:emif:query:RequestUpfrontMeteringPointCharacteristics:v2";
    static final String RESPONSE_NS = "urn:no:elhub:emif:query:ResponseUpfrontMeteringPointCharacteristics:v2";
    static final String ABIE_NS = "urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2";
    static final String WSDL_NS = "urn:no:elhub:emif:wsdl:query:v2";
    static final String ACTION = "RequestUpfrontMeteringPointCharacteristics";
    private static final Pattern EH_CODE = Pattern.compile("\\b(EH\\d{3}|E\\d{2})\\b");

    /**
     * @param url the EMIF Query endpoint
     * @param senderGln our GLN (physical and juridical sender)
     * @param elhubGln Elhub's GLN (recipient)
     */
    public record Settings(String url, String senderGln, String elhubGln) {
    }

    /** A metering point Elhub found. */
    public record Candidate(String meteringPointId, String gridOwnerGln, String meteringGridArea, Address address, String meterNumber,
            LocalDate lastMeterReadingDate, LocalDate deliveryObligationDate, String meteringPointType, String settlementMethod,
            String physicalStatus, Boolean blockedForSwitching, BigDecimal annualEstimateKwh) {
    }

    /** The installation address as Elhub has it. */
    public record Address(String streetName, String buildingNumber, String floor, String postcode, String city) {
    }

    /** Elhub's answer to one query. */
    public record Answer(String requestId, MeteringPointQuery.Variant variant, List<Candidate> candidates) {
    }

    private final Settings settings;
    private final SigningKey key;
    private final RestClient http;
    private final IntegrationLog log;
    private final Clock clock;

    public EmifLookup(Settings settings, SigningKey key, RestClient.Builder http, IntegrationLog log, Clock clock) {
        this.settings = settings;
        this.key = key;
        this.http = http.build();
        this.log = log;
        this.clock = clock;
    }

    public Answer query(MeteringPointQuery query) {
        MeteringPointQuery.Variant variant = query.validate();
        String requestId = UUID.randomUUID().toString();
        String envelope = envelope(query, requestId);
        long started = System.nanoTime();
        String answer;
        int status;
        try {
            record Reply(int status, String body) {
            }
            Reply reply = http.post().uri(URI.create(settings.url()))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + ACTION + "\"")
                    .body(envelope)
                    .exchange((req, res) -> new Reply(res.getStatusCode().value(),
                            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
            status = reply.status();
            answer = reply.body();
        } catch (ResourceAccessException e) {
            log.record("EMIF", "POST", settings.url(), envelope, null, null, e.toString(), started);
            throw ElhubApiException.noAnswer(e);
        }
        log.record("EMIF", "POST", settings.url(), envelope, status, answer, null, started);
        return read(answer, status, requestId, variant);
    }

    /** The signed SOAP envelope for a query. */
    String envelope(MeteringPointQuery q, String requestId) {
        StringBuilder payload = new StringBuilder();
        // in the schema's order: metering point, end user, address, meter
        if (q.meteringPointId() != null) {
            payload.append("<abie:MeteringPointUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"9\">")
                    .append(xml(q.meteringPointId())).append("</abie:Identification></abie:MeteringPointUsedDomainLocation>");
        }
        if (q.endUserId() != null) {
            payload.append("<abie:ConsumerInvolvedCustomerParty><abie:Identification schemeAgencyIdentifier=\"")
                    .append(q.endUserIsOrganisation() ? "82" : "Z01").append("\">").append(xml(q.endUserId()))
                    .append("</abie:Identification></abie:ConsumerInvolvedCustomerParty>");
        }
        if (q.postcode() != null || q.streetName() != null || q.buildingNumber() != null) {
            payload.append("<abie:MPAddressMeteringPointAddress>");
            element(payload, "StreetName", q.streetName());
            element(payload, "BuildingNumber", q.buildingNumber());
            element(payload, "Postcode", q.postcode());
            payload.append("</abie:MPAddressMeteringPointAddress>");
        }
        if (q.meterNumber() != null) {
            payload.append("<abie:MeteringInstallationMeterFacility><abie:MeterIdentification>").append(xml(q.meterNumber()))
                    .append("</abie:MeterIdentification></abie:MeteringInstallationMeterFacility>");
        }
        String created = no.kraft.cis.elhub.emif.EmifTime.format(clock.instant());
        String text = """
                <soapenv:Envelope xmlns:soapenv="%s"><soapenv:Header/><soapenv:Body>\
                <tns:RequestUpfrontMeteringPointCharacteristicsRequest xmlns:tns="%s">\
                <rsm:RequestUpfrontMeteringPointCharacteristics xmlns:rsm="%s" xmlns:abie="%s">\
                <rsm:Header><abie:Identification>%s</abie:Identification>\
                <abie:DocumentType listAgencyIdentifier="260">E10</abie:DocumentType><abie:Creation>%s</abie:Creation>\
                <abie:PhysicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier="9">%s</abie:Identification></abie:PhysicalSenderEnergyParty>\
                <abie:JuridicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier="9">%s</abie:Identification></abie:JuridicalSenderEnergyParty>\
                <abie:JuridicalRecipientEnergyParty><abie:Identification schemeAgencyIdentifier="9">%s</abie:Identification></abie:JuridicalRecipientEnergyParty>\
                </rsm:Header><rsm:ProcessEnergyContext>\
                <abie:EnergyBusinessProcess listAgencyIdentifier="89">BRS-NO-611</abie:EnergyBusinessProcess>\
                <abie:EnergyBusinessProcessRole listAgencyIdentifier="6">DDQ</abie:EnergyBusinessProcessRole>\
                <abie:EnergyIndustryClassification>23</abie:EnergyIndustryClassification></rsm:ProcessEnergyContext>\
                <rsm:PayloadMPEvent>%s</rsm:PayloadMPEvent>\
                </rsm:RequestUpfrontMeteringPointCharacteristics></tns:RequestUpfrontMeteringPointCharacteristicsRequest>\
                </soapenv:Body></soapenv:Envelope>""".formatted(WsSecurity.SOAP, WSDL_NS, REQUEST_NS, ABIE_NS, requestId, created,
                settings.senderGln(), settings.senderGln(), settings.elhubGln(), payload);
        Document document = parse(text);
        WsSecurity.sign(document, key, clock.instant());
        return serialise(document);
    }

    private Answer read(String answer, int status, String requestId, MeteringPointQuery.Variant variant) {
        Document document;
        try {
            document = parse(answer);
        } catch (RuntimeException unreadable) {
            throw new ElhubApiException(status, null, "unreadable EMIF answer", null, answer, null);
        }
        NodeList faults = document.getElementsByTagNameNS(WsSecurity.SOAP, "Fault");
        if (faults.getLength() > 0) {
            String text = faults.item(0).getTextContent();
            Matcher code = EH_CODE.matcher(text);
            if (code.find()) {
                throw new LookupRejected(code.group(1), text(faults.item(0), "faultstring"));
            }
            throw new ElhubApiException(status == 200 ? 500 : status, "SOAP_FAULT", text(faults.item(0), "faultstring"), null, answer, null);
        }
        NodeList reasons = document.getElementsByTagNameNS("*", "ResponseReasonType");
        if (reasons.getLength() > 0) {
            throw new LookupRejected(reasons.item(0).getTextContent().strip(), text(document.getDocumentElement(), "ReasonText"));
        }
        NodeList events = document.getElementsByTagNameNS(RESPONSE_NS, "PayloadMasterDataMPEvent");
        if (status != 200) {
            throw new ElhubApiException(status, null, "EMIF answered " + status, null, answer, null);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < events.getLength(); i++) {
            Element e = (Element) events.item(i);
            Element address = child(e, "MPAddressMeteringPointAddress");
            Element characteristic = child(e, "MpDetailMeteringPointCharacteristic");
            String blocked = characteristic == null ? null : text(characteristic, "BlockedForSwitching");
            String annual = text(child(e, "AnnualPeriodEstimatedMetrics"), "Total");
            candidates.add(new Candidate(text(child(e, "MeteringPointUsedDomainLocation"), "Identification"),
                    text(child(e, "GridAccessProviderInvolvedEnergyParty"), "Identification"),
                    text(child(e, "MeteringGridAreaUsedDomainLocation"), "Identification"),
                    address == null ? null : new Address(text(address, "StreetName"), text(address, "BuildingNumber"),
                            text(address, "FloorIdentification"), text(address, "Postcode"), text(address, "CityName")),
                    text(child(e, "MeteringInstallationMeterFacility"), "MeterIdentification"),
                    date(text(e, "LastMeterReadingDate")), date(text(e, "DeliveryObligationDate")),
                    characteristic == null ? null : text(characteristic, "MeteringPointType"),
                    characteristic == null ? null : text(characteristic, "SettlementMethodType"),
                    characteristic == null ? null : text(characteristic, "PhysicalStatusType"),
                    blocked == null ? null : Boolean.valueOf(blocked.strip()),
                    annual == null ? null : new BigDecimal(annual.strip())));
        }
        if (candidates.isEmpty()) {
            throw new LookupRejected("E10", null);
        }
        return new Answer(requestId, variant, candidates);
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(org.w3c.dom.Node parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent instanceof Element element ? element.getElementsByTagNameNS("*", localName)
                : ((Document) parent).getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0) {
            nodes = parent instanceof Element element ? element.getElementsByTagName(localName) : nodes;
        }
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return raw.length() > 10 ? OffsetDateTime.parse(raw).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate() : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void element(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("<abie:").append(name).append('>').append(xml(value)).append("</abie:").append(name).append('>');
        }
    }

    static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A namespace-aware parser that refuses DTDs and external entities. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static String serialise(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
