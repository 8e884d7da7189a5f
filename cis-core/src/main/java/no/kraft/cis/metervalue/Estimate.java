package no.kraft.cis.metervalue;

import java.util.regex.Pattern;

/**
 * How an estimated or temporary value came about, as Elhub's validation rules (VEE) code it: the {@code Quality}
 * attribute (56 or 81), the validation code (V001–V014, V999) and the estimation method (E001–E008). Any part may be
 * absent (a temporary value has no quality attribute, and may have no estimation code).
 */
public record Estimate(String quality, String validation, String estimation) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,8}");

    public Estimate {
        for (String code : new String[] {quality, validation, estimation}) {
            if (code != null && !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("an estimation code is 1–8 capital letters or digits, not '" + code + "'");
            }
        }
    }

    /** As stored in {@code meter_value_day.estimates} (the codes need no escaping). */
    String json() {
        StringBuilder out = new StringBuilder("{");
        append(out, "quality", quality);
        append(out, "validation", validation);
        append(out, "estimation", estimation);
        return out.append('}').toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":\"").append(value).append('"');
        }
    }
}
