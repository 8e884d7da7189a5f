package no.kraft.cis.meteringpoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import no.kraft.cis.rule.InvalidValueException;

/**
 * The official municipality lists (kommuneinndeling, SSB KLASS 131), each in force from its date until the next one's:
 * {@code municipality/lists.csv} names them ({@code validFrom;file}), the lists are {@code code;name} files with their
 * source in {@code municipality/SOURCES.md}. A new list from SSB is a new file and a line, not a code change. The
 * number matters: its county decides VAT exemption. Before the first list (1 January 2020) we hold no official list
 * and check only the form (four digits) — see the module README.
 */
public final class MunicipalityList {

    private static final MunicipalityList STANDARD = load();

    private final NavigableMap<LocalDate, Version> versions;

    /** One list: in force from {@code validFrom}, read from {@code file}. */
    record Version(LocalDate validFrom, String file, Map<String, String> names) {
    }

    MunicipalityList(NavigableMap<LocalDate, Version> versions) {
        this.versions = new TreeMap<>(versions);
    }

    public static MunicipalityList standard() {
        return STANDARD;
    }

    /** The municipality's name on {@code day}; empty when the number is not in the list in force then (or no list is). */
    public Optional<String> name(String number, LocalDate day) {
        var entry = versions.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.getValue().names().get(number));
    }

    /** @throws InvalidValueException {@code municipalityNumber.unknown} when the number is not in the list in force on {@code day} */
    public void requireValid(String number, LocalDate day) {
        var entry = versions.floorEntry(day);
        if (entry != null && !entry.getValue().names().containsKey(number)) {
            LocalDate next = versions.higherKey(entry.getKey());
            throw new InvalidValueException("municipalityNumber.unknown", "municipality number " + number
                    + " is not in the official list in force on " + day + " (valid " + entry.getKey()
                    + (next == null ? " onwards" : " to " + next.minusDays(1)) + ")");
        }
    }

    private static MunicipalityList load() {
        NavigableMap<LocalDate, Version> versions = new TreeMap<>();
        for (Map.Entry<String, String> line : read("municipality/lists.csv").entrySet()) {
            LocalDate from = LocalDate.parse(line.getKey());
            versions.put(from, new Version(from, line.getValue(), read("municipality/" + line.getValue())));
        }
        return new MunicipalityList(versions);
    }

    private static Map<String, String> read(String resource) {
        try (InputStream in = MunicipalityList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("municipality list " + resource + " is missing from the classpath");
            }
            Map<String, String> rows = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    int separator = line.indexOf(';');
                    rows.put(line.substring(0, separator).strip(), line.substring(separator + 1).strip());
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
