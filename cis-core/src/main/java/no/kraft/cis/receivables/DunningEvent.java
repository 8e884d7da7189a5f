package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of the dunning process on an invoice, as stored: a notice, the hand-over, or a staff pause, resume or stop.
 *
 * @param id the event's id (a written notice's letter is fetched by it)
 * @param step FRIENDLY_REMINDER, PURRING, INKASSOVARSEL, HAND_OVER, PAUSED, RESUMED or STOPPED
 * @param amount what was open when the step was taken (notices and hand-over)
 * @param fee the fee charged with it (zero when none); {@code feeRule} why
 * @param interest forsinkelsesrente to that day as shown; {@code null} when a rate was missing ({@code interestNote})
 * @param interestCharged the part of it charged to the ledger (zero when only shown)
 * @param channel how it went: EMAIL, SMS, PAPER, AGENCY (the hand-over) or NONE
 * @param by the dunning job ({@value DunningRun#ACTOR}) or the staff member
 */
public record DunningEvent(long id, String step, LocalDate day, BigDecimal amount, BigDecimal fee, String feeRule, LocalDate deadline,
        BigDecimal interest, BigDecimal interestCharged, String interestNote, String channel, String reason, String by, Instant at) {
}
