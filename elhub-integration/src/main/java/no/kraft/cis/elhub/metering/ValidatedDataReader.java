package no.kraft.cis.elhub.metering;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.metervalue.Estimate;

/**
 * Reads Elhub's {@code NotifyValidatedDataForBillingEnergy} (BIM 2.3, namespace
 * {@value #NAMESPACE}) with a streaming parser: one pass, no tree, values parsed from their text straight into Wh
 * (three decimals at most, as Elhub sends them). Checks what the schema cannot: the period is whole intervals of its
 * resolution, the observations are numbered 1…n with n the number of intervals, and every value has a quality.
 */
public final class ValidatedDataReader {

    public static final String NAMESPACE = "urn:no:elhub:emif:metering:NotifyValidatedDataForBillingEnergy:v2";
    public static final String ROOT = "NotifyValidatedDataForBillingEnergy";

    private static final XMLInputFactory FACTORY = factory();

    private ValidatedDataReader() {
    }

    /**
     * Aalto (FasterXML's StAX parser: about 1.5–2× Woodstox and 3–4× the JDK's own on Elhub's meter values), reading no
     * DTD and resolving no external entity. Named here; the other XML readers (spot prices, bank files) ask for the JDK's
     * own with {@code newDefaultFactory()}, so Aalto on the classpath changes nothing for them.
     */
    public static XMLInputFactory factory() {
        XMLInputFactory factory = new com.fasterxml.aalto.stax.InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** A message on its own (a file, an example). */
    public static ValidatedData read(InputStream xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(xml);
            try {
                while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // to the root
                }
                return read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidMessage("message.xml", "not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * Reads the message whose root start tag the reader is on (inside a poll batch, say) and leaves the reader on its
     * end tag.
     */
    public static ValidatedData read(XMLStreamReader r) throws XMLStreamException {
        return read(r, id -> false);
    }

    /**
     * As {@link #read(XMLStreamReader)}, but a message whose header Identification {@code seen} knows is skipped
     * unread after its header (a message applied before, in a batch served again): then {@code null}.
     */
    public static ValidatedData read(XMLStreamReader r, java.util.function.Predicate<String> seen) throws XMLStreamException {
        if (!ROOT.equals(r.getLocalName()) || !NAMESPACE.equals(r.getNamespaceURI())) {
            throw new InvalidMessage("message.root", "not a " + ROOT + " but " + r.getName());
        }
        String id = null;
        String type = null;
        Instant created = null;
        String sender = null;
        String recipient = null;
        String process = null;
        List<ValidatedData.Series> series = new ArrayList<>();
        String party = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (r.getLocalName()) {
                case "JuridicalSenderEnergyParty", "JuridicalRecipientEnergyParty", "PhysicalSenderEnergyParty" -> party = r.getLocalName();
                case "Identification" -> {
                    String text = r.getElementText().strip();
                    depth--;
                    if (party == null) {
                        id = text;
                        if (seen.test(id)) {
                            skipRest(r, depth);
                            return null;
                        }
                    } else if (party.equals("JuridicalSenderEnergyParty")) {
                        sender = text;
                    } else if (party.equals("JuridicalRecipientEnergyParty")) {
                        recipient = text;
                    }
                    party = null;
                }
                case "DocumentType" -> {
                    type = r.getElementText().strip();
                    depth--;
                }
                case "Creation" -> {
                    created = instant("Creation", r.getElementText());
                    depth--;
                }
                case "EnergyBusinessProcess" -> {
                    process = r.getElementText().strip();
                    depth--;
                }
                case "PayloadEnergyTimeSeries" -> {
                    series.add(series(r, series.size() + 1));
                    depth--;
                }
                default -> {
                    // other header and context elements: not needed
                }
            }
        }
        if (id == null || !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new InvalidMessage("message.identification", "the header's Identification is not a lowercase UUID: " + id);
        }
        return new ValidatedData(id, type, created, sender, recipient, process, List.copyOf(series));
    }

    private static ValidatedData.Series series(XMLStreamReader r, int number) throws XMLStreamException {
        String id = null;
        Instant registered = null;
        String requestReference = null;
        String resolution = null;
        Instant start = null;
        Instant end = null;
        String product = null;
        String unit = null;
        String direction = null;
        String point = null;
        ValidatedData.Profiled profiled = null;
        java.math.BigDecimal readingStart = null;
        java.math.BigDecimal readingEnd = null;
        int[] wh = new int[100];
        char[] qualities = new char[100];
        Estimate[] estimates = new Estimate[100];
        int count = 0;
        char[] scratch = new char[32];
        String within = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    within = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            if (depth == 2) {
                within = name;
            }
            switch (name) {
                case "Observation" -> {
                    String sequence = r.getAttributeValue(null, "Sequence");
                    if (count == wh.length) {
                        wh = Arrays.copyOf(wh, count * 2);
                        qualities = Arrays.copyOf(qualities, count * 2);
                        estimates = Arrays.copyOf(estimates, count * 2);
                    }
                    if (sequence == null || parseSequence(sequence) != count + 1) {
                        throw new InvalidMessage("observation.sequence", "series " + number + ": observation " + (count + 1)
                                + " has Sequence " + sequence + " (they are numbered 1, 2, … in order)");
                    }
                    // the one child: its name is the quality
                    int child;
                    do {
                        child = r.next();
                    } while (child != XMLStreamConstants.START_ELEMENT && child != XMLStreamConstants.END_ELEMENT);
                    if (child == XMLStreamConstants.END_ELEMENT) {
                        throw new InvalidMessage("observation.value", "series " + number + ": observation " + (count + 1) + " has no value");
                    }
                    char quality = switch (r.getLocalName()) {
                        case "Metered" -> 'M';
                        case "Estimated" -> 'E';
                        case "Temporary" -> 'T';
                        case "Calculated" -> 'C';
                        default -> throw new InvalidMessage("observation.quality", "series " + number + ": observation " + (count + 1)
                                + " is " + r.getLocalName() + " (Metered, Estimated, Temporary or Calculated)");
                    };
                    Estimate estimate = null;
                    if (quality == 'E' || quality == 'T') {
                        try {
                            estimate = new Estimate(r.getAttributeValue(null, "Quality"), r.getAttributeValue(null, "ValidationCode"),
                                    r.getAttributeValue(null, "EstimationCode"));
                        } catch (IllegalArgumentException e) {
                            throw new InvalidMessage("observation.estimate", "series " + number + ": observation " + (count + 1) + ": "
                                    + e.getMessage());
                        }
                    }
                    wh[count] = elementWh(r, scratch, number, count + 1);
                    qualities[count] = quality;
                    estimates[count] = estimate;
                    count++;
                    // the Observation's end tag
                    do {
                        child = r.next();
                    } while (child != XMLStreamConstants.END_ELEMENT);
                    depth--;
                }
                case "ProfiledObservation" -> {
                    profiled = profiled(r, number);
                    depth--;
                }
                case "MeterReadingStart" -> {
                    readingStart = kwh(r.getElementText(), "series " + number + ": MeterReadingStart");
                    depth--;
                }
                case "MeterReadingEnd" -> {
                    readingEnd = kwh(r.getElementText(), "series " + number + ": MeterReadingEnd");
                    depth--;
                }
                case "Identification" -> {
                    String text = r.getElementText().strip();
                    depth--;
                    switch (within) {
                        case "Identification" -> id = text;
                        case "ProductIncludedProductCharacteristics" -> product = text;
                        case "MeteringPointUsedDomainLocation" -> point = text;
                        default -> {
                            // grid area, balance responsible, supplier: not needed
                        }
                    }
                }
                case "RegistrationDateTime" -> {
                    registered = instant("RegistrationDateTime", r.getElementText());
                    depth--;
                }
                case "RequestReference" -> {
                    requestReference = r.getElementText().strip();
                    depth--;
                }
                case "ResolutionDuration" -> {
                    resolution = r.getElementText().strip();
                    depth--;
                }
                case "Start" -> {
                    if ("ObservationPeriodTimeSeriesPeriod".equals(within)) {
                        start = instant("Start", r.getElementText());
                        depth--;
                    }
                }
                case "End" -> {
                    if ("ObservationPeriodTimeSeriesPeriod".equals(within)) {
                        end = instant("End", r.getElementText());
                        depth--;
                    }
                }
                case "UnitType" -> {
                    unit = r.getElementText().strip();
                    depth--;
                }
                case "Direction" -> {
                    direction = r.getElementText().strip();
                    depth--;
                }
                default -> {
                    // InsertDateTime, BusinessType: not needed
                }
            }
        }
        String where = "series " + number + (point == null ? "" : " (" + point + ")");
        if (registered == null || start == null || end == null || point == null) {
            throw new InvalidMessage("series.incomplete", where + " lacks its RegistrationDateTime, period or metering point");
        }
        int minutes = switch (resolution == null ? "" : resolution) {
            case "PT15M" -> 15;
            case "PT1H", "PT60M" -> 60;
            default -> profiled != null ? 0 : refuse("series.resolution", where + " has resolution " + resolution + " (PT15M or PT1H)");
        };
        if (profiled != null) {
            if (!end.isAfter(start)) {
                throw new InvalidMessage("series.period", where + ": " + start + "–" + end + " is not a period");
            }
            profiled = new ValidatedData.Profiled(profiled.status(), profiled.kwh(), profiled.readReason(), readingStart, readingEnd);
        } else {
            Duration length = Duration.between(start, end);
            if (!end.isAfter(start) || length.toSeconds() % (minutes * 60L) != 0) {
                throw new InvalidMessage("series.period", where + ": " + start + "–" + end + " is not whole intervals of " + minutes
                        + " minutes");
            }
            long intervals = length.toMinutes() / minutes;
            if (intervals != count) {
                throw new InvalidMessage("observation.count", where + " has " + count + " observations for " + intervals + " intervals");
            }
        }
        return new ValidatedData.Series(number, id, registered, requestReference, minutes, start, end, product, unit, direction, point,
                Arrays.copyOf(wh, count), Arrays.copyOf(qualities, count), Arrays.copyOf(estimates, count), profiled);
    }

    /** The {@code ProfiledObservation}'s one child, the reader on its start tag; leaves it on the end tag. */
    private static ValidatedData.Profiled profiled(XMLStreamReader r, int number) throws XMLStreamException {
        int child;
        do {
            child = r.next();
        } while (child != XMLStreamConstants.START_ELEMENT && child != XMLStreamConstants.END_ELEMENT);
        if (child == XMLStreamConstants.END_ELEMENT) {
            throw new InvalidMessage("observation.value", "series " + number + ": the profiled observation has no value");
        }
        String status = r.getLocalName();
        if (!List.of("Metered", "Estimated", "Stipulated", "Withdrawn").contains(status)) {
            throw new InvalidMessage("observation.quality", "series " + number + ": the profiled observation is " + status
                    + " (Metered, Estimated, Stipulated or Withdrawn)");
        }
        String reason = r.getAttributeValue(null, "MeterReadReasonCode");
        String text = r.getElementText().strip();
        java.math.BigDecimal kwh = "Withdrawn".equals(status) ? null : kwh(text, "series " + number + ": the profiled volume");
        if ("Withdrawn".equals(status) && !"true".equals(text)) {
            throw new InvalidMessage("observation.value", "series " + number + ": Withdrawn is " + text + " (only true)");
        }
        do {
            child = r.next();
        } while (child != XMLStreamConstants.END_ELEMENT);
        return new ValidatedData.Profiled(status, kwh, reason, null, null);
    }

    /** kWh with at most three decimals. */
    private static java.math.BigDecimal kwh(String text, String what) {
        try {
            java.math.BigDecimal v = new java.math.BigDecimal(text.strip());
            if (v.scale() > 3) {
                throw new InvalidMessage("observation.decimals", what + " has more than three decimals: " + text.strip());
            }
            return v.setScale(3);
        } catch (NumberFormatException e) {
            throw new InvalidMessage("observation.value", what + " is not a number: " + text.strip());
        }
    }

    private static int refuse(String rule, String message) {
        throw new InvalidMessage(rule, message);
    }

    /** To the end tag of the element {@code depth} levels up from where the reader is. */
    private static void skipRest(XMLStreamReader r, int depth) throws XMLStreamException {
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int parseSequence(String text) {
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || i > 6) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return text.isEmpty() ? -1 : value;
    }

    /**
     * The value element's text as Wh, without a string per value (they were a sixth of the parse): the text is copied
     * from the parser's buffer into {@code scratch} (the buffer is the parser's own, reused by the next event) and
     * parsed from there when the end tag follows at once. Text in several pieces (a comment or character reference
     * inside the value) is put together first; an element inside the value is refused, as
     * {@link XMLStreamReader#getElementText()} refuses it.
     */
    private static int elementWh(XMLStreamReader r, char[] scratch, int series, int observation) throws XMLStreamException {
        int length = -1;
        StringBuilder pieces = null;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    int n = r.getTextLength();
                    if (length < 0 && pieces == null && n <= scratch.length) {
                        System.arraycopy(r.getTextCharacters(), r.getTextStart(), scratch, 0, n);
                        length = n;
                    } else {
                        if (pieces == null) {
                            pieces = new StringBuilder();
                            if (length > 0) {
                                pieces.append(scratch, 0, length);
                            }
                        }
                        pieces.append(r.getTextCharacters(), r.getTextStart(), n);
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as getElementText skips them
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (pieces != null) {
                        return wh(pieces.toString(), series, observation);
                    }
                    return wh(scratch, 0, Math.max(length, 0), series, observation);
                }
                default -> throw new XMLStreamException("observation " + observation + " of series " + series
                        + ": the value element holds more than text", r.getLocation());
            }
        }
    }

    /** {@code "12"}, {@code "0.714"}, {@code "-1.5"} kWh → Wh; more than three decimals is refused (ebIX E51). */
    static int wh(String text, int series, int observation) {
        return wh(text.toCharArray(), 0, text.length(), series, observation);
    }

    private static int wh(char[] text, int offset, int length, int series, int observation) {
        int from = offset;
        int to = offset + length;
        while (from < to && Character.isWhitespace(text[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(text[to - 1])) {
            to--;
        }
        long value = 0;
        int decimals = -1;
        boolean negative = false;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c == '-' && i == from) {
                negative = true;
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else if (c >= '0' && c <= '9' && digits < 12) {
                value = value * 10 + (c - '0');
                digits++;
                if (decimals >= 0 && ++decimals > 3) {
                    throw new InvalidMessage("observation.decimals", "series " + series + ": observation " + observation + " is "
                            + new String(text, from, to - from) + " kWh: at most three decimals");
                }
            } else {
                throw new InvalidMessage("observation.value", "series " + series + ": observation " + observation + " is '"
                        + new String(text, from, to - from) + "', not a number of kWh");
            }
        }
        if (digits == 0) {
            throw new InvalidMessage("observation.value", "series " + series + ": observation " + observation + " is empty");
        }
        for (int d = Math.max(decimals, 0); d < 3; d++) {
            value *= 10;
        }
        if (value > Integer.MAX_VALUE) {
            throw new InvalidMessage("observation.value", "series " + series + ": observation " + observation + " is "
                    + new String(text, from, to - from) + " kWh, beyond what one interval can hold");
        }
        return (int) (negative ? -value : value);
    }

    /**
     * An {@code xs:dateTime} with offset, as {@link OffsetDateTime#parse} reads it. The shape Elhub sends
     * ({@code 2025-10-01T00:00:00+02:00}, {@code …Z}, with or without a fraction) is read by hand — three per series,
     * java.time's general parser was a tenth of the whole parse — and anything else goes to java.time, which decides.
     */
    static Instant instant(String element, String text) {
        String t = text.strip();
        try {
            Instant fast = isoOffsetDateTime(t);
            return fast != null ? fast : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidMessage("message.dateTime", element + " '" + t + "' is not a date and time with offset");
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)}, or {@code null} for any other shape (left to java.time). */
    private static Instant isoOffsetDateTime(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int scale = 100_000_000;
            int from = ++i;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                if (i - from >= 9) {
                    return null;
                }
                nanos += (t.charAt(i) - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == from) {
                return null;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if ((oh | om) < 0) {
                return null;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        try {
            // the same range checks as java.time's strict ISO reading: a day the month lacks, hour 24, offset beyond ±18:00
            java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds(offsetSeconds);
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (java.time.DateTimeException e) {
            return null;   // java.time gives the answer (and its refusal)
        }
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
