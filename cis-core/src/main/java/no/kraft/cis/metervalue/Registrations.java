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
        // the distinct times by a scan (a day has one, or a few): a stream's distinct() hashed and boxed every value
        long[] distinct = new long[4];
        int count = 0;
        for (long t : perInterval) {
            if (t == 0) {
                continue;
            }
            boolean known = false;
            for (int k = 0; k < count && !known; k++) {
                known = distinct[k] == t;
            }
            if (!known) {
                if (count == SYMBOLS.length()) {
                    count++;   // one too many: refused below
                    break;
                }
                if (count == distinct.length) {
                    distinct = Arrays.copyOf(distinct, count * 2);
                }
                distinct[count++] = t;
            }
        }
        if (count > SYMBOLS.length()) {
            long more = Arrays.stream(perInterval).filter(t -> t != 0).distinct().count();
            throw new IllegalStateException("a day's values carry " + more + " registration times; at most "
                    + SYMBOLS.length() + " are kept");
        }
        distinct = Arrays.copyOf(distinct, count);
        Arrays.sort(distinct);
        char[] codes = new char[perInterval.length];
        long last = 0;
        char lastCode = NONE;
        for (int i = 0; i < perInterval.length; i++) {
            long t = perInterval[i];
            if (t != last) {
                last = t;
                lastCode = t == 0 ? NONE : SYMBOLS.charAt(Arrays.binarySearch(distinct, t));
            }
            codes[i] = lastCode;
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
