package no.kraft.cis.elhub.standin;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.kraft.cis.elhub.emif.EmifSchemas;
import no.kraft.cis.elhub.emif.EmifTime;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.lookup.WsSecurity;
import no.kraft.cis.period.NorwegianTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stand-in for EMIF's MarketProcesses service, start of supply: checks our signature and Elhub's XSD, applies the
 * rules Elhub would — a change of supplier or move-in ahead starts today or later (E17); a metering point blocked for
 * switching is refused (E22); another supplier's start of the same point on the same or an earlier date crosses ours,
 * and ours is rejected (E59, Elhub's conflict table) — and answers on the PollMarketProcesses queue: ConfirmStartOfSupply
 * or RejectStartOfSupply, and, once told the cancellation deadline has passed, NotifyStartOfSupply. A cancellation (E02)
 * is taken before that, a rollback (E02, BRS-NO-111) only after it. End of supply (BRS-NO-201/202): the request must
 * come in its send window (every point here is time-metered: by the day before the end, and a termination at the
 * earliest 4 days before), else E17; then ConfirmEndOfSupply. A confirmed end can be cancelled (E02, same BRS) until
 * the cancellation deadline passes, and rolled back (E02, BRS-NO-221) only after it; otherwise E47.
 */
public final class EmifMarketStandIn {

    private record Pending(String requestId, String brs, String meteringPointId, LocalDate start, String endUser, String address) {
    }

    private final EmifPollStandIn polls;
    private final Clock clock;
    private final EmifSchemas schemas;
    private final Map<String, LocalDate> otherSuppliersStarts = new ConcurrentHashMap<>();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> notified = ConcurrentHashMap.newKeySet();
    private final Set<String> endsBeforeDeadline = ConcurrentHashMap.newKeySet();
    private final Set<String> endsPastDeadline = ConcurrentHashMap.newKeySet();
    private final List<String> customerUpdates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile PublicKey clientKey;
    private volatile String ourGln;

    public EmifMarketStandIn(PublicKey clientKey, String ourGln, Clock clock, EmifSchemas schemas, EmifPollStandIn polls) {
        this.clientKey = clientKey;
        this.ourGln = ourGln;
        this.clock = clock;
        this.schemas = schemas;
        this.polls = polls;
    }

    /** Another supplier has asked to start supplying {@code meteringPointId} from {@code start}. */
    public void otherSupplierStarts(String meteringPointId, LocalDate start) {
        otherSuppliersStarts.put(meteringPointId, start);
    }

    public void block(String meteringPointId) {
        blocked.add(meteringPointId);
    }

    /**
     * The cancellation deadline of every confirmed start and end has passed: Elhub notifies the starts (an end is told
     * to the grid company, not to us; from now on it can only be rolled back). Returns how many starts were notified.
     */
    public synchronized int passCancellationDeadlines() {
        endsPastDeadline.addAll(endsBeforeDeadline);
        endsBeforeDeadline.clear();
        int n = pending.size();
        for (Pending p : pending) {
            polls.enqueue(PollQueue.MARKET_PROCESSES, notify(p));
            notified.add(p.requestId());
        }
        pending.clear();
        return n;
    }

    /**
     * Another supplier's switch of {@code meteringPointId} has passed its cancellation deadline: Elhub tells us, the
     * supplier losing it, with NotifyEndOfSupply (BRS-NO-101) ending our supply on {@code day}.
     */
    public void anotherSupplierTakesOver(String meteringPointId, LocalDate day, String endUserNationalId, String givenName,
            String familyName) {
        polls.enqueue(PollQueue.MARKET_PROCESSES, message("NotifyEndOfSupply", "406", "6", "BRS-NO-101", "<rsm:PayloadMPEvent>"
                + "<abie:EndOfOccurrence>" + EmifTime.format(day.atStartOfDay(NorwegianTime.ZONE)) + "</abie:EndOfOccurrence>"
                + meteringPoint(meteringPointId)
                + "<abie:BalanceSupplierInvolvedEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">" + ourGln
                + "</abie:Identification></abie:BalanceSupplierInvolvedEnergyParty>"
                + "<abie:ConsumerInvolvedCustomerParty><abie:Identification schemeAgencyIdentifier=\"Z01\">" + endUserNationalId
                + "</abie:Identification><abie:GivenName>" + givenName + "</abie:GivenName><abie:FamilyName>" + familyName
                + "</abie:FamilyName></abie:ConsumerInvolvedCustomerParty>"
                + "<abie:ConsumerInvolvedCustomerAddress><abie:AddressType>postaladr</abie:AddressType><abie:Postcode>0155</abie:Postcode>"
                + "<abie:CityName>Oslo</abie:CityName><abie:CountryCode listAgencyIdentifier=\"5\">NO</abie:CountryCode>"
                + "</abie:ConsumerInvolvedCustomerAddress></rsm:PayloadMPEvent>"));
    }

    /** The grid company changed a metering point's master data from {@code day}: Elhub notifies its supplier. */
    public void masterDataChanges(String meteringPointId, LocalDate day, String resolution, String streetName, String buildingNumber,
            String postcode, String city, String vatCode) {
        masterDataChanges(meteringPointId, day, resolution, streetName, buildingNumber, postcode, city, vatCode, null, null);
    }

    /** As above, naming the point's grid area (EIC) and NACE division too (each when not null). */
    public void masterDataChanges(String meteringPointId, LocalDate day, String resolution, String streetName, String buildingNumber,
            String postcode, String city, String vatCode, String gridArea, String naceDivision) {
        masterDataChanges(meteringPointId, day, resolution, streetName, buildingNumber, postcode, city, vatCode, gridArea, naceDivision, null);
    }

    /** As above, with the settlement method too ({@code E01} profiled, {@code E02} time-metered; when not null). */
    public void masterDataChanges(String meteringPointId, LocalDate day, String resolution, String streetName, String buildingNumber,
            String postcode, String city, String vatCode, String gridArea, String naceDivision, String settlementMethod) {
        polls.enqueue(PollQueue.MARKET_PROCESSES, "<rsm:NotifyMeteringPointCharacteristics xmlns:rsm=\"urn:no:elhub:emif:masterdata:"
                + "NotifyMeteringPointCharacteristics:v2\" xmlns:abie=\"urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\">"
                + message("X", "21", "6", "BRS-NO-302", "").replaceFirst("^<rsm:X[^>]*>", "").replace("</rsm:X>", "")
                + "<rsm:PayloadMasterdataMPEvent><abie:StartOfOccurrence>" + EmifTime.format(day.atStartOfDay(NorwegianTime.ZONE))
                + "</abie:StartOfOccurrence>" + meteringPoint(meteringPointId)
                + "<abie:MPAddressMeteringPointAddress><abie:StreetName>" + streetName + "</abie:StreetName><abie:BuildingNumber>"
                + buildingNumber + "</abie:BuildingNumber><abie:Postcode>" + postcode + "</abie:Postcode><abie:CityName>" + city
                + "</abie:CityName><abie:CountryCode listAgencyIdentifier=\"5\">NO</abie:CountryCode></abie:MPAddressMeteringPointAddress>"
                + (gridArea == null ? "" : "<abie:MeteringGridAreaUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"305\">"
                        + gridArea + "</abie:Identification></abie:MeteringGridAreaUsedDomainLocation>")
                + "<abie:MpDetailMeteringPointCharacteristic>"
                + (settlementMethod == null ? "" : "<abie:SettlementMethodType listAgencyIdentifier=\"260\">" + settlementMethod
                        + "</abie:SettlementMethodType>")
                + "<abie:MeterReadingOccurrence>" + resolution
                + "</abie:MeterReadingOccurrence></abie:MpDetailMeteringPointCharacteristic>"
                + "<abie:MPTaxationProfile><abie:VATCode>" + vatCode + "</abie:VATCode>"
                + (naceDivision == null ? "" : "<abie:NACE_DivisionCode>" + naceDivision + "</abie:NACE_DivisionCode>")
                + "</abie:MPTaxationProfile>"
                + "</rsm:PayloadMasterdataMPEvent></rsm:NotifyMeteringPointCharacteristics>");
    }

    public EmifPollStandIn.Answer handle(String soapAction, String body) {
        Document envelope;
        try {
            envelope = EmifLookup.parse(body);
        } catch (RuntimeException e) {
            return fault("XSD", "message is not well-formed");
        }
        if (clientKey == null || !WsSecurity.verify(envelope, clientKey)) {
            return fault("Security", "The signature or decryption was invalid");
        }
        String action = soapAction == null ? "" : soapAction.replace("\"", "");
        Element request = first(envelope, action.isEmpty() ? "-" : action);
        if (request == null || !(action.equals("RequestStartOfSupply") || action.equals("RequestEndOfSupply")
                || action.equals("RequestUpdateCustomerInformation"))) {
            return fault("Other", "EH055 only RequestStartOfSupply, RequestEndOfSupply and RequestUpdateCustomerInformation are served "
                    + "by this stand-in, not " + action);
        }
        if (schemas != null) {
            try {
                schemas.validate(request);
            } catch (Exception invalid) {
                String text = String.valueOf(invalid.getMessage());
                return fault("XSD", text.length() > 100 ? text.substring(0, 100) : text);
            }
        }
        String requestId = text(request, "Identification");
        String brs = text(request, "EnergyBusinessProcess");
        if (action.equals("RequestUpdateCustomerInformation")) {
            return customerInformation(requestId, first(request, "PayloadMasterDataMPEvent"));
        }
        Element payload = first(request, "PayloadMPEvent");
        String point = text(first(payload, "MeteringPointUsedDomainLocation"), "Identification");
        if (action.equals("RequestEndOfSupply")) {
            return "E02".equals(text(request, "DocumentType")) ? endOfSupplyCancelled(requestId, brs, point, payload)
                    : endOfSupply(requestId, brs, point, payload);
        }
        LocalDate start = OffsetDateTime.parse(text(payload, "StartOfOccurrence")).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
        if ("E02".equals(text(request, "DocumentType")) && brs.equals("BRS-NO-111")) {
            // a rollback: only of a start already notified (after its cancellation deadline)
            String original = text(payload, "OriginalBusinessDocumentReference");
            if (first(payload, "BalanceSupplierInvolvedEnergyParty") != null) {
                polls.enqueue(PollQueue.MARKET_PROCESSES, reject(requestId, brs, point, "EH059"));
            } else {
                polls.enqueue(PollQueue.MARKET_PROCESSES, notified.remove(original) ? confirm(requestId, brs, point, start)
                        : reject(requestId, brs, point, "E47"));
            }
            return empty();
        }
        if ("E02".equals(text(request, "DocumentType"))) {
            // a cancellation: possible while the start waits for its cancellation deadline; after it (notified) or
            // for a request we do not hold, there is no ongoing switch to cancel (E47)
            String original = text(payload, "OriginalBusinessDocumentReference");
            boolean cancelled;
            synchronized (this) {
                cancelled = pending.removeIf(p -> p.requestId().equals(original));
            }
            polls.enqueue(PollQueue.MARKET_PROCESSES, cancelled ? confirm(requestId, brs, point, start) : reject(requestId, brs, point, "E47"));
            return empty();
        }
        LocalDate today = NorwegianTime.today(clock);
        String reason = null;
        if (blocked.contains(point)) {
            reason = "E22";
        } else if (otherSuppliersStarts.containsKey(point) && !otherSuppliersStarts.get(point).isAfter(start)) {
            reason = "E59";
        } else if ((brs.equals("BRS-NO-101") || brs.equals("BRS-NO-102")) && start.isBefore(today)) {
            reason = "E17";
        }
        if (reason != null) {
            polls.enqueue(PollQueue.MARKET_PROCESSES, reject(requestId, brs, point, reason));
        } else {
            synchronized (this) {
                pending.add(new Pending(requestId, brs, point, start, outer(first(payload, "ConsumerInvolvedCustomerParty")),
                        outer(first(payload, "ConsumerInvolvedCustomerAddress"))));
            }
            polls.enqueue(PollQueue.MARKET_PROCESSES, confirm(requestId, brs, point, start));
        }
        return empty();
    }

    /** MarketProcesses answers with an empty body: the business answer comes on the poll queue. */
    private static EmifPollStandIn.Answer empty() {
        return new EmifPollStandIn.Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
                + WsSecurity.SOAP + "\"><soapenv:Body/></soapenv:Envelope>");
    }

    /**
     * BRS-NO-301: the end user's details as the supplier holds them. Elhub's rule (EH031-like): a person (Z01) needs a
     * given or family name, an organisation (82) its name — else refused (status 41, E10); otherwise taken (39).
     */
    private EmifPollStandIn.Answer customerInformation(String requestId, Element payload) {
        Element party = first(payload, "ConsumerInvolvedCustomerParty");
        Element id = first(party, "Identification");
        boolean organisation = id != null && "82".equals(id.getAttribute("schemeAgencyIdentifier"));
        boolean named = organisation ? text(party, "Name") != null && !text(party, "Name").isBlank()
                : (text(party, "GivenName") != null && !text(party, "GivenName").isBlank())
                        || (text(party, "FamilyName") != null && !text(party, "FamilyName").isBlank());
        String point = text(first(payload, "MeteringPointUsedDomainLocation"), "Identification");
        String ack = "<rsm:Acknowledgement xmlns:rsm=\"urn:no:elhub:emif:Acknowledgement:v2\" xmlns:abie=\""
                + "urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\">"
                + message("X", "294", "6", "BRS-NO-301", "").replaceFirst("^<rsm:X[^>]*>", "").replace("</rsm:X>", "")
                + "<rsm:PayloadResponseEvent><abie:StatusType listAgencyIdentifier=\"6\">" + (named ? "39" : "41") + "</abie:StatusType>"
                + (named ? "" : "<abie:ResponseReasonType listAgencyIdentifier=\"260\">E10</abie:ResponseReasonType>")
                + "<abie:OriginalBusinessDocumentReference>" + requestId + "</abie:OriginalBusinessDocumentReference>"
                + "</rsm:PayloadResponseEvent></rsm:Acknowledgement>";
        polls.enqueue(PollQueue.MARKET_PROCESSES, ack);
        customerUpdates.add(point);
        return empty();
    }

    /** The metering points whose end user we were told about (BRS-NO-301), in order. */
    public List<String> customerUpdates() {
        return List.copyOf(customerUpdates);
    }

    private EmifPollStandIn.Answer endOfSupply(String requestId, String brs, String point, Element payload) {
        LocalDate end = OffsetDateTime.parse(text(payload, "EndOfOccurrence")).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
        LocalDate today = NorwegianTime.today(clock);
        boolean inWindow = today.isBefore(end) && (!brs.equals("BRS-NO-202") || !today.isBefore(end.minusDays(4)));
        if (inWindow) {
            endsBeforeDeadline.add(requestId);
        }
        polls.enqueue(PollQueue.MARKET_PROCESSES, inWindow ? confirmEnd(requestId, brs, point, end) : rejectEnd(requestId, brs, point, "E17"));
        return empty();
    }

    /**
     * An end of ours taken back: cancelled (E02, BRS-NO-201/202) while it waits for its cancellation deadline, or rolled
     * back (E02, BRS-NO-221) after it; anything else has no ongoing end to take back (E47).
     */
    private EmifPollStandIn.Answer endOfSupplyCancelled(String requestId, String brs, String point, Element payload) {
        LocalDate end = OffsetDateTime.parse(text(payload, "EndOfOccurrence")).atZoneSameInstant(NorwegianTime.ZONE).toLocalDate();
        String original = text(payload, "OriginalBusinessDocumentReference");
        boolean taken = brs.equals("BRS-NO-221") ? endsPastDeadline.remove(original) : endsBeforeDeadline.remove(original);
        polls.enqueue(PollQueue.MARKET_PROCESSES, taken ? confirmEnd(requestId, brs, point, end) : rejectEnd(requestId, brs, point, "E47"));
        return empty();
    }

    private String confirmEnd(String requestId, String brs, String point, LocalDate end) {
        return message("ConfirmEndOfSupply", "406", "6", brs, "<rsm:PayloadResponseEvent><abie:EndOfOccurrence>"
                + EmifTime.format(end.atStartOfDay(NorwegianTime.ZONE)) + "</abie:EndOfOccurrence><abie:OriginalBusinessDocumentReference>"
                + requestId + "</abie:OriginalBusinessDocumentReference>" + meteringPoint(point) + "</rsm:PayloadResponseEvent>");
    }

    private String rejectEnd(String requestId, String brs, String point, String reason) {
        return message("RejectEndOfSupply", "406", "6", brs, "<rsm:PayloadResponseEvent><abie:OriginalBusinessDocumentReference>"
                + requestId + "</abie:OriginalBusinessDocumentReference><abie:ResponseReasonType listAgencyIdentifier=\"260\">" + reason
                + "</abie:ResponseReasonType>" + meteringPoint(point) + "</rsm:PayloadResponseEvent>");
    }

    public void registerClientKey(PublicKey key, String gln) {
        this.clientKey = key;
        this.ourGln = gln;
    }

    private String confirm(String requestId, String brs, String point, LocalDate start) {
        return message("ConfirmStartOfSupply", "414", "6", brs, "<rsm:PayloadResponseEvent><abie:StartOfOccurrence>"
                + EmifTime.format(start.atStartOfDay(NorwegianTime.ZONE)) + "</abie:StartOfOccurrence>"
                + "<abie:OriginalBusinessDocumentReference>" + requestId + "</abie:OriginalBusinessDocumentReference>"
                + meteringPoint(point) + "</rsm:PayloadResponseEvent>");
    }

    private String reject(String requestId, String brs, String point, String reason) {
        return message("RejectStartOfSupply", "414", "6", brs, "<rsm:PayloadResponseEvent>"
                + "<abie:OriginalBusinessDocumentReference>" + requestId + "</abie:OriginalBusinessDocumentReference>"
                + "<abie:ResponseReasonType listAgencyIdentifier=\"" + (reason.startsWith("EH") ? "89" : "260") + "\">" + reason
                + "</abie:ResponseReasonType>" + meteringPoint(point) + "</rsm:PayloadResponseEvent>");
    }

    private String notify(Pending p) {
        return message("NotifyStartOfSupply", "414", "6", p.brs(), "<rsm:PayloadMPEvent><abie:StartOfOccurrence>"
                + EmifTime.format(p.start().atStartOfDay(NorwegianTime.ZONE)) + "</abie:StartOfOccurrence>" + meteringPoint(p.meteringPointId())
                + "<abie:MeteringGridAreaUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"305\">50Y0000000000001"
                + "</abie:Identification></abie:MeteringGridAreaUsedDomainLocation>"
                + "<abie:BalanceSupplierInvolvedEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">" + ourGln
                + "</abie:Identification></abie:BalanceSupplierInvolvedEnergyParty>" + p.endUser() + p.address() + "</rsm:PayloadMPEvent>");
    }

    private static String meteringPoint(String point) {
        return "<abie:MeteringPointUsedDomainLocation><abie:Identification schemeAgencyIdentifier=\"9\">" + point
                + "</abie:Identification></abie:MeteringPointUsedDomainLocation>";
    }

    private String message(String root, String documentType, String agency, String brs, String payload) {
        return "<rsm:" + root + " xmlns:rsm=\"urn:no:elhub:emif:market:" + root + ":v2\" xmlns:abie=\""
                + "urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\"><rsm:Header><abie:Identification>" + UUID.randomUUID()
                + "</abie:Identification><abie:DocumentType listAgencyIdentifier=\"" + agency + "\">" + documentType + "</abie:DocumentType>"
                + "<abie:Creation>" + EmifTime.format(clock.instant()) + "</abie:Creation>"
                + party("PhysicalSenderEnergyParty", EmifPollStandIn.ELHUB_GLN) + party("JuridicalSenderEnergyParty", EmifPollStandIn.ELHUB_GLN)
                + party("JuridicalRecipientEnergyParty", ourGln) + "</rsm:Header><rsm:ProcessEnergyContext>"
                + "<abie:EnergyBusinessProcess listAgencyIdentifier=\"89\">" + brs + "</abie:EnergyBusinessProcess>"
                + "<abie:EnergyBusinessProcessRole listAgencyIdentifier=\"6\">DDQ</abie:EnergyBusinessProcessRole>"
                + "<abie:EnergyIndustryClassification>23</abie:EnergyIndustryClassification></rsm:ProcessEnergyContext>"
                + payload + "</rsm:" + root + ">";
    }

    private static String party(String element, String gln) {
        return "<abie:" + element + "><abie:Identification schemeAgencyIdentifier=\"9\">" + gln + "</abie:Identification></abie:" + element + ">";
    }

    /** An element of the request as XML with the {@code abie} prefix, to hand back in the notification. */
    private static String outer(Element e) {
        if (e == null) {
            return "";
        }
        String xml = EmifLookup.serialise(EmifSchemas.alone(e)).replaceFirst("^<\\?xml[^>]*\\?>", "");
        // the copy declares its namespace on itself; the notification declares abie on its root already
        return xml.replace(" xmlns:abie=\"urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\"", "");
    }

    private EmifPollStandIn.Answer fault(String codeGroup, String description) {
        String d = description.replace("&", "&amp;").replace("<", "&lt;");
        return new EmifPollStandIn.Answer(500, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
                + WsSecurity.SOAP + "\"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>" + d
                + "</faultstring><detail><cmn:ElhubSOAPFault xmlns:cmn=\"urn:no:elhub:emif:wsdl:common:v2\"><cmn:CodeGroup>" + codeGroup
                + "</cmn:CodeGroup><cmn:Description>" + d + "</cmn:Description></cmn:ElhubSOAPFault></detail></soapenv:Fault>"
                + "</soapenv:Body></soapenv:Envelope>");
    }

    private static Element first(Object parent, String localName) {
        if (parent == null) {
            return null;
        }
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Object parent, String localName) {
        Element e = first(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }
}
