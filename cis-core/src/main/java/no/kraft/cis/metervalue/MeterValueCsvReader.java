package no.kraft.cis.metervalue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.Violation;

/**
 * Reads the bulk meter-value layout, one metering point and Norwegian day per line — the shape of Elhub's daily
 * measurement series to suppliers (one series per metering point and day, observations by position):
 *
 * <pre>
 * metering_point_id,day,resolution,values
 * 707057500000000018,2025-10-01,PT15M,0.412 0.398 0.377E …
 * </pre>
 *
 * {@code values} holds one kWh quantity per interval from midnight, separated by single spaces, at most three decimals,
 * optionally followed by a quality letter (M measured — the default, E estimated, C calculated). A day must be whole:
 * 96 quarter-hours or 24 hours, 92/23 on the spring DST day, 100/25 on the autumn one.
 *
 * <p>Hand-written parsing, no regex or {@code BigDecimal} per value: this is the path of 30 million values a month per
 * 10 000 metering points.
 */
public final class MeterValueCsvReader {

    public static final String HEADER = "metering_point_id,day,resolution,values";
    private static final int MAX_VIOLATIONS = 100;

    private final Map<LocalDate, Integer> dayMinutes = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private String lastValidId;

    private MeterValueCsvReader() {
    }

    /**
     * Streams every valid day series to {@code sink} in file order.
     *
     * @throws MeterValueFileException after the whole file is read, if any line was wrong (the caller rolls back)
     */
    public static long read(InputStream input, Consumer<DaySeries> sink) {
        return new MeterValueCsvReader().readAll(input, sink);
    }

    private long readAll(InputStream input, Consumer<DaySeries> sink) {
        long values = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
                throw new MeterValueFileException(List.of(MeterValueFileException.at(1, "meterValue.header",
                        "the first line must be '" + HEADER + "'")));
            }
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                DaySeries series = parse(number, line);
                if (series != null && violations.isEmpty()) {
                    sink.accept(series);
                    values += series.quantitiesWh().length;
                }
                if (violations.size() >= MAX_VIOLATIONS) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            throw new MeterValueFileException(violations);
        }
        return values;
    }

    private DaySeries parse(int number, String line) {
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        int c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
        if (c3 < 0 || line.indexOf(',', c3 + 1) >= 0) {
            return reject(number, "meterValue.format", "expected 4 comma-separated fields: " + HEADER);
        }
        String id = line.substring(0, c1);
        if (!id.equals(lastValidId)) {
            try {
                new MeteringPointId(id);
                lastValidId = id;
            } catch (InvalidValueException e) {
                return reject(number, e.rule(), e.getMessage());
            }
        }
        LocalDate day;
        try {
            day = LocalDate.parse(line.substring(c1 + 1, c2));
        } catch (DateTimeParseException e) {
            return reject(number, "meterValue.day", "day must be an ISO date like 2025-10-26");
        }
        no.kraft.cis.meteringpoint.MeteringResolution resolution = no.kraft.cis.meteringpoint.MeteringResolution.spelled(
                line.substring(c2 + 1, c3));
        if (resolution == null) {
            return reject(number, "resolution.unknown", "resolution is PT15M or PT1H (or PT60M)");
        }
        int minutes = (int) resolution.length().toMinutes();
        int expected = dayMinutes.computeIfAbsent(day, NorwegianTime::minutesOf) / minutes;
        int[] wh = new int[expected];
        char[] qualities = new char[expected];
        int count = 0;
        int i = c3 + 1;
        int end = line.length();
        while (i < end) {
            if (count == expected) {
                return reject(number, "meterValue.count", id + " " + day + ": more than the day's " + expected + " intervals");
            }
            long whole = 0;
            int digits = 0;
            while (i < end && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                whole = whole * 10 + (line.charAt(i++) - '0');
                digits++;
            }
            int fraction = 0;
            int decimals = 0;
            if (i < end && line.charAt(i) == '.') {
                i++;
                while (i < end && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                    fraction = fraction * 10 + (line.charAt(i++) - '0');
                    decimals++;
                }
                if (decimals == 0 || decimals > 3) {
                    return reject(number, "meterValue.decimals", "value " + (count + 1) + " must have 1–3 decimals");
                }
            }
            if (digits == 0 || digits > 7) {
                return reject(number, i < end && line.charAt(i) == '-' ? "meterValue.negative" : "meterValue.format",
                        "value " + (count + 1) + " is not a non-negative kWh quantity with at most three decimals");
            }
            for (int d = decimals; d < 3; d++) {
                fraction *= 10;
            }
            wh[count] = (int) (whole * 1000 + fraction);
            char quality = 'M';
            if (i < end && line.charAt(i) != ' ') {
                quality = line.charAt(i++);
                if (quality != 'M' && quality != 'E' && quality != 'C') {
                    return reject(number, "meterValue.quality", "value " + (count + 1) + ": quality is M, E or C");
                }
            }
            qualities[count++] = quality;
            if (i < end) {
                if (line.charAt(i) != ' ' || i + 1 == end) {
                    return reject(number, "meterValue.format", "value " + (count + 1) + ": values are separated by single spaces");
                }
                i++;
            }
        }
        if (count != expected) {
            return reject(number, "meterValue.count", id + " " + day + " has " + count + " intervals; the day has " + expected
                    + " at " + minutes + " minutes");
        }
        return new DaySeries(number, id, day, minutes, wh, new String(qualities));
    }

    private DaySeries reject(int number, String rule, String message) {
        violations.add(MeterValueFileException.at(number, rule, message));
        return null;
    }
}
