package no.kraft.cis.price;

import java.util.List;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;

/** A spot-price file that was rejected whole; each violation's field names the line ({@code line 17}). */
public class SpotPriceFileException extends ValidationFailedException {

    public SpotPriceFileException(List<Violation> violations) {
        super(violations);
    }

    static Violation at(int line, String rule, String message) {
        return new Violation("line " + line, rule, message);
    }
}
