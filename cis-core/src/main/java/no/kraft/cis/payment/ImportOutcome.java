package no.kraft.cis.payment;

import java.math.BigDecimal;
import no.kraft.cis.payment.file.PaymentFileFormat;

/**
 * What importing a bank file did.
 *
 * @param duplicate the file (same bytes, or the same bank message id) was imported before: nothing was changed, and
 *     the figures are those of that first import
 * @param alreadyImported payments skipped because an earlier file carried the same bank reference
 */
public record ImportOutcome(long fileId, PaymentFileFormat format, String messageId, boolean duplicate, int payments,
        int matchedByKid, int matchedByAmountAndPayer, int queued, int alreadyImported, BigDecimal total) {
}
