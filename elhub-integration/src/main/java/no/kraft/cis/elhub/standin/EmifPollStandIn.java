package no.kraft.cis.elhub.standin;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.kraft.cis.elhub.emif.EmifSchemas;
import no.kraft.cis.elhub.inbound.PollQueue;
import no.kraft.cis.elhub.lookup.EmifLookup;
import no.kraft.cis.elhub.lookup.WsSecurity;
import no.kraft.cis.period.NorwegianTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A stand-in for EMIF's two poll services, behaving as Elhub does: it checks the WS-Security signature and the message
 * against Elhub's XSDs (when they are on this machine), serves the waiting messages in batches with an outer
 * Identification, serves the same batch again until it is acknowledged (status 39, that Identification), answers a
 * wrong reference with HTTP 200 and changes nothing (as Elhub does), and refuses a negative acknowledgement. It can be
 * told to produce meter values ({@code NotifyValidatedDataForBillingEnergy}) and to fail: down, or lose the next
 * acknowledgement.
 */
public final class EmifPollStandIn {

    public static final String ELHUB_GLN = "7080003824349";

    /** An HTTP answer. */
    public record Answer(int status, String xml) {
    }

    private record Batch(UUID id, List<String> messages) {
    }

    private final Map<PollQueue, Deque<java.util.function.Supplier<String>>> waiting = new EnumMap<>(PollQueue.class);
    private final Map<PollQueue, Batch> outstanding = new EnumMap<>(PollQueue.class);
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger acknowledgements = new AtomicInteger();
    private final Clock clock;
    private final EmifSchemas schemas;
    private final int batchSize;
    private volatile PublicKey clientKey;
    private volatile String recipientGln;
    private volatile boolean down;
    private volatile boolean loseNextAcknowledgement;

    /**
     * @param schemas Elhub's XSDs to validate what comes in, or {@code null} to check the signature only
     * @param batchSize at most this many messages per batch
     */
    public EmifPollStandIn(PublicKey clientKey, String recipientGln, Clock clock, EmifSchemas schemas, int batchSize) {
        this.clientKey = clientKey;
        this.recipientGln = recipientGln;
        this.clock = clock;
        this.schemas = schemas;
        this.batchSize = batchSize;
        for (PollQueue q : PollQueue.values()) {
            waiting.put(q, new ArrayDeque<>());
        }
    }

    public synchronized void enqueue(PollQueue queue, String message) {
        String body = message.replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
        waiting.get(queue).add(() -> body);
    }

    /**
     * Queues {@code count} messages made only when they are served (a benchmark's month of values for thousands of
     * metering points would not fit in memory made up front).
     */
    public synchronized void enqueueGenerated(PollQueue queue, int count, java.util.function.IntFunction<String> message) {
        for (int i = 0; i < count; i++) {
            int n = i;
            waiting.get(queue).add(() -> message.apply(n));
        }
    }

    /** Messages waiting (not yet in a batch) and in the batch served but not acknowledged. */
    public synchronized int pending(PollQueue queue) {
        Batch b = outstanding.get(queue);
        return waiting.get(queue).size() + (b == null ? 0 : b.messages().size());
    }

    /** Serves the last acknowledged batch once more under the same Identification (a duplicate delivery). */
    private final Map<PollQueue, Batch> lastAcknowledged = new EnumMap<>(PollQueue.class);

    public synchronized void repeatLastBatch(PollQueue queue) {
        Batch last = lastAcknowledged.get(queue);
        if (last != null && outstanding.get(queue) == null) {
            outstanding.put(queue, last);
        }
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void loseNextAcknowledgement() {
        loseNextAcknowledgement = true;
    }

    public int polls() {
        return polls.get();
    }

    public int acknowledgements() {
        return acknowledgements.get();
    }

    public void registerClientKey(PublicKey key, String gln) {
        this.clientKey = key;
        this.recipientGln = gln;
    }

    /**
     * Produces BRS-NO-313 meter values for a metering point: one message, one series per Norwegian day in
     * {@code [from, to)}, every interval {@code wh} Wh Metered, registered now.
     */
    public void produceMeterValues(String meteringPointId, LocalDate from, LocalDate to, int resolutionMinutes, int wh) {
        StringBuilder series = new StringBuilder();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            int[] values = new int[NorwegianTime.intervals(day, resolutionMinutes)];
            java.util.Arrays.fill(values, wh);
            series.append(series(meteringPointId, day.atStartOfDay(NorwegianTime.ZONE), resolutionMinutes, values, clock.instant()));
        }
        enqueue(PollQueue.METERING_VALUES, meterValues(series.toString()));
    }

