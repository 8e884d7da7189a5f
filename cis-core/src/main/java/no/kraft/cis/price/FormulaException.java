package no.kraft.cis.price;

import no.kraft.cis.rule.InvalidValueException;

/** A formula that cannot be parsed or evaluated, with the 1-based character position where it went wrong. */
public class FormulaException extends InvalidValueException {

    private final int position;

    public FormulaException(String rule, int position, String reason) {
        super(rule, "at position " + position + ": " + reason);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
