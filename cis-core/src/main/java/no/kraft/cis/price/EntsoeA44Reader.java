package no.kraft.cis.price;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.rule.Violation;

/**
 * Reads an ENTSO-E Transparency Platform day-ahead price document (document type A44,
 * {@code Publication_MarketDocument}), as a retailer downloads it: one {@code TimeSeries} per bidding zone and day,
 * each with {@code Period}s of {@code Point}s ({@code position}, {@code price.amount}) at the period's resolution.
 * Curve type A03 leaves out points whose price equals the previous one; they are filled in. Prices in EUR/MWh are
 * converted with the given EUR→NOK rate and kept beside the NOK/kWh value.
 */
public final class EntsoeA44Reader {

    /** Bidding-zone EIC codes. */
    static final Map<String, PriceArea> ZONES = Map.of(
            "10YNO-1--------2", PriceArea.NO1,
            "10YNO-2--------T", PriceArea.NO2,
            "10YNO-3--------J", PriceArea.NO3,
            "10YNO-4--------9", PriceArea.NO4,
            "10Y1001A1001A48H", PriceArea.NO5);

    private EntsoeA44Reader() {
    }

    /**
     * @param eurNok the EUR→NOK rate to convert EUR prices with (Norges Bank's rate for the day); required when the
     *               document is in EUR
     */
    public static List<SpotPriceLine> read(InputStream xml, BigDecimal eurNok) {
        List<SpotPriceLine> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();   // the JDK's own, whatever else is on the classpath
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            boolean sawDocument = false;
            Series series = null;
            Period period = null;
            Integer position = null;
            int pointLine = 0;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    text.setLength(0);
                    int line = reader.getLocation().getLineNumber();
                    switch (reader.getLocalName()) {
                        case "Publication_MarketDocument" -> sawDocument = true;
                        case "TimeSeries" -> series = new Series(line);
                        case "Period" -> period = new Period(line);
                        case "Point" -> {
                            position = null;
                            pointLine = line;
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(reader.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = reader.getLocalName();
                    String value = text.toString().strip();
                    text.setLength(0);
                    int line = reader.getLocation().getLineNumber();
                    if (name.equals("Period") && series != null && period != null) {
                        period.emit(series, eurNok, lines, violations);
                        period = null;
                    } else if (name.equals("TimeSeries")) {
                        series = null;
                    } else if (name.equals("type") && series == null && !value.equals("A44")) {
                        violations.add(SpotPriceFileException.at(line, "spotPrice.documentType",
                                "document type " + value + " is not A44 (day-ahead prices)"));
                    } else if (period != null) {
                        period.attribute(name, value, line, violations);
                        if (name.equals("position")) {
                            position = parseInt(value);
                        } else if (name.equals("price.amount") && position != null) {
                            period.point(position, new BigDecimal(value), pointLine, violations);
                        }
                    } else if (series != null) {
                        series.attribute(name, value, line, violations);
                    }
                }
            }
            if (!sawDocument) {
                violations.add(SpotPriceFileException.at(1, "spotPrice.documentType", "not a Publication_MarketDocument"));
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            violations.add(SpotPriceFileException.at(line, "spotPrice.xml", no.kraft.cis.rule.ParserMessages.xml(e)));
        } catch (NumberFormatException e) {
            violations.add(SpotPriceFileException.at(1, "spotPrice.format", "a number is malformed: " + e.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw new SpotPriceFileException(violations);
        }
        return atMarketResolution(lines);
    }

    /**
     * Per bidding zone and Norwegian day, the prices at the market's resolution for that day ({@link SpotResolution}):
     * <ul>
     *   <li>a document carrying the same days twice — a PT60M and a PT15M series, told apart by
     *       {@code classificationSequence} — keeps the series at the market resolution; the other is information only;</li>
     *   <li>a PT15M series for a day before 15-minute day-ahead (1 October 2025) whose four quarter-hours of every hour
     *       carry one price is that hour's price, and is taken as such;</li>
     *   <li>anything else is passed on as read, for {@link SpotPriceRules} to refuse with its line.</li>
     * </ul>
     */
    static List<SpotPriceLine> atMarketResolution(List<SpotPriceLine> lines) {
        Map<String, Map<Duration, List<SpotPriceLine>>> byDay = new java.util.LinkedHashMap<>();
        for (SpotPriceLine line : lines) {
            SpotPrice p = line.price();
            byDay.computeIfAbsent(p.area() + "|" + no.kraft.cis.period.NorwegianTime.dayOf(p.start()), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(p.length(), k -> new ArrayList<>()).add(line);
        }
        List<SpotPriceLine> chosen = new ArrayList<>(lines.size());
        for (Map<Duration, List<SpotPriceLine>> series : byDay.values()) {
            Duration market = SpotResolution.at(series.values().iterator().next().getFirst().price().start());
            List<SpotPriceLine> atMarket = series.get(market);
            if (atMarket != null) {
                chosen.addAll(atMarket);
            } else if (market.equals(Duration.ofHours(1)) && series.containsKey(Duration.ofMinutes(15))) {
                chosen.addAll(hourlyIfConstant(series.get(Duration.ofMinutes(15))));
            } else {
                series.values().forEach(chosen::addAll);
            }
        }
        return chosen;
    }

    /** Quarter-hours whose hours each carry one price, as hours; otherwise unchanged. */
    private static List<SpotPriceLine> hourlyIfConstant(List<SpotPriceLine> quarters) {
        Map<Instant, List<SpotPriceLine>> hours = new TreeMap<>();
        for (SpotPriceLine q : quarters) {
            hours.computeIfAbsent(q.price().start().truncatedTo(java.time.temporal.ChronoUnit.HOURS), k -> new ArrayList<>()).add(q);
        }
        List<SpotPriceLine> hourly = new ArrayList<>(hours.size());
        for (Map.Entry<Instant, List<SpotPriceLine>> hour : hours.entrySet()) {
            List<SpotPriceLine> four = hour.getValue();
            SpotPrice first = four.getFirst().price();
            boolean constant = four.size() == 4 && four.stream().allMatch(q -> q.price().nokPerKwh().compareTo(first.nokPerKwh()) == 0);
            if (!constant) {
                return quarters;
            }
            hourly.add(new SpotPriceLine(four.getFirst().line(), new SpotPrice(first.area(), hour.getKey(),
                    hour.getKey().plus(Duration.ofHours(1)), first.nokPerKwh(), first.eurPerMwh(), first.eurNok())));
        }
        return hourly;
    }

    private static Integer parseInt(String text) {
        return Integer.valueOf(text.strip());
    }

    /** One bidding zone's series. */
    private static final class Series {
        final int line;
        PriceArea area;
        boolean foreignZone;
        String currency = "EUR";
        String unit = "MWH";
        String curveType = "A01";

        Series(int line) {
            this.line = line;
        }

        void attribute(String name, String text, int at, List<Violation> violations) {
            switch (name) {
                case "in_Domain.mRID" -> {
                    area = ZONES.get(text);
                    if (area == null) {
                        foreignZone = true;
                        violations.add(SpotPriceFileException.at(at, "spotPrice.area", "bidding zone " + text + " is not a Norwegian price area"));
                    }
                }
                case "currency_Unit.name" -> currency = text;
                case "price_Measure_Unit.name" -> {
                    unit = text;
                    if (!unit.equals("MWH")) {
                        violations.add(SpotPriceFileException.at(at, "spotPrice.unit", "prices must be per MWH, not " + unit));
                    }
                }
                case "curveType" -> curveType = text;
                default -> { }
            }
        }
    }

    /** One period of points at one resolution. */
    private static final class Period {
        final int line;
        Instant start;
        Instant end;
        Duration resolution;
        final TreeMap<Integer, BigDecimal> prices = new TreeMap<>();
        final TreeMap<Integer, Integer> lines = new TreeMap<>();

        Period(int line) {
            this.line = line;
        }

        void attribute(String name, String text, int at, List<Violation> violations) {
            try {
                switch (name) {
                    case "start" -> start = Instant.parse(withSeconds(text));
                    case "end" -> end = Instant.parse(withSeconds(text));
                    case "resolution" -> resolution = Duration.parse(text);
                    default -> { }
                }
            } catch (DateTimeParseException e) {
                violations.add(SpotPriceFileException.at(at, "spotPrice.format", "'" + text + "' is not a valid " + name));
            }
        }

        void point(int position, BigDecimal price, int at, List<Violation> violations) {
            if (prices.put(position, price) != null) {
                violations.add(SpotPriceFileException.at(at, "spotPrice.duplicate", "position " + position + " appears twice in the period"));
            }
            lines.put(position, at);
        }

        void emit(Series series, BigDecimal eurNok, List<SpotPriceLine> out, List<Violation> violations) {
            if (series.foreignZone) {
                return;   // refused once, naming the zone
            }
            if (series.area == null || start == null || end == null || resolution == null) {
                violations.add(SpotPriceFileException.at(line, "spotPrice.format",
                        "the period lacks its bidding zone, time interval or resolution"));
                return;
            }
            boolean euro = series.currency.equals("EUR");
            if (euro && eurNok == null) {
                violations.add(SpotPriceFileException.at(series.line, "spotPrice.exchangeRate",
                        "prices are in EUR: give the EUR→NOK rate (parameter eurNok)"));
                return;
            }
            if (!euro && !series.currency.equals("NOK")) {
                violations.add(SpotPriceFileException.at(series.line, "spotPrice.currency", "currency must be EUR or NOK"));
                return;
            }
            long count = Duration.between(start, end).dividedBy(resolution);
            BigDecimal price = null;
            int lastLine = line;
            for (int position = 1; position <= count; position++) {
                if (prices.containsKey(position)) {
                    price = prices.get(position);
                    lastLine = lines.get(position);
                } else if (!series.curveType.equals("A03") || price == null) {
                    violations.add(SpotPriceFileException.at(lastLine, "spotPrice.gap",
                            series.area + ": position " + position + " of the period starting " + start + " is missing"));
                    continue;
                }
                Instant from = start.plus(resolution.multipliedBy(position - 1L));
                Instant to = from.plus(resolution);
                SpotPrice spot = euro ? SpotPrice.fromEuro(series.area, from, to, price, eurNok)
                        : new SpotPrice(series.area, from, to, price.movePointLeft(3), null, null);
                out.add(new SpotPriceLine(lastLine, spot));
            }
            if (!prices.isEmpty() && prices.lastKey() > count) {
                violations.add(SpotPriceFileException.at(lines.get(prices.lastKey()), "spotPrice.overlap",
                        "position " + prices.lastKey() + " lies beyond the period's end " + end));
            }
        }

        private static String withSeconds(String text) {
            // ENTSO-E writes 2025-10-25T22:00Z, without seconds
            return text.matches(".*T\\d{2}:\\d{2}Z") ? text.replace("Z", ":00Z") : text;
        }
    }
}
