package no.kraft.cis.payment.nets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.rule.InvalidValueException;

/**
 * One record (post) of a Nets file, addressed by the 1-based, inclusive positions of the Nets specifications.
 *
 * <p><b>The line-length rule</b>, the same for every Nets file we read: trailing spaces carry nothing. A line is read
 * as its characters up to the last one that is not a space, padded with spaces to 80 — so a record whose trailing
 * blanks a mail client or editor trimmed away reads exactly as it was written, and so does one that gained spaces
 * past position 80. More than 80 characters before the trailing spaces is refused ({@code <rules>.lineLength}). A
 * padded position is a space, and a space is only ever right in a blank-filled (alphanumeric) field or a filler the
 * reader does not read: a numeric field reached by the padding is refused as a cut line ({@code <rules>.lineLength},
 * naming the field, its positions and the line's length), never read as zeros. So a short line is accepted exactly
 * when its missing part could only have been trailing spaces. Non-digits in a numeric field that is on the line are
 * {@code <rules>.format}. Every refusal is a {@link NetsFileException} naming the line, the record's code, the field
 * and the rule.
 */
public final class NetsRecord {

    public static final int LENGTH = 80;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");

    private final int line;
    private final String text;
    private final int length;
    private final String rules;

    private NetsRecord(int line, String text, int length, String rules) {
        this.line = line;
        this.text = text;
        this.length = length;
        this.rules = rules;
    }

    /**
     * A file's records: lines separated by CR LF, LF or CR; blank lines (anywhere: a final line break is usual) are
     * not records but keep their line numbers; every record must have format code {@code NY}.
     *
     * @param rules the namespace of the rules broken, e.g. {@code paymentFile} gives {@code paymentFile.format}
     * @throws NetsFileException naming the line and the rule when a line is not a record
     */
    public static List<NetsRecord> split(String file, String rules) {
        String[] lines = LINE_BREAK.split(file, -1);
        List<NetsRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                records.add(of(i + 1, lines[i], rules));
            }
        }
        return records;
    }

    /** One line as a record, under the line-length rule above; {@code line} is 1-based, for messages. */
    public static NetsRecord of(int line, String raw, String rules) {
        String content = raw.stripTrailing();
        if (content.length() > LENGTH) {
            throw new NetsFileException(line, rules + ".lineLength", "a record is " + LENGTH + " characters, this line has "
                    + content.length() + " before its trailing spaces");
        }
        NetsRecord record = new NetsRecord(line, content + " ".repeat(LENGTH - content.length()), content.length(), rules);
        if (!record.field(1, 2).equals("NY")) {
            throw record.error(rules + ".format", "format code (positions 1–2) '" + record.field(1, 2) + "' is not NY");
        }
        return record;
    }

    public int line() {
        return line;
    }

    /** The record's 80 characters, padded with spaces if the line was shorter. */
    public String text() {
        return text;
    }

    /** How many characters the line had before its trailing spaces. */
    public int length() {
        return length;
    }

    /** The first eight characters, format code to record type, e.g. {@code NY091030}. */
    public String code() {
        return field(1, 8);
    }

    public String serviceCode() {
        return field(3, 4);
    }

    /** Transaction type for a transaction's records, assignment type for an assignment's start and end. */
    public String type() {
        return field(5, 6);
    }

    public String recordType() {
        return field(7, 8);
    }

    /** Positions {@code from}–{@code to}, as they are. */
    public String field(int from, int to) {
        return text.substring(from - 1, to);
    }

    /** An alphanumeric field without its blank fill. */
    public String text(int from, int to) {
        return field(from, to).stripTrailing();
    }

    /** A field that must be all digits, kept as text (identifiers keep their leading zeros). */
    public String digits(int from, int to, String what) {
        String value = field(from, to);
        if (!isDigits(value)) {
            int onLine = Math.clamp(length - from + 1, 0, value.length());
            if (to > length && isDigits(value.substring(0, onLine))) {
                throw error(rules + ".lineLength", what + " (positions " + from + "–" + to + ") is past the line's end: the"
                        + " line has " + length + " characters, and a numeric field cannot have been trailing spaces");
            }
            throw error(rules + ".format", what + " (positions " + from + "–" + to + ") '" + value + "' is not digits");
        }
        return value;
    }

    private static boolean isDigits(String value) {
        return value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public long number(int from, int to, String what) {
        return Long.parseLong(digits(from, to, what));
    }

    public int integer(int from, int to, String what) {
        return Math.toIntExact(number(from, to, what));
    }

    /** A DDMMYY date in 2000–2099, or {@code null} when the field is all zeros. */
    public LocalDate date(int from, int to, String what) {
        String value = digits(from, to, what);
        if (value.equals("000000")) {
            return null;
        }
        try {
            return LocalDate.of(2000 + Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(0, 2)));
        } catch (DateTimeException e) {
            throw error(rules + ".format", what + " (positions " + from + "–" + to + ") " + value
                    + " is not a date (DDMMYY)");
        }
    }

    /** A KID right-aligned in its field that must be one of ours, i.e. pass {@link Kid}; else {@code <rules>.kid}. */
    public Kid kid(int from, int to) {
        String value = field(from, to).strip();
        try {
            return new Kid(value);
        } catch (InvalidValueException e) {
            throw error(rules + ".kid", "KID (positions " + from + "–" + to + ") '" + value + "': " + e.getMessage());
        }
    }

    /** An end record's count or sum against what was read. */
    public void expect(int from, int to, String what, long counted, String rule) {
        long stated = number(from, to, what);
        if (stated != counted) {
            throw error(rule, what + " (positions " + from + "–" + to + ") says " + stated + ", the file has " + counted);
        }
    }

    /** A refusal at this record: the message is prefixed with the line and the record's code. */
    public NetsFileException error(String rule, String message) {
        return new NetsFileException(line, rule, "(" + code() + ") " + message);
    }

    @Override
    public String toString() {
        return "line " + line + ": " + text;
    }

    // Writing: the field encodings, for files we make.

    /** A numeric field: right-aligned, zero-filled. */
    public static String digits(long value, int width) {
        String digits = Long.toString(value);
        if (value < 0 || digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** An alphanumeric field: left-aligned, blank-filled. */
    public static String text(String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException("'" + value + "' does not fit in " + width + " characters");
        }
        return value + " ".repeat(width - value.length());
    }

    /** A KID or other identifier right-aligned in a blank-filled field. */
    public static String rightAligned(String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException("'" + value + "' does not fit in " + width + " characters");
        }
        return " ".repeat(width - value.length()) + value;
    }

    /** DDMMYY; no date is all zeros. */
    public static String date(LocalDate date) {
        return date == null ? zeros(6) : digits(date.getDayOfMonth(), 2) + digits(date.getMonthValue(), 2)
                + digits(date.getYear() % 100, 2);
    }

    public static String zeros(int width) {
        return "0".repeat(width);
    }

    /** A record written field by field must come to exactly 80 characters; a writer's mistake otherwise. */
    public static String requireRecord(String record) {
        if (record.length() != LENGTH) {
            throw new IllegalStateException("record of " + record.length() + " characters: " + record);
        }
        return record;
    }
}
