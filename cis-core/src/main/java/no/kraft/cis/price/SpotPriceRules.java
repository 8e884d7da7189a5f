package no.kraft.cis.price;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.Violation;

/**
 * What a spot-price file must satisfy before anything is stored: per price area, every interval has the market's
 * resolution for its time and starts on a multiple of it; intervals neither repeat nor overlap nor leave gaps; and
 * the file covers whole Norwegian days — 24 hours (96 quarter-hours) on ordinary days, 23 (92) on the spring DST day,
 * 25 (100) on the autumn one.
 */
public final class SpotPriceRules {

    private SpotPriceRules() {
    }

    /** @throws SpotPriceFileException listing every broken rule with its line */
    public static void check(List<SpotPriceLine> lines) {
        List<Violation> violations = new ArrayList<>();
        if (lines.isEmpty()) {
            violations.add(SpotPriceFileException.at(1, "spotPrice.empty", "the file contains no prices"));
        }
        Map<PriceArea, List<SpotPriceLine>> byArea = new LinkedHashMap<>();
        for (SpotPriceLine line : lines) {
            byArea.computeIfAbsent(line.price().area(), a -> new ArrayList<>()).add(line);
        }
        for (List<SpotPriceLine> area : byArea.values()) {
            checkArea(area, violations);
        }
        if (!violations.isEmpty()) {
            throw new SpotPriceFileException(violations.size() > 100 ? violations.subList(0, 100) : violations);
        }
    }

    private static void checkArea(List<SpotPriceLine> lines, List<Violation> violations) {
        List<SpotPriceLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing((SpotPriceLine l) -> l.price().start()).thenComparingInt(SpotPriceLine::line));
        SpotPriceLine previous = null;
        Map<LocalDate, Duration> coveredPerDay = new TreeMap<>();
        for (SpotPriceLine line : sorted) {
            SpotPrice price = line.price();
            Duration expected = SpotResolution.at(price.start());
            if (!price.length().equals(expected)) {
                violations.add(SpotPriceFileException.at(line.line(), "spotPrice.resolution", price.area() + " " + price.start()
                        + ": interval of " + price.length() + " where the market resolution is " + expected));
                continue;
            }
            if (price.start().getEpochSecond() % expected.getSeconds() != 0) {
                violations.add(SpotPriceFileException.at(line.line(), "spotPrice.alignment", price.area() + " " + price.start()
                        + " does not start on a whole " + expected.toMinutes() + " minutes"));
                continue;
            }
            if (previous != null) {
                SpotPrice before = previous.price();
                if (price.start().equals(before.start())) {
                    violations.add(SpotPriceFileException.at(line.line(), "spotPrice.duplicate", price.area() + " " + price.start()
                            + " is also on line " + previous.line()));
                    continue;
                }
                if (price.start().isBefore(before.end())) {
                    violations.add(SpotPriceFileException.at(line.line(), "spotPrice.overlap", price.area() + " " + price.start()
                            + " overlaps line " + previous.line() + " (" + before.start() + " – " + before.end() + ")"));
                    continue;
                }
                if (price.start().isAfter(before.end())) {
                    violations.add(SpotPriceFileException.at(line.line(), "spotPrice.gap", price.area() + ": no price from "
                            + before.end() + " to " + price.start() + " (after line " + previous.line() + ")"));
                }
            }
            LocalDate day = price.start().atZone(NorwegianTime.ZONE).toLocalDate();
            coveredPerDay.merge(day, price.length(), Duration::plus);
            previous = line;
        }
        for (Map.Entry<LocalDate, Duration> day : coveredPerDay.entrySet()) {
            ZonedDateTime start = day.getKey().atStartOfDay(NorwegianTime.ZONE);
            Duration length = Duration.between(start, start.plusDays(1));
            if (!day.getValue().equals(length)) {
                int line = sorted.stream().filter(l -> l.price().start().atZone(NorwegianTime.ZONE).toLocalDate().equals(day.getKey()))
                        .mapToInt(SpotPriceLine::line).min().orElse(1);
                violations.add(SpotPriceFileException.at(line, "spotPrice.partialDay", sorted.getFirst().price().area() + " "
                        + day.getKey() + " has " + day.getValue().toMinutes() + " minutes of prices; the day is "
                        + length.toMinutes() + " minutes long (" + length.toHours() + " hours)"));
            }
        }
    }
}
