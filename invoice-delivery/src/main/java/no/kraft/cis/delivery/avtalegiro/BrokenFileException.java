package no.kraft.cis.delivery.avtalegiro;

import no.kraft.cis.rule.InvalidValueException;

/**
 * An AvtaleGiro file was refused: a line is not an 80-character record, a record is not where the layout puts it, a
 * field is not what its positions must hold, or an end record's counts, sum or dates do not match what was read.
 * The whole file is refused; nothing of it is returned.
 *
 * <p>Rules: {@code avtaleGiro.lineLength}, {@code avtaleGiro.format}, {@code avtaleGiro.kid},
 * {@code avtaleGiro.recordCount}, {@code avtaleGiro.controlSum}, {@code avtaleGiro.controlDate}.
 */
public class BrokenFileException extends InvalidValueException {

    private final int line;

    public BrokenFileException(int line, String rule, String message) {
        super(rule, "line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line of the file the rule was broken on. */
    public int line() {
        return line;
    }
}
