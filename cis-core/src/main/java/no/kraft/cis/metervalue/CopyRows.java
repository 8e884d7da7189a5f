package no.kraft.cis.metervalue;

import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Writes day series to a PostgreSQL {@code COPY … FROM STDIN} in text format, straight into a byte buffer (ASCII only,
 * no per-value strings), flushing every megabyte so the server parses while we read.
 */
final class CopyRows {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 8192];
    private int length;
    private long rows;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /**
     * Columns: line, metering point GSRN, day, resolution minutes, quantities as an int array, quality codes,
     * the registration times and their codes ({@link Registrations}) or {@code \N} twice, estimates as JSON or {@code \N}.
     */
    /** Rows written so far. */
    long count() {
        return rows;
    }

    void write(DaySeries series) {
        rows++;
        ensure(64 + series.quantitiesWh().length * 12 + series.qualities().length()
                + (series.registeredAt() == null ? 0 : series.registeredAt().length * 21)
                + (series.estimates() == null ? 0 : series.estimates().length()));
        appendInt(series.line());
        append('\t');
        appendAscii(series.meteringPointId());
        append('\t');
        appendAscii(series.day().toString());
        append('\t');
        appendInt(series.resolutionMinutes());
        append('\t');
        append('{');
        int[] values = series.quantitiesWh();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                append(',');
            }
            appendInt(values[i]);
        }
        append('}');
        append('\t');
        appendAscii(series.qualities());
        append('\t');
        if (series.registeredAt() == null) {
            appendAscii("\\N\t\\N");
        } else {
            Registrations.Encoded registered = Registrations.encode(series.registeredAt());
            append('{');
            for (int i = 0; i < registered.instants().length; i++) {
                if (i > 0) {
                    append(',');
                }
                appendAscii(Long.toString(registered.instants()[i]));
            }
            append('}');
            append('\t');
            appendAscii(registered.codes());
        }
        append('\t');
        // JSON of codes and digits only: nothing COPY's text format would need escaped
        appendAscii(series.estimates() == null ? "\\N" : series.estimates());
        append('\n');
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    void flush() {
        if (length == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        }
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void append(char c) {
        buffer[length++] = (byte) c;
    }

    private void appendAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    private void appendInt(int value) {
        if (value == 0) {
            buffer[length++] = '0';
            return;
        }
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        int start = length;
        while (value > 0) {
            buffer[length++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
    }
}
