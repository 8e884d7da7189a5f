package no.kraft.cis.delivery.avtalegiro;

import java.util.Arrays;
import java.util.Optional;

/** What a mandate record in Nets' list says (registreringstype, position 16 of record 70). */
public enum RegistrationType {

    /** The list is the full list of active mandates, ordered from Nets customer service. */
    ALL_ACTIVE('0'),
    /** A new mandate, or a change to one (e.g. the payer's notice choice). */
    NEW_OR_CHANGED('1'),
    /** The payer deleted the mandate. */
    DELETED('2');

    private final char code;

    RegistrationType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static Optional<RegistrationType> of(char code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
