package no.kraft.cis.metervalue;

import java.util.Arrays;

/**
 * A day's per-interval registration times, stored compactly (pure): the distinct times ascending, and one character
 * per interval naming which ({@value #SYMBOLS}, index 0–61; {@code '-'} none). A day has one registration time, or a
 * few after corrections — one byte per value instead of eight.
 */
final class Registrations {

    static final String SYMBOLS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final char NONE = '-';

    private Registrations() {
    }

    /** Stored form: the distinct times and the codes. */
    record Encoded(long[] instants, String codes) {
    }

    /** @param perInterval epoch seconds per interval, 0 for none */
    static Encoded encode(long[] perInterval) {
        long[] distinct = Arrays.stream(perInterval).filter(t -> t != 0).distinct().sorted().toArray();
        if (distinct.length > SYMBOLS.length()) {
            throw new IllegalStateException("a day's values carry " + distinct.length + " registration times; at most "
                    + SYMBOLS.length() + " are kept");
        }
        char[] codes = new char[perInterval.length];
        for (int i = 0; i < perInterval.length; i++) {
            codes[i] = perInterval[i] == 0 ? NONE : SYMBOLS.charAt(Arrays.binarySearch(distinct, perInterval[i]));
        }
        return new Encoded(distinct, new String(codes));
    }

    static long[] decode(long[] instants, String codes) {
        long[] perInterval = new long[codes.length()];
        for (int i = 0; i < perInterval.length; i++) {
            char c = codes.charAt(i);
            perInterval[i] = c == NONE ? 0 : instants[SYMBOLS.indexOf(c)];
        }
        return perInterval;
    }
}
