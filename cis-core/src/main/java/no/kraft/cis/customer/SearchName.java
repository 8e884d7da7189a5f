package no.kraft.cis.customer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds a name for case- and accent-insensitive search: {@code "Søren Ødegård"} and {@code "soren odegard"} meet in
 * the same key. Norwegian letters that do not decompose in Unicode are folded the way people type them without a
 * Norwegian keyboard (ø → o, æ → ae); å decomposes to a.
 */
public final class SearchName {

    private SearchName() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("ß", "ss").replace("đ", "d");
        String withoutMarks = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutMarks.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