    /** A NotifyValidatedDataForBillingEnergy around the given series (as {@link #series} makes them). */
    public String meterValues(String series) {
        return "<rsm:NotifyValidatedDataForBillingEnergy xmlns:rsm=\"urn:no:elhub:emif:metering:NotifyValidatedDataForBillingEnergy:v2\""
                + " xmlns:abie=\"urn:no:elhub:emif:common:AggregatedBusinessInformationEntities:v2\">"
                + header(UUID.randomUUID().toString(), "E66", "260")
                + "<rsm:ProcessEnergyContext><abie:EnergyBusinessProcess listAgencyIdentifier=\"89\">BRS-NO-313</abie:EnergyBusinessProcess>"
                + "<abie:EnergyBusinessProcessRole listAgencyIdentifier=\"6\">DDQ</abie:EnergyBusinessProcessRole>"
                + "<abie:EnergyIndustryClassification>23</abie:EnergyIndustryClassification></rsm:ProcessEnergyContext>"
                + series + "</rsm:NotifyValidatedDataForBillingEnergy>";
    }

    /** One PayloadEnergyTimeSeries of Metered values (Wh → kWh with three decimals) from {@code start}. */
    public static String series(String meteringPointId, ZonedDateTime start, int resolutionMinutes, int[] wh, Instant registered) {
        ZonedDateTime end = start.plusMinutes((long) resolutionMinutes * wh.length);
        StringBuilder s = new StringBuilder(200 + wh.length * 80);
        s.append("<rsm:PayloadEnergyTimeSeries><abie:Identification>").append(UUID.randomUUID()).append("</abie:Identification>")
                .append("<abie:RegistrationDateTime>").append(no.kraft.cis.elhub.emif.EmifTime.format(registered))
                .append("</abie:RegistrationDateTime><abie:ObservationPeriodTimeSeriesPeriod><abie:ResolutionDuration>")
                .append(resolutionMinutes == 15 ? "PT15M" : "PT1H").append("</abie:ResolutionDuration><abie:Start>")
                .append(no.kraft.cis.elhub.emif.EmifTime.format(start)).append("</abie:Start><abie:End>").append(no.kraft.cis.elhub.emif.EmifTime.format(end))
                .append("</abie:End></abie:ObservationPeriodTimeSeriesPeriod>")
                .append("<abie:ProductIncludedProductCharacteristics><abie:Identification schemeAgencyIdentifier=\"9\">8716867000030")
                .append("</abie:Identification><abie:UnitType>kWh</abie:UnitType></abie:ProductIncludedProductCharacteristics>")
                .append("<abie:MPDetailMeasurementMeteringPointCharacteristic><abie:Direction>Out</abie:Direction>")
                .append("</abie:MPDetailMeasurementMeteringPointCharacteristic><abie:MeteringPointUsedDomainLocation>")
                .append("<abie:Identification schemeAgencyIdentifier=\"9\">").append(meteringPointId)
                .append("</abie:Identification></abie:MeteringPointUsedDomainLocation>");
        for (int i = 0; i < wh.length; i++) {
            s.append("<abie:Observation Sequence=\"").append(i + 1).append("\"><abie:Metered>").append(wh[i] / 1000).append('.')
                    .append(String.format("%03d", Math.abs(wh[i] % 1000))).append("</abie:Metered></abie:Observation>");
        }
        return s.append("</rsm:PayloadEnergyTimeSeries>").toString();
    }

