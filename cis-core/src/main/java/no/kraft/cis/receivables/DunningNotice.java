package no.kraft.cis.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A notice the dunning job has decided to send — what {@link DunningNotices} is asked to deliver. Everything the
 * letter or message shows is here, so the adapter renders it without reading the ledger again.
 *
 * @param eventId the dunning event it belongs to: the adapter's key for sending it once
 * @param amount what is open on the invoice today (earlier fees included), before this notice's fee
 * @param fee this notice's fee (zero when none)
 * @param interest forsinkelsesrente to date; {@code null} when a half-year's rate is not entered (see {@code interestNote})
 * @param interestCharged whether the interest is charged (added to what to pay) or only shown
 * @param interestNote a line for the notice when the interest could not be computed; {@code null} otherwise
 * @param deadline the new payment deadline (purring, inkassovarsel); {@code null} for a friendly reminder
 * @param toPay amount + fee (+ interest when charged): what the notice asks to be paid by the deadline
 * @param channel the channel {@link DunningNotices#channels} chose
 */
public record DunningNotice(long eventId, long invoiceId, long invoiceNumber, long customerId, NoticeKind kind, NoticeChannel channel, LocalDate day,
        String kid, LocalDate dueDate, BigDecimal invoiceTotal, BigDecimal amount, BigDecimal fee, BigDecimal interest,
        boolean interestCharged, String interestNote, LocalDate deadline, BigDecimal toPay) {

    public DunningNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kid, "kid");
    }
}
