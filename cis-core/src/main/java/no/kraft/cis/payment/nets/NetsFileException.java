package no.kraft.cis.payment.nets;

import no.kraft.cis.rule.InvalidValueException;

/**
 * A Nets file (OCR giro, AvtaleGiro) was refused at a line: the line is not an 80-character record, a field is not
 * what its positions must hold, or a record is not what the layout puts there. The whole file is refused. The message
 * names the line, the record's code, the field and its positions; {@link #rule()} is the rule broken, in the reader's
 * namespace ({@code paymentFile.…}, {@code avtaleGiro.…}).
 */
public class NetsFileException extends InvalidValueException {

    private final int line;

    public NetsFileException(int line, String rule, String message) {
        super(rule, "line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line of the file the rule was broken on (blank lines count). */
    public int line() {
        return line;
    }
}