    /**
     * One PayloadEnergyTimeSeries of a profiled metering point (BRS-NO-312): the period [start, end) with its meter
     * readings and one {@code ProfiledObservation} — {@code status} {@code Metered}, {@code Estimated}, {@code Stipulated}
     * with {@code kwh} (and for Metered and Stipulated the meter-read reason {@code 1}), or {@code Withdrawn}.
     */
    public static String profiledSeries(String meteringPointId, ZonedDateTime start, ZonedDateTime end, String status, String kwh,
            String readingStart, String readingEnd, Instant registered) {
        String value = switch (status) {
            case "Withdrawn" -> "<abie:Withdrawn>true</abie:Withdrawn>";
            case "Estimated" -> "<abie:Estimated>" + kwh + "</abie:Estimated>";
            default -> "<abie:" + status + " MeterReadReasonCode=\"1\">" + kwh + "</abie:" + status + ">";
        };
        return "<rsm:PayloadEnergyTimeSeries><abie:Identification>" + UUID.randomUUID() + "</abie:Identification>"
                + "<abie:RegistrationDateTime>" + no.kraft.cis.elhub.emif.EmifTime.format(registered) + "</abie:RegistrationDateTime>"
                + "<abie:ObservationPeriodTimeSeriesPeriod><abie:Start>" + no.kraft.cis.elhub.emif.EmifTime.format(start) + "</abie:Start>"
                + (readingStart == null ? "" : "<abie:MeterReadingStart>" + readingStart + "</abie:MeterReadingStart>")
                + "<abie:End>" + no.kraft.cis.elhub.emif.EmifTime.format(end) + "</abie:End>"
                + (readingEnd == null ? "" : "<abie:MeterReadingEnd>" + readingEnd + "</abie:MeterReadingEnd>")
                + "</abie:ObservationPeriodTimeSeriesPeriod>"
                + "<abie:ProductIncludedProductCharacteristics><abie:Identification schemeAgencyIdentifier=\"9\">8716867000030"
                + "</abie:Identification><abie:UnitType>kWh</abie:UnitType></abie:ProductIncludedProductCharacteristics>"
                + "<abie:MPDetailMeasurementMeteringPointCharacteristic><abie:Direction>Out</abie:Direction>"
                + "</abie:MPDetailMeasurementMeteringPointCharacteristic><abie:MeteringPointUsedDomainLocation>"
                + "<abie:Identification schemeAgencyIdentifier=\"9\">" + meteringPointId
                + "</abie:Identification></abie:MeteringPointUsedDomainLocation><abie:ProfiledObservation>" + value
                + "</abie:ProfiledObservation></rsm:PayloadEnergyTimeSeries>";
    }

    private String header(String id, String documentType, String agency) {
        return "<rsm:Header><abie:Identification>" + id + "</abie:Identification><abie:DocumentType listAgencyIdentifier=\"" + agency
                + "\">" + documentType + "</abie:DocumentType><abie:Creation>"
                + no.kraft.cis.elhub.emif.EmifTime.format(clock.instant()) + "</abie:Creation>"
                + "<abie:PhysicalSenderEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">" + ELHUB_GLN
                + "</abie:Identification></abie:PhysicalSenderEnergyParty><abie:JuridicalSenderEnergyParty>"
                + "<abie:Identification schemeAgencyIdentifier=\"9\">" + ELHUB_GLN + "</abie:Identification></abie:JuridicalSenderEnergyParty>"
                + "<abie:JuridicalRecipientEnergyParty><abie:Identification schemeAgencyIdentifier=\"9\">" + recipientGln
                + "</abie:Identification></abie:JuridicalRecipientEnergyParty></rsm:Header>";
    }

