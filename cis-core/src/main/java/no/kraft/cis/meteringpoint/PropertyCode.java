package no.kraft.cis.meteringpoint;

import java.util.Arrays;
import java.util.Optional;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.InvalidValueException;

/** The dated properties (egenskaper) a metering point carries, by their numbers in the CIS. */
public enum PropertyCode {
    /** 888 Norgespris: the agreement's state, see {@link NorgesprisStatus}. */
    NORGESPRIS(888),
    /** 870 Compensation override: staff force the 900 classification, see {@link CompensationClass}. */
    COMPENSATION_OVERRIDE(870),
    /** 900 Settled compensation, recomputed daily from 888, end-user group and 870, see {@link CompensationClass}. */
    SETTLED_COMPENSATION(900);

    private final int code;

    PropertyCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PropertyCode ofCode(int code) {
        return Arrays.stream(values()).filter(p -> p.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException("property.unknown", "property codes are 888, 870 and 900"));
    }

    /** Checks a new value on its own: range, and the error text an 888 = −1 must carry. */
    void requireValid(int value, String note) {
        switch (this) {
            case NORGESPRIS -> {
                if (NorgesprisStatus.ofCode(value) == NorgesprisStatus.ERROR && (note == null || note.isBlank())) {
                    throw new InvalidValueException("property.888.errorTextRequired",
                            "888 = -1 (error) must carry the error text from Elhub in 'note'");
                }
            }
            case COMPENSATION_OVERRIDE, SETTLED_COMPENSATION -> CompensationClass.ofCode(value, this);
        }
        if (note != null && note.length() > 2000) {
            throw new InvalidValueException("property.note.length", "note has at most 2000 characters");
        }
    }

    /** Checks that {@code value} may follow {@code previous}; only 888 has a state machine. */
    void requireTransition(Optional<Integer> previous, int value) {
        // the same value with another note (Initiated "cancellable until" → Activated) is no move in the lifecycle
        if (this != NORGESPRIS || previous.filter(p -> p == value).isPresent()) {
            return;
        }
        Optional<NorgesprisStatus> from = previous.map(NorgesprisStatus::ofCode);
        NorgesprisStatus to = NorgesprisStatus.ofCode(value);
        if (!to.mayFollow(from)) {
            throw new ConflictException("value", "property.888.transition",
                    "888 cannot go from " + from.map(s -> s.code() + " (" + s + ")").orElse("no value")
                            + " to " + to.code() + " (" + to + ")");
        }
    }
}
