package no.kraft.cis.elhub.standin;

import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.lookup.WsSecurity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stand-in for EMIF's {@code Query} endpoint, BRS-NO-611 only, over a small world of metering points. It checks the
 * WS-Security signature against the client's registered key (and that it covers the body), the header (document type
 * E10 → else EH011, process BRS-NO-611 → else EH055, role DDQ → else EH013) and the search combination and wildcards
 * (EH015) on its own, matches with wildcard prefixes, and answers 1–99 candidates or an acknowledgement with
 * {@code E10} when nothing matches. It can be told to fail (SOAP fault 500) or to reject the next query with a code.
 */
public final class EmifStandIn {

    /** A metering point in the stand-in's world. */
    public record Point(String meteringPointId, String endUserId, String streetName, String buildingNumber, String postcode, String city,
            String meterNumber, String gridOwnerGln, String gridArea, LocalDate lastMeterReadingDate, LocalDate deliveryObligationDate) {
    }

    /** An HTTP answer. */
    public record Answer(int status, String xml) {
    }

    private final List<Point> world = new CopyOnWriteArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile PublicKey clientKey;
    private volatile String rejectNext;
    private volatile boolean failNext;

    private volatile no.kraft.cis.elhub.emif.EmifSchemas schemas;

    public EmifStandIn(PublicKey clientKey) {
        this.clientKey = clientKey;
    }

    /** Validates each query against Elhub's XSDs too (a schema failure is Elhub's SOAP fault, code group XSD). */
    public void validateWith(no.kraft.cis.elhub.emif.EmifSchemas schemas) {
        this.schemas = schemas;
    }

    public void add(Point point) {
        world.add(point);
    }

    public int queries() {
        return queries.get();
    }

    public void registerClientKey(PublicKey key) {
        this.clientKey = key;
    }

    public void rejectNext(String code) {
        rejectNext = code;
    }

    public void failNext() {
        failNext = true;
    }

    public Answer query(String soapAction, String body) {
        queries.incrementAndGet();
        if (failNext) {
            failNext = false;
            return fault("soapenv:Server", "injected failure");
        }
        Document envelope;
        try {
            envelope = EmifLookup.parse(body);
        } catch (RuntimeException e) {
            return fault("soapenv:Client", "not well-formed");
        }
        if (clientKey == null || !WsSecurity.verify(envelope, clientKey)) {
            return fault("wsse:FailedCheck", "The signature or decryption was invalid");
        }
        no.kraft.cis.elhub.emif.EmifSchemas xsd = schemas;
        Element request = first(envelope, "RequestUpfrontMeteringPointCharacteristics");
        if (xsd != null && request != null) {
            try {
                xsd.validate(request);
            } catch (Exception invalid) {
                return fault("soapenv:Client", "XSD " + String.valueOf(invalid.getMessage()).replace("&", "&amp;").replace("<", "&lt;"));
            }
        }
        if (soapAction == null || !soapAction.contains("RequestUpfrontMeteringPointCharacteristics")) {
            return fault("soapenv:Client", "EH055 unknown SOAPAction");
        }
        String documentType = text(envelope, "DocumentType");
        String process = text(envelope, "EnergyBusinessProcess");
        String role = text(envelope, "EnergyBusinessProcessRole");
        String requestId = text(envelope, "Identification");
        String reject = rejectNext;
        rejectNext = null;
        if (reject == null && !"BRS-NO-611".equals(process)) {
            reject = "EH055";
        } else if (reject == null && !"E10".equals(documentType)) {
            reject = "EH011";
        } else if (reject == null && !List.of("DDQ", "QRY", "AG").contains(role)) {
            reject = "EH013";
        }
        Element payload = first(envelope, "PayloadMPEvent");
        String meteringPoint = payload == null ? null : text(first(payload, "MeteringPointUsedDomainLocation"), "Identification");
        String endUser = payload == null ? null : text(first(payload, "ConsumerInvolvedCustomerParty"), "Identification");
        String street = payload == null ? null : text(payload, "StreetName");
        String building = payload == null ? null : text(payload, "BuildingNumber");
        String postcode = payload == null ? null : text(payload, "Postcode");
        String meter = payload == null ? null : text(payload, "MeterIdentification");
        if (reject == null && !combinationAllowed(meteringPoint, endUser, street, building, postcode, meter)) {
            reject = "EH015";
        }
        if (reject != null) {
            return acknowledgement(requestId, reject);
        }
        List<Point> found = new ArrayList<>();
        for (Point p : world) {
            if (matches(meteringPoint, p.meteringPointId()) && matches(endUser, p.endUserId()) && matches(street, p.streetName())
                    && matches(building, p.buildingNumber()) && matches(postcode, p.postcode()) && matches(meter, p.meterNumber())) {
                found.add(p);
            }
        }
        if (found.isEmpty()) {
            return acknowledgement(requestId, "E10");
        }
        return new Answer(200, response(requestId, found.subList(0, Math.min(99, found.size()))));
    }

    /** Elhub's search combinations and wildcard rules, checked independently of the client's own check. */
    static boolean combinationAllowed(String meteringPoint, String endUser, String street, String building, String postcode, String meter) {
        for (String[] field : new String[][] {{street, "5"}, {building, "1"}, {postcode, "2"}}) {
            String v = field[0];
            if (v != null && v.contains("*") && (v.indexOf('*') != v.length() - 1 || v.length() - 1 < Integer.parseInt(field[1]))) {
                return false;
            }
        }
        for (String exact : new String[] {meteringPoint, endUser, meter}) {
            if (exact != null && exact.contains("*")) {
                return false;
            }
        }
        int address = (street == null ? 0 : 1) + (building == null ? 0 : 1) + (postcode == null ? 0 : 1);
        if (meteringPoint != null) {
            return address == 0 && meter == null;
        }
        if (meter != null) {
            return (endUser != null) != (postcode != null) && street == null && building == null;
        }
        return endUser != null && address >= 2;
    }

