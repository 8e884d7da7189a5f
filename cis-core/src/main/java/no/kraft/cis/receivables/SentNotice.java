package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A notice already sent on a claim.
 *
 * @param deadline the payment deadline it gave (last day to pay); {@code null} for a friendly reminder
 * @param fee the fee it charged, zero when none
 */
public record SentNotice(NoticeKind kind, LocalDate sentOn, LocalDate deadline, BigDecimal fee) {

    public SentNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentOn, "sentOn");
        fee = fee == null ? BigDecimal.ZERO.setScale(2) : fee;
        if (kind != NoticeKind.FRIENDLY_REMINDER && deadline == null) {
            throw new IllegalArgumentException("a " + kind + " has a deadline");
        }
        if (deadline != null && deadline.isBefore(sentOn)) {
            throw new IllegalArgumentException("a deadline " + deadline + " before the notice was sent " + sentOn);
        }
        if (fee.signum() < 0 || (kind == NoticeKind.FRIENDLY_REMINDER && fee.signum() != 0)) {
            throw new IllegalArgumentException("a " + kind + " cannot have fee " + fee);
        }
    }

    public static SentNotice friendlyReminder(LocalDate sentOn) {
        return new SentNotice(NoticeKind.FRIENDLY_REMINDER, sentOn, null, BigDecimal.ZERO.setScale(2));
    }

    public boolean feeBearing() {
        return kind.mayBearFee() && fee.signum() > 0;
    }
}
