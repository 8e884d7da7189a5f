package no.kraft.cis.meteringpoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.kraft.cis.rule.InvalidValueException;

/**
 * The two industry-code lists a metering point's NACE code is checked against, each for its own period: SN2007 until
 * 31 August 2025, SN2025 (NACE Rev. 2.1) from {@link #SN2025_EFFECTIVE}. A code is judged by the list in force on the
 * day the characteristics version starts. The lists are data files ({@code nace/sn2007.csv}, {@code nace/sn2025.csv},
 * {@code code;name}) so a correction from SSB is a file change, not a code change.
 */
public final class IndustryCodeList {

    public static final LocalDate SN2025_EFFECTIVE = LocalDate.of(2025, 9, 1);

    private static final IndustryCodeList STANDARD = new IndustryCodeList(load("nace/sn2007.csv"), load("nace/sn2025.csv"));

    private final Map<String, String> sn2007;
    private final Map<String, String> sn2025;

    IndustryCodeList(Map<String, String> sn2007, Map<String, String> sn2025) {
        this.sn2007 = Map.copyOf(sn2007);
        this.sn2025 = Map.copyOf(sn2025);
    }

    public static IndustryCodeList standard() {
        return STANDARD;
    }

    /** The standard's name of the code as in force on {@code day}, if the code exists then. */
    public Optional<String> name(IndustryCode code, LocalDate day) {
        return Optional.ofNullable(listOn(day).get(code.code()));
    }

    /** @throws InvalidValueException {@code industryCode.unknown} if the code is not in the list in force on {@code day} */
    public void requireValid(IndustryCode code, LocalDate day) {
        if (name(code, day).isEmpty()) {
            String list = day.isBefore(SN2025_EFFECTIVE) ? "SN2007" : "SN2025";
            throw new InvalidValueException("industryCode.unknown",
                    "industry code " + code + " is not in " + list + ", the list in force on " + day);
        }
    }

    private Map<String, String> listOn(LocalDate day) {
        return day.isBefore(SN2025_EFFECTIVE) ? sn2007 : sn2025;
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = IndustryCodeList.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("industry code list " + resource + " is missing from the classpath");
            }
            Map<String, String> codes = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    int separator = line.indexOf(';');
                    codes.put(line.substring(0, separator).strip(), line.substring(separator + 1).strip());
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
