package no.kraft.cis.elhub.lookup;

import java.util.Map;

/**
 * Elhub refused a BRS-NO-611 query or found nothing: its code ({@code EHxxx}, or ebIX {@code E10} "not identifiable")
 * with our explanation, and Elhub's own text. The codes and texts are from Elhub's BRS-NO-611 validation list; new codes
 * are passed on with Elhub's text.
 */
public class LookupRejected extends RuntimeException {

    static final Map<String, String> EXPLAINED = Map.of(
            "EH055", "not a BRS-NO-611 RequestUpfrontMeteringPointCharacteristics (message or process)",
            "EH011", "the document type must be E10",
            "EH025", "the document type's list agency must be 260",
            "EH065", "a positive acknowledgement must not be requested",
            "EH013", "our role must be DDQ (balance supplier), QRY or AG",
            "EH015", "this combination of search fields or wildcard is not allowed",
            "E10", "no metering point matches: installation address or metering point not identifiable");

    private final String code;
    private final String elhubText;

    public LookupRejected(String code, String elhubText) {
        super(code + ": " + EXPLAINED.getOrDefault(code, "refused by Elhub") + (elhubText == null ? "" : " (Elhub: " + elhubText + ")"));
        this.code = code;
        this.elhubText = elhubText;
    }

    public String code() {
        return code;
    }

    public String elhubText() {
        return elhubText;
    }

    /** Whether nothing matched (as opposed to a query Elhub refused). */
    public boolean nothingFound() {
        return "E10".equals(code);
    }
}
