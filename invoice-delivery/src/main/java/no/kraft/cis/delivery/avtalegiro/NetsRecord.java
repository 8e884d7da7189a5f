package no.kraft.cis.delivery.avtalegiro;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.kraft.cis.invoice.Kid;
import no.kraft.cis.rule.InvalidValueException;

/**
 * One record (post) of a Nets file: 80 characters, addressed by the 1-based, inclusive positions of the Nets
 * specifications. Positions 1–2 are the format code {@code NY}, 3–4 the service code (tjenestekode: 00 for the
 * transmission, 21 AvtaleGiro), 5–6 the transaction or assignment type, 7–8 the record type. Numeric fields are
 * right-aligned and zero-filled, alphanumeric ones left-aligned and blank-filled; dates are DDMMYY (year 20YY).
 *
 * @param line the record's line in the file, for messages
 */
record NetsRecord(int line, String text) {

    static final int LENGTH = 80;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\n|\r");

    /**
     * The file's records. It is ISO-8859-1; records are separated by CR LF, LF or CR, empty lines at the end are
     * ignored (a final line break is usual), and every other line must be exactly 80 characters: a record whose
     * trailing blanks were trimmed away is refused rather than guessed at.
     */
    static List<NetsRecord> split(byte[] file) {
        String[] lines = LINE_BREAK.split(new String(file, StandardCharsets.ISO_8859_1), -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        List<NetsRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (lines[i].length() != LENGTH) {
                throw new BrokenFileException(i + 1, "avtaleGiro.lineLength",
                        "a record is " + LENGTH + " characters, this line is " + lines[i].length());
            }
            NetsRecord record = new NetsRecord(i + 1, lines[i]);
            if (!record.field(1, 2).equals("NY")) {
                throw record.error("avtaleGiro.format", "format code '" + record.field(1, 2) + "' is not NY");
            }
            records.add(record);
        }
        return records;
    }

    /** The first eight characters, format code to record type, e.g. {@code NY212130}. */
    String code() {
        return field(1, 8);
    }

    /** Transaction type for a transaction's records, assignment type for an assignment's start and end. */
    String type() {
        return field(5, 6);
    }

    String recordType() {
        return field(7, 8);
    }

    String field(int from, int to) {
        return text.substring(from - 1, to);
    }

    /** An alphanumeric field without its blank fill. */
    String text(int from, int to) {
        return field(from, to).stripTrailing();
    }

    /** A field that must be all digits, kept as text (identifiers keep their leading zeros). */
    String digits(int from, int to, String what) {
        String value = field(from, to);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error("avtaleGiro.format", what + " (positions " + from + "–" + to + ") '" + value + "' is not digits");
        }
        return value;
    }

    long number(int from, int to, String what) {
        return Long.parseLong(digits(from, to, what));
    }

    int integer(int from, int to, String what) {
        return Math.toIntExact(number(from, to, what));
    }

    /** A DDMMYY date in 2000–2099, or {@code null} when the field is all zeros. */
    LocalDate date(int from, int to, String what) {
        String value = digits(from, to, what);
        if (value.equals("000000")) {
            return null;
        }
        try {
            return LocalDate.of(2000 + Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(2, 4)),
                    Integer.parseInt(value.substring(0, 2)));
        } catch (DateTimeException e) {
            throw error("avtaleGiro.format", what + " (positions " + from + "–" + to + ") " + value
                    + " is not a date (DDMMYY)");
        }
    }

    /** A KID right-aligned in its field; it must be one of ours, i.e. pass cis-core's {@link Kid}. */
    Kid kid(int from, int to) {
        String value = field(from, to).strip();
        try {
            return new Kid(value);
        } catch (InvalidValueException e) {
            throw error("avtaleGiro.kid", "KID (positions " + from + "–" + to + ") '" + value + "': " + e.getMessage());
        }
    }

    /** An end record's count or sum against what was read. */
    void expect(int from, int to, String what, long counted, String rule) {
        long stated = number(from, to, what);
        if (stated != counted) {
            throw error(rule, what + " (positions " + from + "–" + to + ") says " + stated + ", the file has " + counted);
        }
    }

    /** An end record's first or last due date against the claims read ({@code null}: none, the field all zeros). */
    void expectDate(int from, int to, String what, LocalDate counted) {
        LocalDate stated = date(from, to, what);
        if (stated == null ? counted != null : !stated.equals(counted)) {
            throw error("avtaleGiro.controlDate", what + " (positions " + from + "–" + to + ") says "
                    + field(from, to) + ", the claims give " + (counted == null ? "none" : date(counted)));
        }
    }

    BrokenFileException error(String rule, String message) {
        return new BrokenFileException(line, rule, "(" + code() + ") " + message);
    }

    /** A numeric field: right-aligned, zero-filled. */
    static String digits(long value, int width) {
        String digits = Long.toString(value);
        if (value < 0 || digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /** An alphanumeric field: left-aligned, blank-filled. */
    static String text(String value, int width) {
        if (value.length() > width) {
            throw new IllegalArgumentException("'" + value + "' does not fit in " + width + " characters");
        }
        return value + " ".repeat(width - value.length());
    }

    /** DDMMYY; no date is all zeros. */
    static String date(LocalDate date) {
        return date == null ? zeros(6) : digits(date.getDayOfMonth(), 2) + digits(date.getMonthValue(), 2)
                + digits(date.getYear() % 100, 2);
    }

    static String zeros(int width) {
        return "0".repeat(width);
    }

    /** The records of a file in order, taken one by one by a reader. */
    static final class Cursor {

        private final List<NetsRecord> records;
        private int next;

        Cursor(List<NetsRecord> records) {
            this.records = records;
        }

        /** The next record, which must begin with {@code code}; {@code expected} says what was expected, for the message. */
        NetsRecord take(String code, String expected) {
            NetsRecord record = take(expected);
            if (!record.code().equals(code)) {
                throw record.error("avtaleGiro.format", "expected " + expected);
            }
            return record;
        }

        NetsRecord take(String expected) {
            if (next >= records.size()) {
                int line = records.isEmpty() ? 1 : records.getLast().line() + 1;
                throw new BrokenFileException(line, "avtaleGiro.format", "the file ends where " + expected + " belongs");
            }
            return records.get(next++);
        }

        boolean nextIs(String code) {
            return next < records.size() && records.get(next).code().equals(code);
        }

        boolean nextHasRecordType(String recordType) {
            return next < records.size() && records.get(next).recordType().equals(recordType);
        }

        /** How many records have been taken so far. */
        int taken() {
            return next;
        }

        void requireEnd() {
            if (next < records.size()) {
                throw records.get(next).error("avtaleGiro.format", "nothing may follow the transmission end");
            }
        }
    }
}
