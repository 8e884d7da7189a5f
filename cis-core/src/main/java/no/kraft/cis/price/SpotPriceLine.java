package no.kraft.cis.price;

/** A parsed price with where it came from in the file, so a rejection can name the line. */
public record SpotPriceLine(int line, SpotPrice price) {
}
