package no.kraft.cis.meteringpoint;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kraft.cis.rule.InvalidValueException;

/**
 * Values of property 888 Norgespris, mirroring the agreement's state in Elhub. {@link #REGISTERED} and
 * {@link #CANCELLATION_REGISTERED} are our own states while a request to Elhub is on its way; {@link #ERROR} keeps
 * Elhub's error text and may be sent again.
 */
public enum NorgesprisStatus {
    ERROR(-1),
    REGISTERED(0),
    ACTIVE(1),
    CANCELLATION_REGISTERED(2),
    CANCELLED(3);

    /**
     * Which value may follow which (the key {@code null}: no value in force). Chosen so that every Elhub status sequence
     * the sync can observe is accepted (e.g. an agreement cancelled in Elhub while active → 3; re-ordered after a
     * cancellation → 1), while our own request states only move the way requests do (an error is re-sent through 0, or
     * through 2 when it was a cancellation that failed).
     */
    private static final Map<Optional<NorgesprisStatus>, Set<NorgesprisStatus>> ALLOWED = Map.of(
            Optional.empty(), EnumSet.of(REGISTERED, ACTIVE, CANCELLED, ERROR),
            Optional.of(REGISTERED), EnumSet.of(ACTIVE, CANCELLED, ERROR),
            Optional.of(ERROR), EnumSet.of(REGISTERED, CANCELLATION_REGISTERED, ACTIVE, CANCELLED),
            Optional.of(ACTIVE), EnumSet.of(CANCELLATION_REGISTERED, CANCELLED),
            Optional.of(CANCELLATION_REGISTERED), EnumSet.of(CANCELLED, ACTIVE, ERROR),
            Optional.of(CANCELLED), EnumSet.of(REGISTERED, ACTIVE));

    private final int code;

    NorgesprisStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean mayFollow(Optional<NorgesprisStatus> previous) {
        return ALLOWED.get(previous).contains(this);
    }

    public static NorgesprisStatus ofCode(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException("property.888.value", "888 takes -1, 0, 1, 2 or 3"));
    }
}