    private static boolean matches(String asked, String actual) {
        if (asked == null) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        return asked.endsWith("*") ? actual.toLowerCase().startsWith(asked.substring(0, asked.length() - 1).toLowerCase())
                : actual.equalsIgnoreCase(asked);
    }

    private static String response(String requestId, List<Point> points) {
        StringBuilder events = new StringBuilder();
        for (Point p : points) {
            events.append("<rsm:PayloadMasterDataMPEvent>")
                    .append("<abie:OriginalBusinessDocumentReference>").append(requestId).append("</abie:OriginalBusinessDocumentReference>")
                    .append(p.lastMeterReadingDate() == null ? "" : "<abie:LastMeterReadingDate>" + p.lastMeterReadingDate() + "</abie:LastMeterReadingDate>")
                    .append(p.deliveryObligationDate() == null ? "" : "<abie:DeliveryObligationDate>" + p.deliveryObligationDate() + "</abie:DeliveryObligationDate>")
                    .append("<abie:MeteringPointUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"9\">").append(p.meteringPointId())
                    .append("</abie:Identification></abie:MeteringPointUsedDomainLocation>")
                    .append("<abie:GridAccessProviderInvolvedEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">").append(p.gridOwnerGln())
                    .append("</abie:Identification></abie:GridAccessProviderInvolvedEnergyParty>")
                    .append("<abie:MPAddressMeteringPointAddress><abie:StreetName>").append(p.streetName()).append("</abie:StreetName>")
                    .append("<abie:BuildingNumber>").append(p.buildingNumber()).append("</abie:BuildingNumber><abie:Postcode>").append(p.postcode())
                    .append("</abie:Postcode><abie:CityName>").append(p.city()).append("</abie:CityName>")
                    .append("<abie:CountryCode listAgencyIdentifier=\"5\">NO</abie:CountryCode></abie:MPAddressMeteringPointAddress>")
                    .append("<abie:MeteringGridAreaUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"305\">").append(p.gridArea())
                    .append("</abie:Identification></abie:MeteringGridAreaUsedDomainLocation>")
                    .append("<abie:MpDetailMeteringPointCharacteristic><abie:MeteringPointType listAgencyIdentifier=\"260\">E17</abie:MeteringPointType>")
                    .append("<abie:SettlementMethodType listAgencyIdentifier=\"260\">E02</abie:SettlementMethodType>")
                    .append("<abie:PhysicalStatusType listAgencyIdentifier=\"260\">E22</abie:PhysicalStatusType>")
                    .append("<abie:BlockedForSwitching>false</abie:BlockedForSwitching></abie:MpDetailMeteringPointCharacteristic>")
                    .append("<abie:MeteringInstallationMeterFacility><abie:MeterIdentification>").append(p.meterNumber())
                    .append("</abie:MeterIdentification></abie:MeteringInstallationMeterFacility>")
                    .append("</rsm:PayloadMasterDataMPEvent>");
        }
        return envelope("<tns:RequestUpfrontMeteringPointCharacteristicsResponse xmlns:tns=\"urn:no:elhub:emif:wsdl:query:v2\">"
                + "<rsm:ResponseUpfrontMeteringPointCharacteristics xmlns:rsm=\"urn:no:elhub:emif:query:ResponseUpfrontMeteringPointCharacteristics:v2\""
                + " xmlns:abie=\"urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\">"
                + "<rsm:Header><abie:DocumentType listAgencyIdentifier=\"260\">E07</abie:DocumentType></rsm:Header>"
                + "<rsm:ProcessEnergyContext><abie:EnergyBusinessProcess listAgencyIdentifier=\"89\">BRS-NO-611</abie:EnergyBusinessProcess></rsm:ProcessEnergyContext>"
                + events + "</rsm:ResponseUpfrontMeteringPointCharacteristics></tns:RequestUpfrontMeteringPointCharacteristicsResponse>");
    }

    private static Answer acknowledgement(String requestId, String code) {
        return new Answer(200, envelope("<tns:RequestUpfrontMeteringPointCharacteristicsResponse xmlns:tns=\"urn:no:elhub:emif:wsdl:query:v2\">"
                + "<ack:Acknowledgement xmlns:ack=\"urn:no:elhub:emif:Acknowledgement:v2\""
                + " xmlns:abie=\"urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\"><ack:PayloadResponseEvent>"
                + "<abie:StatusType listAgencyIdentifier=\"6\">41</abie:StatusType>"
                + "<abie:ResponseReasonType listAgencyIdentifier=\"260\">" + code + "</abie:ResponseReasonType>"
                + "<abie:ReasonText>rejected by the stand-in (" + code + ")</abie:ReasonText>"
                + "<abie:OriginalBusinessDocumentReference>" + requestId + "</abie:OriginalBusinessDocumentReference>"
                + "</ack:PayloadResponseEvent></ack:Acknowledgement></tns:RequestUpfrontMeteringPointCharacteristicsResponse>"));
    }

    private static Answer fault(String code, String text) {
        return new Answer(500, envelope("<soapenv:Fault><faultcode>" + code + "</faultcode><faultstring>" + text
                + "</faultstring></soapenv:Fault>"));
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static Element first(Object parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS("*", localName) : ((Element) parent).getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Object parent, String localName) {
        Element e = first(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }
}
