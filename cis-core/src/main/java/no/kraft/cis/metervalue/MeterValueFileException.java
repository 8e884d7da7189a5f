package no.kraft.cis.metervalue;

import java.util.List;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;

/** A meter-value file rejected whole (nothing stored); each violation's field names the line. */
public class MeterValueFileException extends ValidationFailedException {

    public MeterValueFileException(List<Violation> violations) {
        super(violations);
    }

    static Violation at(int line, String rule, String message) {
        return new Violation("line " + line, rule, message);
    }
}
