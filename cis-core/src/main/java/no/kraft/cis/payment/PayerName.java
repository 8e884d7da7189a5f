package no.kraft.cis.payment;

import java.util.Arrays;
import no.kraft.cis.customer.SearchName;

/**
 * A payer's name as the bank reports it, compared word by word regardless of order — banks write "NORDMANN OLA" for
 * Ola Nordmann — and of case and accents (through {@link SearchName}).
 */
record PayerName(String key) {

    static PayerName of(String name) {
        String[] words = SearchName.fold(name).split(" ");
        Arrays.sort(words);
        return new PayerName(String.join(" ", words).strip());
    }

    boolean isBlank() {
        return key.isEmpty();
    }

    boolean sameAs(String customerSearchName) {
        return !isBlank() && key.equals(of(customerSearchName).key());
    }
}
