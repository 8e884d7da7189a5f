package no.kraft.cis.elhub.exchange;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the integration log keeps of a message: national IDs (11 digits standing alone) and e-mail addresses masked,
 * and the metering-point IDs (18 digits) it names, which are what the log is searched by. Organisation numbers,
 * GLNs and metering-point IDs are not personal data and stay readable.
 */
public final class PersonalDataMask {

    private static final Pattern NATIONAL_ID = Pattern.compile("(?<!\\d)\\d{11}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern METERING_POINT = Pattern.compile("(?<!\\d)\\d{18}(?!\\d)");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = NATIONAL_ID.matcher(text).replaceAll("***********");
        return EMAIL.matcher(masked).replaceAll("***@***");
    }

    /** The distinct metering-point IDs in the given texts, in order of appearance. */
    public static List<String> meteringPoints(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher m = METERING_POINT.matcher(text);
                while (m.find()) {
                    found.add(m.group());
                }
            }
        }
        return List.copyOf(found);
    }
}
