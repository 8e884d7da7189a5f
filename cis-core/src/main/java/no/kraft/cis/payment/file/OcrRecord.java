package no.kraft.cis.payment.file;

import java.time.DateTimeException;
import java.time.LocalDate;
import no.kraft.cis.rule.InvalidValueException;

/**
 * One OCR giro record (post): 80 characters, addressed by the 1-based, inclusive positions of the Nets
 * specification. Positions 1–2 are the format code {@code NY}, 3–4 the service code (tjenestekode), 5–6 the
 * transaction or assignment type, 7–8 the record type (recordtype).
 *
 * @param line the record's line in the file, for messages
 */
record OcrRecord(int line, String text) {

    static final int LENGTH = 80;

    /** A line as read: trailing spaces may have been trimmed away and are put back; longer lines are refused. */
    static OcrRecord of(int line, String raw) {
        String content = raw.stripTrailing();
        if (content.length() > LENGTH) {
            throw new InvalidValueException("paymentFile.format",
                    "line " + line + ": a record is " + LENGTH + " characters, this one " + content.length());
        }
        OcrRecord record = new OcrRecord(line, content + " ".repeat(LENGTH - content.length()));
        if (!record.field(1, 2).equals("NY")) {
            throw record.error("paymentFile.format", "format code '" + record.field(1, 2) + "' is not NY");
        }
        return record;
    }

    String serviceCode() {
        return field(3, 4);
    }

    /** Transaction type for amount items, assignment type for the others. */
    String transactionType() {
        return field(5, 6);
    }

    String recordType() {
        return field(7, 8);
    }

    /** The first eight characters, e.g. {@code NY091030}. */
    String code() {
        return field(1, 8);
    }

    String field(int from, int to) {
        return text.substring(from - 1, to);
    }

    /** A field that must be all digits, kept as text (numbers that are identifiers keep their leading zeros). */
    String digits(int from, int to, String what) {
        String value = field(from, to);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error("paymentFile.format", what + " (positions " + from + "–" + to + ") '" + value + "' is not digits");
        }
        return value;
    }

    long number(int from, int to, String what) {
        return Long.parseLong(digits(from, to, what));
    }

    /** A DDMMYY date (year 20YY), or {@code null} when the field is all zeros. */
    LocalDate date(int from, int to, String what) {
        String value = digits(from, to, what);
        if (value.equals("000000")) {
            return null;
        }
        try {
            return LocalDate.of(2000 + Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(0, 2)));
        } catch (DateTimeException e) {
            throw error("paymentFile.format", what + " (positions " + from + "–" + to + ") " + value
                    + " is not a valid date (DDMMYY)");
        }
    }

    InvalidValueException error(String rule, String message) {
        return new InvalidValueException(rule, "line " + line + " (" + code() + "): " + message);
    }
}
