package no.kraft.cis.delivery.avtalegiro;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kraft.cis.payment.nets.NetsFileException;
import no.kraft.cis.payment.nets.NetsRecord;

/**
 * The records of an AvtaleGiro file in order, taken one by one by a reader. The file is ISO-8859-1; lines, blank
 * lines and line lengths are cis-core's {@link NetsRecord} rule (rules {@code avtaleGiro.…}).
 */
final class RecordCursor {

    static final String RULES = "avtaleGiro";

    private final List<NetsRecord> records;
    private int next;

    private RecordCursor(List<NetsRecord> records) {
        this.records = records;
    }

    static RecordCursor of(byte[] file) {
        return new RecordCursor(NetsRecord.split(new String(file, StandardCharsets.ISO_8859_1), RULES));
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
            throw new NetsFileException(line, "avtaleGiro.format", "the file ends where " + expected + " belongs");
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
