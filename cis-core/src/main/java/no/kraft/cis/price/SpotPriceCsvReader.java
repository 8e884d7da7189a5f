package no.kraft.cis.price;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.Violation;

/**
 * Reads the simple spot-price layout: a header {@code start,end,area,NOK_per_kWh}, then one interval per line with
 * ISO 8601 timestamps carrying their offset ({@code 2025-10-26T02:00+01:00} or {@code …Z}) and a decimal point.
 */
public final class SpotPriceCsvReader {

    public static final String HEADER = "start,end,area,NOK_per_kWh";

    private SpotPriceCsvReader() {
    }

    public static List<SpotPriceLine> read(Reader input) {
        List<SpotPriceLine> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(input)) {
            String header = reader.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
                throw new SpotPriceFileException(List.of(SpotPriceFileException.at(1, "spotPrice.header",
                        "the first line must be '" + HEADER + "'")));
            }
            int number = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (fields.length != 4) {
                    violations.add(SpotPriceFileException.at(number, "spotPrice.format", "expected 4 fields, found " + fields.length));
                    continue;
                }
                try {
                    Instant start = instant(fields[0]);
                    Instant end = instant(fields[1]);
                    PriceArea area = PriceArea.parse(fields[2]);
                    BigDecimal price = new BigDecimal(fields[3].strip());
                    if (!end.isAfter(start)) {
                        violations.add(SpotPriceFileException.at(number, "spotPrice.endBeforeStart", "end " + end + " is not after start " + start));
                        continue;
                    }
                    lines.add(new SpotPriceLine(number, new SpotPrice(area, start, end, price, null, null)));
                } catch (DateTimeParseException e) {
                    violations.add(SpotPriceFileException.at(number, "spotPrice.format",
                            "timestamps are ISO 8601 with offset, e.g. 2025-10-26T02:00+01:00"));
                } catch (NumberFormatException e) {
                    violations.add(SpotPriceFileException.at(number, "spotPrice.format", "'" + fields[3].strip() + "' is not a decimal number"));
                } catch (InvalidValueException e) {
                    violations.add(SpotPriceFileException.at(number, e.rule(), e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            throw new SpotPriceFileException(violations);
        }
        return lines;
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text.strip()).toInstant();
    }
}
