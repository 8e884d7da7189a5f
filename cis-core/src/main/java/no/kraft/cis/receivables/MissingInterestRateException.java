package no.kraft.cis.receivables;

import java.time.LocalDate;

/**
 * A day of interest falls in a half-year whose forsinkelsesrente has not been entered. Enter the half-year's row
 * ({@link LateInterestRates#add}) before its first day; nothing guesses the rate.
 */
public class MissingInterestRateException extends RuntimeException {

    private final LocalDate day;

    public MissingInterestRateException(LocalDate day) {
        // an expected outcome the dunning job meets for every claim of a half-year not entered yet: no stack trace
        super("no forsinkelsesrente is entered for " + day + "; add the half-year's rate", null, false, false);
        this.day = day;
    }

    public String rule() {
        return "interest.rateMissing";
    }

    public LocalDate day() {
        return day;
    }
}