    /** One call to {@code /elhub/emif/Poll…}. */
    public Answer handle(PollQueue queue, String soapAction, String body) {
        if (down) {
            return new Answer(503, "<html><body>503 Service Unavailable</body></html>");
        }
        Document envelope;
        try {
            envelope = EmifLookup.parse(body);
        } catch (RuntimeException e) {
            return fault("XSD", "message is not well-formed");
        }
        if (clientKey == null || !WsSecurity.verify(envelope, clientKey)) {
            return fault("Security", "The signature or decryption was invalid");
        }
        Element wrapper = firstChild(first(envelope, "Body"));
        Element message = wrapper == null ? null : firstChild(wrapper);
        if (message == null || !queue.wsdlNamespace().equals(wrapper.getNamespaceURI())) {
            return fault("XSD", "not a request of " + queue.service());
        }
        if (schemas != null) {
            try {
                schemas.validate(message);
            } catch (Exception invalid) {
                return fault("XSD", clip(invalid.getMessage()));
            }
        }
        String action = soapAction == null ? "" : soapAction.replace("\"", "");
        if (action.equals("PollForData") && wrapper.getLocalName().equals("PollForDataRequest")) {
            if (!"POLL".equals(text(message, "EnergyBusinessProcess"))) {
                return fault("Other", "EH055 PollForData is process POLL");
            }
            polls.incrementAndGet();
            return new Answer(200, serve(queue));
        }
        if (action.equals("AcknowledgePoll") && wrapper.getLocalName().equals("AcknowledgePollRequest")) {
            if (!"39".equals(text(message, "StatusType"))) {
                return fault("Other", "a negative acknowledgement of a poll is not allowed");
            }
            if (loseNextAcknowledgement) {
                loseNextAcknowledgement = false;
                return new Answer(503, "<html><body>503 Service Unavailable</body></html>");
            }
            acknowledgements.incrementAndGet();
            acknowledge(queue, text(message, "OriginalBusinessDocumentReference"));
            return new Answer(200, envelope("<tns:AcknowledgePollResponse xmlns:tns=\"" + queue.wsdlNamespace() + "\"/>"));
        }
        return fault("Other", "EH055 unknown SOAPAction " + action);
    }

    private synchronized String serve(PollQueue queue) {
        Batch batch = outstanding.get(queue);
        if (batch == null) {
            List<String> messages = new ArrayList<>();
            while (messages.size() < batchSize && !waiting.get(queue).isEmpty()) {
                messages.add(waiting.get(queue).poll().get());
            }
            if (messages.isEmpty()) {
                return envelope("<tns:PollForDataResponse xmlns:tns=\"" + queue.wsdlNamespace()
                        + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>");
            }
            batch = new Batch(UUID.randomUUID(), messages);
            outstanding.put(queue, batch);
        }
        StringBuilder body = new StringBuilder(batch.messages().stream().mapToInt(String::length).sum() + 400);
        body.append("<tns:PollForDataResponse xmlns:tns=\"").append(queue.wsdlNamespace()).append("\"><tns:Identification>")
                .append(batch.id()).append("</tns:Identification><tns:ResultDataSet>");
        batch.messages().forEach(body::append);
        body.append("</tns:ResultDataSet></tns:PollForDataResponse>");
        return envelope(body.toString());
    }

    private synchronized void acknowledge(PollQueue queue, String reference) {
        Batch batch = outstanding.get(queue);
        if (batch != null && batch.id().toString().equals(reference)) {
            outstanding.remove(queue);
            lastAcknowledged.put(queue, batch);
        }
        // a wrong reference: HTTP 200 all the same, and the batch stays (Elhub's behaviour, per its SDK's warning)
    }

    private static String clip(String text) {
        return text == null ? "invalid" : text.length() > 100 ? text.substring(0, 100) : text;
    }

    private Answer fault(String codeGroup, String description) {
        return new Answer(500, envelope("<soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>" + xml(description)
                + "</faultstring><detail><cmn:ElhubSOAPFault xmlns:cmn=\"urn:no:elhub:emif:wsdl:common:v2\"><cmn:CodeGroup>" + codeGroup
                + "</cmn:CodeGroup><cmn:Description>" + xml(description) + "</cmn:Description><cmn:ExceptionDateTime>"
                + no.kraft.cis.elhub.emif.EmifTime.format(clock.instant()) + "</cmn:ExceptionDateTime>"
                + "</cmn:ElhubSOAPFault></detail></soapenv:Fault>"));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static Element first(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static Element firstChild(Element parent) {
        if (parent == null) {
            return null;
        }
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

}
